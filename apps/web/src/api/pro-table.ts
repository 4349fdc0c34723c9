import type { Page } from '@qd/core';
import { api, type Query } from './client';

type SortOrder = 'ascend' | 'descend' | null | undefined;

/**
 * ProTable's request arguments → the list query every endpoint takes
 * (`current`, `pageSize`, `sort` as `field` / `-field`, `keyword`, filters).
 * ProTable adds bookkeeping fields of its own (`_timestamp`), which are dropped.
 */
export function toListQuery(params: Record<string, unknown>, sort?: Record<string, SortOrder>): Query {
  const query: Query = {};
  for (const [key, value] of Object.entries(params)) {
    if (key.startsWith('_') || value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) query[key] = value.join(',');
      continue;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      query[key] = typeof value === 'string' ? value.trim() : value;
    }
  }
  const sorted = Object.entries(sort ?? {}).find(([, order]) => order === 'ascend' || order === 'descend');
  if (sorted) query.sort = sorted[1] === 'descend' ? `-${sorted[0]}` : sorted[0];
  return query;
}

export interface ProTableResult<T> {
  data: T[];
  total: number;
  success: true;
  /** The total is an estimate (above 10,000 matches): show it as 约 …. */
  totalIsEstimate: boolean;
}

/** Loads one page for a ProTable: `{data,total,current,pageSize}` → `{data,total,success}`. */
export async function fetchPage<T>(path: string, query: Query): Promise<ProTableResult<T>> {
  const page = await api.get<Page<T>>(path, { query });
  return { data: page.data, total: page.total, success: true, totalIsEstimate: page.totalIsEstimate === true };
}
