import type PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';

/**
 * pg-boss over the app's own database handle, for PGlite: one process owns that database, so
 * pg-boss cannot open connections of its own. Statements with parameters go through `query`;
 * pg-boss's parameterless scripts (schema creation, maintenance, each with its own BEGIN …
 * COMMIT and advisory lock) through `script`, which runs several statements at once.
 */
export function pgBossDb(database: Database): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: values === undefined ? await database.script(text) : await database.query(text, values),
    }),
  };
}
