import { useQuery } from '@tanstack/react-query';
import type { Organization } from '@qd/core';
import { api } from '../../../api/client';

export type OrganizationKindPath = 'enterprises' | 'departments' | 'institutions';

export const organizationQueryKey = (id: string) => ['organization', id] as const;

export function useOrganization(kind: OrganizationKindPath, id: string | undefined) {
  return useQuery({
    queryKey: organizationQueryKey(id ?? ''),
    queryFn: () => api.get<Organization>(`/${kind}/${id}`),
    enabled: !!id,
  });
}
