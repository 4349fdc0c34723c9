import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '@qd/core';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { POSTGRES_MISSING, POSTGRES_URL, TEST_DB } from '../testing/test-app.js';
import { recordingIo } from './io.js';
import { runQd } from './program.js';

/**
 * `qd` end to end, but in-process: argument parsing, opening the database from the config, the
 * command, the exit code. PGlite in a temporary folder, or a fresh PostgreSQL database.
 */
const PASSWORD = 'Cli-Test-Pass-2026';
const LOCK_HOLDER = path.join(import.meta.dirname, '../platform/db/data-dir-lock.child.ts');
const HEADER = '企业名称,统一社会信用代码,行政区划代码,行业门类,行业代码,企业规模,地址,成立日期,状态,法定代表人,主要产品';

async function cliDatabase(): Promise<{ config: Config; dispose(): Promise<void> }> {
  const base = { ...loadConfig({}), webDist: '/nonexistent' };
  if (TEST_DB === 'postgres') {
    // Its own data folder too: the audit checkpoints and their key live there, not in ./data.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-cli-'));
    const name = `qd_cli_test_${Date.now()}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(POSTGRES_URL!);
    url.pathname = `/${name}`;
    return {
      config: { ...base, databaseUrl: url.toString(), dataDir },
      dispose: async () => {
        fs.rmSync(dataDir, { recursive: true, force: true });
        const c = new pg.Client({ connectionString: POSTGRES_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-cli-'));
  return {
    config: { ...base, databaseUrl: undefined, dataDir },
    dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

describe.skipIf(POSTGRES_MISSING)('qd command line', () => {
  let config: Config;
  let dispose: () => Promise<void>;
  let tmp: string;

  const qd = async (...args: string[]) => {
    const io = recordingIo();
    const code = await runQd(['node', 'qd', ...args], io, config);
    return { code, out: io.lines.join('\n'), err: io.errors.join('\n') };
  };
  /** Direct access between commands (a PGlite folder admits one process, but one handle at a time here). */
  const withDb = async <T>(fn: (d: Database) => Promise<T>): Promise<T> => {
    const d = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  };
  const csv = (name: string, lines: string[]) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, [HEADER, ...lines].join('\n'));
    return file;
  };
  const enterpriseCount = () =>
    withDb(async (d) =>
      Number((await d.query<{ n: number }>(`select count(*)::int as n from organizations where kind = 'enterprise'`))[0]!.n),
    );

  beforeAll(async () => {
    ({ config, dispose } = await cliDatabase());
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-cli-files-'));
  });
  afterAll(async () => {
    await dispose?.();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('migrates a new database, then finds it up to date', async () => {
    const first = await qd('migrate');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^Migrated from \(empty\) to \d{4}_/);
    const again = await qd('migrate');
    expect(again).toMatchObject({ code: 0, out: expect.stringMatching(/^Up to date at migration \d{4}_/) });
  });

  it('seeds the demo district once, and refuses a database that has users', async () => {
    const seeded = await qd('seed', '--demo', '--password', PASSWORD);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('office');
    expect(seeded.out).toContain('Password for all of them: as given.');
    expect(await enterpriseCount()).toBe(200);

    const again = await qd('seed', '--demo');
    expect(again.code).toBe(1);
    expect(again.err).toContain('empty database only');
  });

  it('adds generated enterprises in bulk', async () => {
    const r = await qd('seed', '--scale', '25');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Added 25 generated enterprises to region 410471 in .* rows\/s/);
    expect(await enterpriseCount()).toBe(225);
  });

  it('imports a good CSV, and nothing of a file with a bad row', async () => {
    const good = csv('good.csv', [
      `质检企业一有限公司,${makeCreditCode('410471', 7_000_001)},410471,C,2651,小型,河南省平顶山市高新区火炬路1号,2010-01-01,在业,王一,尼龙`,
      `质检企业二有限公司,${makeCreditCode('410471', 7_000_002)},410471,C,3411,中型,河南省平顶山市高新区火炬路2号,2012-05-20,在业,王二,液压支架`,
    ]);
    const ok = await qd('enterprise', 'import', good);
    expect(ok).toMatchObject({ code: 0, out: 'Imported 2 enterprises into region 410471.' });
    expect(await enterpriseCount()).toBe(227);

    const bad = csv('bad.csv', [
      `质检企业三有限公司,${makeCreditCode('410471', 7_000_003)},410471,C,2651,小型,河南省平顶山市高新区火炬路3号,2010-01-01,在业,王三,尼龙`,
      `质检企业四有限公司,123,410471,C,2651,巨型,河南省平顶山市高新区火炬路4号,2010-13-01,在业,王四,尼龙`,
    ]);
    const failed = await qd('enterprise', 'import', bad);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('row 3, 统一社会信用代码');
    expect(failed.err).toContain('row 3, 企业规模');
    expect(failed.err).toContain('nothing was imported');
    expect(await enterpriseCount()).toBe(227);
  });

  it('creates a user through the users service, and rejects a weak password', async () => {
    const userArgs = [
      'user',
      'create',
      '--username',
      'zhangsan',
      '--name',
      '质量办 张三',
      '--region',
      '410471',
      '--role',
      'office',
    ];
    process.env.QD_NEW_PASSWORD = 'short';
    try {
      const weak = await qd(...userArgs);
      expect(weak.code).toBe(1);
      expect(weak.err).toContain('password');
      process.env.QD_NEW_PASSWORD = 'Zhang-San-Pass-2026';
      const created = await qd(...userArgs);
      expect(created.code).toBe(0);
      expect(created.out).toContain('Created user zhangsan');
    } finally {
      delete process.env.QD_NEW_PASSWORD;
    }
    const audit = await withDb((d) =>
      d.query<{ actor_name: string }>(`select actor_name from audit_log where action = 'identity.user.create'`),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_name).toMatch(/^cli:/);
  });

  it('verifies the audit chain, and finds a row edited behind its back', async () => {
    const ok = await qd('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^OK: the audit chain is intact, \d+ rows checked\.$/);

    // Tampering needs the append-only trigger switched off, as an owner-level attacker would.
    await withDb(async (d) => {
      await d.query('alter table audit_log disable trigger user');
      await d.query(`update audit_log set detail = '{"rows": 9999}'::jsonb where seq = 2`);
    });
    const broken = await qd('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('BROKEN at seq 2: row content does not match its hash');
  });

  it('signs a checkpoint, and reports the tail deleted after it', async () => {
    const signed = await qd('audit', 'checkpoint');
    expect(signed.code).toBe(0);
    const seq = Number(/^Checkpoint at seq (\d+),/.exec(signed.out)?.[1]);
    expect(seq).toBeGreaterThan(2);
    expect(fs.readFileSync(path.join(config.dataDir, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect((await qd('audit', 'checkpoint')).out).toBe('No new rows since the last checkpoint: nothing to sign.');

    await withDb(async (d) => {
      await d.query('alter table audit_log disable trigger user');
      await d.query(`delete from audit_log where seq >= $1`, [seq - 1]);
    });
    const cut = await qd('audit', 'verify');
    expect(cut.code).toBe(1);
    expect(cut.out).toContain(`BROKEN: deleted tail: the checkpoint at seq ${seq} signed`);
    expect(cut.out).toContain(`but the chain ends at seq ${seq - 2}: rows ${seq - 1}–${seq} were deleted.`);
  });

  it('answers wrong usage with exit code 2', async () => {
    expect((await qd('seed')).code).toBe(2);
    expect((await qd('seed', '--scale', 'many')).code).toBe(2);
    expect((await qd('user', 'create', '--username', 'x', '--name', 'x', '--region', '410471', '--role', 'boss')).code).toBe(2);
    expect((await qd('enterprise', 'import', path.join(tmp, 'list.txt'))).code).toBe(2);
    expect((await qd('no-such-command')).code).toBe(2);
  });

  it.skipIf(TEST_DB === 'postgres')('stops with exit code 2 while another process holds the PGlite folder', async () => {
    // Another process holds the folder's lock until its stdin closes.
    const holder = spawn(process.execPath, ['--import', 'tsx', LOCK_HOLDER, config.dataDir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      await new Promise((resolve) => holder.stdout!.once('data', resolve));
      const r = await qd('audit', 'verify');
      expect(r.code).toBe(2);
      expect(r.err).toContain(`is in use by another Quality District process (PID ${holder.pid} on `);
    } finally {
      holder.stdin!.end();
      await new Promise((resolve) => holder.once('exit', resolve));
    }
  });
});
