import { useQuery } from '@tanstack/react-query';
import type { Region } from '@qd/core';
import { api } from '../api/client';

/** The regions in the user's scope (a flat list), for region pickers; they rarely change. */
export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => api.get<Region[]>('/regions'),
    staleTime: 10 * 60_000,
  });
}
