import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { sealAudit } from '../platform/audit/audit-sealer.js';
import { tableFingerprints, type TableFingerprint } from '../platform/db/table-fingerprints.js';
import { startServer, type RunningServer } from '../server.js';
import { enterpriseBody } from '../testing/fixtures.js';
import {
  call,
  createPostgresDatabase,
  DEMO_PASSWORD,
  login,
  POSTGRES_MISSING,
  POSTGRES_URL,
  TEST_DB,
} from '../testing/test-app.js';
import { recordingIo } from './io.js';
import { runQd } from './program.js';

/**
 * `qd backup` of a running server's database, a wipe, `qd restore`: every table comes back
 * with the same rows (count and content hash), the audit chain verifies, and writes made after
 * the backup are gone. On PGlite the backup comes from the running server over its socket.
 */
describe.skipIf(POSTGRES_MISSING)('qd backup and qd restore', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-backup-'));
  const dataDir = path.join(tmp, 'data');
  const backupFile = path.join(tmp, 'qd-backup.bin');
  let pgDb: { url: string; drop(): Promise<void> } | null = null;
  let config: Config;
  let server: RunningServer | null = null;

  const qd = async (...args: string[]) => {
    const io = recordingIo('en-US');
    const code = await runQd(['node', 'qd', ...args], io, config);
    return { code, out: io.lines.join('\n'), err: io.errors.join('\n') };
  };
  const fingerprints = async (): Promise<TableFingerprint[]> => {
    const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    try {
      return await tableFingerprints(database);
    } finally {
      await database.close();
    }
  };
  const createEnterprise = async () => {
    const office = await login(server!.app, 'office', DEMO_PASSWORD);
    const res = await call(server!.app, office, 'POST', '/api/v1/enterprises', enterpriseBody());
    expect(res.statusCode).toBe(201);
  };

  beforeAll(async () => {
    pgDb = TEST_DB === 'postgres' ? await createPostgresDatabase() : null;
    config = { ...loadConfig({}), databaseUrl: pgDb?.url, dataDir, webDist: '/nonexistent', jobs: false };
    server = await startServer({
      seedDemoWhenEmpty: true,
      config: { ...config, port: 0, host: '127.0.0.1', demoPassword: DEMO_PASSWORD },
    });
  });
  afterAll(async () => {
    await server?.close();
    await pgDb?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'restores what was backed up while the server ran, table by table, with an intact audit chain',
    { timeout: 600_000 },
    async () => {
      await createEnterprise();
      // Seal the audit rows written so far (the server's sealer would, a moment later), so the
      // fingerprint and the backup see the same hashes; restore seals nothing new then.
      await sealAudit(server!.database.db, config.hash, { wait: true });
      const atBackup = await tableFingerprints(server!.database);
      const backup = await qd('backup', backupFile);
      expect(backup.code, backup.err).toBe(0);
      expect(backup.out).toMatch(
        /^Backup written: .*qd-backup\.bin \(\d+ bytes\), SHA-256 [0-9a-f]{64} in qd-backup\.bin\.sha256$/,
      );
      if (TEST_DB === 'pglite') expect(backup.err).toContain('from the running server');
      expect(fs.readFileSync(`${backupFile}.sha256`, 'utf8')).toMatch(/^[0-9a-f]{64} {2}qd-backup\.bin\n$/);
      expect((await qd('backup', backupFile)).code).toBe(1); // never overwrites

      // Written after the backup: the restore must not bring it back.
      await createEnterprise();
      if (TEST_DB === 'pglite') {
        const busy = await qd('restore', backupFile);
        expect(busy.code).toBe(2); // the running server holds the folder
        expect(busy.err).toContain('is in use by another Quality District process');
      }
      await server!.close();
      server = null;

      // Wipe: the database is gone.
      if (pgDb) {
        const name = new URL(pgDb.url).pathname.slice(1);
        const admin = new pg.Client({ connectionString: POSTGRES_URL });
        await admin.connect();
        await admin.query(`drop database ${name} with (force)`);
        await admin.query(`create database ${name}`);
        await admin.end();
      } else {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
      expect((await fingerprints()).some((t) => t.table === 'public.organizations')).toBe(false);

      const restore = await qd('restore', backupFile);
      expect(restore.code, restore.err).toBe(0);
      expect(restore.out).toMatch(/OK: the audit chain is intact, \d+ rows checked\./);
      const restored = await fingerprints();
      expect(restored).toEqual(atBackup);
      expect(restored.find((t) => t.table === 'public.audit_log')?.rows ?? 0).toBeGreaterThan(0);
    },
  );

  it('refuses a backup that does not match its checksum, or has none', async () => {
    const damaged = path.join(tmp, 'damaged.bin');
    fs.copyFileSync(backupFile, damaged);
    fs.copyFileSync(`${backupFile}.sha256`, `${damaged}.sha256`);
    const fd = fs.openSync(damaged, 'r+');
    fs.writeSync(fd, Buffer.from([0xff, 0x00, 0xff]), 0, 3, 100);
    fs.closeSync(fd);
    const refused = await qd('restore', damaged);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('does not match its SHA-256');

    fs.rmSync(`${damaged}.sha256`);
    expect((await qd('restore', damaged)).err).toContain('is missing');
  });
});
