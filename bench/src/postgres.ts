import pg from 'pg';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database `qd_bench_<ts>` on the server of BENCH_DATABASE_URL, TEST_DATABASE_URL or the
 * local default; `{ unreachable }` with the reason when that server cannot be reached.
 */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase | { unreachable: string }> {
  const name = `qd_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
  } catch (err) {
    return { unreachable: (err as Error).message || String((err as { code?: string }).code) };
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
