import type { Database } from './database.js';

export interface TableFingerprint {
  /** schema.table */
  table: string;
  rows: number;
  /** MD5 of the table's rows as text, in a fixed order: equal contents, equal fingerprints. */
  md5: string;
}

/**
 * Row count and content hash of every table, for comparing a restored database with the one
 * that was backed up (`qd restore` prints them; the backup test compares them).
 */
export async function tableFingerprints(database: Database): Promise<TableFingerprint[]> {
  const tables = await database.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`,
  );
  const result: TableFingerprint[] = [];
  for (const { schema, name } of tables) {
    const qualified = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    const [row] = await database.query<{ rows: number; md5: string }>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from ${qualified} t`,
    );
    result.push({ table: `${schema}.${name}`, rows: row!.rows, md5: row!.md5 });
  }
  return result;
}
