import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './database.js';

const MIGRATION_LOCK_KEY = 7_270_001;
export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, '../../../migrations');

/**
 * Applies the committed drizzle-kit migrations. Both drivers share Drizzle's dialect migrator,
 * so PGlite and PostgreSQL record applied migrations in the same `drizzle.__drizzle_migrations`.
 */
export async function migrate(database: Database): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const db = database.db as unknown as {
    dialect: { migrate(m: unknown, s: unknown, c: unknown): Promise<void> };
    session: unknown;
  };
  // Several server instances may start at once: one migrates, the others wait for it.
  await database.withAdvisoryLock(MIGRATION_LOCK_KEY, () =>
    db.dialect.migrate(migrations, db.session, { migrationsFolder: MIGRATIONS_FOLDER }),
  );
}

/** The tag of the newest applied migration, for /api/health. */
export async function migrationVersion(database: Database): Promise<string | null> {
  const rows = await database.query<{ created_at: string }>(
    'select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  const applied = Number(rows[0]?.created_at ?? 0);
  if (!applied) return null;
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  const index = migrations.findIndex((m) => m.folderMillis === applied);
  const journal = (await import(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), { with: { type: 'json' } })).default as {
    entries: { tag: string }[];
  };
  return journal.entries[index]?.tag ?? String(applied);
}
