import { useQuery } from '@tanstack/react-query';
import type { Page } from '@qd/core';
import { api } from '../../../api/client';

/** Select options from a list endpoint (first 200 rows), e.g. the item list or the departments. */
export function useOptions<T, O extends { value: string; label: string }>(path: string, toOption: (row: T) => O): O[] {
  const { data } = useQuery({
    queryKey: ['supervision', 'options', path],
    queryFn: () => api.get<Page<T>>(path, { query: { pageSize: 200 } }),
  });
  return (data?.data ?? []).map(toOption);
}
