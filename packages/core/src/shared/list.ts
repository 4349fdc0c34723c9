import { z } from 'zod';

/**
 * The list contract every list endpoint follows (it is ProTable's): page number `current`,
 * `pageSize`, `sort` as `field` or `-field`, a `keyword`, and filters of the list's own.
 */
export const MAX_PAGE_SIZE = 200;

export const listQuery = z.object({
  current: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/, { error: 'validation.invalidFormat' })
    .optional(),
  keyword: z.string().trim().max(100).optional(),
  /** `1`: count every match; otherwise a total above 10,000 is an estimate (`totalIsEstimate`). */
  exactTotal: z.enum(['0', '1']).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    total: z.number().int(),
    current: z.number().int(),
    pageSize: z.number().int(),
    /** Present (true) when `total` is an estimate (shown as 约 …); absent when it is exact. */
    totalIsEstimate: z.literal(true).optional(),
  });
}

export interface Page<T> {
  data: T[];
  total: number;
  current: number;
  pageSize: number;
  totalIsEstimate?: true;
}

/** Splits `-createdAt` into the field and direction, keeping only fields the list allows. */
export function parseSort<F extends string>(
  sort: string | undefined,
  allowed: readonly F[],
  fallback: { field: F; desc: boolean },
): { field: F; desc: boolean } {
  if (!sort) return fallback;
  const desc = sort.startsWith('-');
  const field = (desc ? sort.slice(1) : sort) as F;
  return allowed.includes(field) ? { field, desc } : fallback;
}

/** Error body of every failed request (ARCHITECTURE §6). */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;
