import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { regionScopePrefix } from '@qd/core';

/**
 * The one place the caller's region scope becomes SQL (ARCHITECTURE §5): a region sees itself
 * and everything under it, by code prefix, which the text_pattern_ops indexes serve.
 */
export function regionScope(column: PgColumn, scopeRegionCode: string): SQL {
  return sql`${column} like ${regionScopePrefix(scopeRegionCode) + '%'}`;
}
