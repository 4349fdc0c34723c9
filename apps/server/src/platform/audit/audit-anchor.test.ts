import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, count, eq, gte, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_MISSING, TEST_DB, createTestApp, type TestApp } from '../../testing/test-app.js';
import { hashAlgorithm } from '../crypto/hash-provider.js';
import { systemContext } from '../request-context.js';
import type { ServiceDeps } from '../services.js';
import { auditCheckpoints, auditLog } from './audit.tables.js';
import { auditHash } from './audit-chain.js';
import {
  checkpointFilePath,
  loadAuditKey,
  readCheckpointFile,
  restartCheckpointFile,
  signCheckpoint,
  writeCheckpoint,
} from './audit-checkpoint.js';
import { VOID_ACTION, sealAudit } from './audit-sealer.js';
import { sealAndVerifyChain, verifyAuditAnchored } from './audit-verify.js';
import { appendAudit } from './audit-writer.js';

/**
 * The anchored, unserialised audit chain (issues 11 item 4, 12 and 13) on both databases:
 * sealing in sequence order with rolled-back numbers voided, signed checkpoints in the database
 * and an append-only file, and the attacks a chain alone misses (a deleted tail, a recomputed
 * chain) and a tampered checkpoint, each reported by the verification `qd audit verify` runs.
 */
describe.skipIf(POSTGRES_MISSING)(`audit anchoring on ${TEST_DB}`, () => {
  let t: TestApp;
  let deps: ServiceDeps;
  let dataDir: string;
  const ctx = systemContext('410471', 'anchor-test');

  const append = (action: string) => t.database.db.transaction((tx) => appendAudit(tx, ctx, { action }));
  const verify = () => verifyAuditAnchored(deps);
  const rowsFrom = (seq: number) =>
    t.database.db.select().from(auditLog).where(gte(auditLog.seq, seq)).orderBy(asc(auditLog.seq));
  /** What an owner-level attacker does: triggers off for the statement, as superuser. */
  const asSuperuser = (statement: string) =>
    t.database.script(`set session_replication_role = replica; ${statement}; set session_replication_role = origin;`);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-audit-anchor-'));
    t = await createTestApp({ enterprises: 3, config: { dataDir } });
    deps = { database: t.database, config: t.config, clock: t.clock };
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes rows unsealed and seals them in sequence order, voiding a number whose transaction rolled back', async () => {
    await sealAudit(t.database.db, 'sha256');
    await t.database.db
      .transaction(async (tx) => {
        await appendAudit(tx, ctx, { action: 'anchor.rolled-back' });
        throw new Error('the use-case fails after its audit row');
      })
      .catch(() => {});
    await append('anchor.after-rollback');
    const [after] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'anchor.after-rollback'));
    expect(after!.hash).toBeNull();
    expect(
      await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.seq, after!.seq - 1)),
    ).toEqual([]);

    const sealed = await sealAudit(t.database.db, 'sha256');
    expect(sealed).toMatchObject({ voided: 1, stoppedAt: null, head: { seq: after!.seq } });
    const [voided, last] = await rowsFrom(after!.seq - 1);
    expect(voided).toMatchObject({ action: VOID_ACTION, outcome: 'failure', regionCode: null });
    expect(last!.prevHash).toBe(voided!.hash);
    expect((await t.database.db.select({ n: count() }).from(auditLog).where(isNull(auditLog.hash)))[0]!.n).toBe(0);
    const { chain } = await sealAndVerifyChain(t.database.db, 'sha256');
    expect(chain).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it('keeps sealed rows and unsealed content out of reach of UPDATE and DELETE while the triggers are on', async () => {
    const [row] = await rowsFrom(1);
    await expect(t.database.query(`update audit_log set hash = 'x' where seq = $1`, [row!.seq])).rejects.toThrow(/append-only/);
    await append('anchor.unsealed');
    const [unsealed] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'anchor.unsealed'));
    expect(unsealed!.hash).toBeNull();
    // Sealing is the one update allowed: content changes are refused even before it.
    await expect(
      t.database.query(`update audit_log set detail = '{"x":1}'::jsonb, prev_hash = 'a', hash = 'b' where seq = $1`, [
        unsealed!.seq,
      ]),
    ).rejects.toThrow(/append-only/);
    await sealAudit(t.database.db, 'sha256');
  });

  it.skipIf(TEST_DB !== 'postgres')(
    'lets concurrent writers commit past an open one, and seals only up to the number still in flight',
    async () => {
      await sealAudit(t.database.db, 'sha256');
      let release!: () => void;
      let inFlight!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const written = new Promise<void>((resolve) => (inFlight = resolve));
      const slow = t.database.db.transaction(async (tx) => {
        await appendAudit(tx, ctx, { action: 'anchor.slow' });
        inFlight();
        await held;
      });
      await written;
      // With the old global lock this write waited for the slow transaction: here it commits first.
      await append('anchor.fast');
      const [fast] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'anchor.fast'));

      const first = await sealAudit(t.database.db, 'sha256');
      expect(first.stoppedAt).toEqual({ seq: fast!.seq - 1, reason: 'in-flight' });
      expect(first.voided).toBe(0);
      expect((await rowsFrom(fast!.seq))[0]!.hash).toBeNull();

      release();
      await slow;
      const second = await sealAudit(t.database.db, 'sha256');
      expect(second).toMatchObject({ voided: 0, stoppedAt: null, head: { seq: fast!.seq } });
      const [slowRow, fastRow] = await rowsFrom(fast!.seq - 1);
      expect(slowRow!.action).toBe('anchor.slow');
      expect(fastRow!.prevHash).toBe(slowRow!.hash);
      expect((await sealAndVerifyChain(t.database.db, 'sha256')).chain.ok).toBe(true);
    },
  );

  it('chains with SM3 when QD_HASH=sm3, records the algorithm per row, and verifies a mixed chain', async () => {
    expect(hashAlgorithm({ QD_HASH: 'sm3' })).toBe('sm3');
    expect(() => hashAlgorithm({ QD_HASH: 'sm3' }, ['sha256'])).toThrow(/has no SM3 digest/);
    expect(() => hashAlgorithm({ QD_HASH: 'md5' })).toThrow(/QD_HASH=md5 is not supported/);

    await append('anchor.sm3');
    await sealAudit(t.database.db, 'sm3');
    const [row] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'anchor.sm3'));
    expect(row!.hashAlg).toBe('sm3');
    expect(row!.hash).toBe(auditHash(row!, 'sm3'));
    expect(row!.hash).not.toBe(auditHash(row!, 'sha256'));
    expect((await sealAndVerifyChain(t.database.db, 'sha256')).chain.ok).toBe(true);

    await t.database.query('alter table audit_log disable trigger user');
    try {
      await t.database.query(`update audit_log set detail = '{"forged":true}'::jsonb where seq = $1`, [row!.seq]);
      expect((await sealAndVerifyChain(t.database.db, 'sha256')).chain).toMatchObject({
        ok: false,
        firstBrokenSeq: row!.seq,
        reason: 'row content does not match its hash',
      });
      await t.database.query(`update audit_log set detail = null where seq = $1`, [row!.seq]);
    } finally {
      await t.database.query('alter table audit_log enable trigger user');
    }
    expect((await sealAndVerifyChain(t.database.db, 'sha256')).chain.ok).toBe(true);
  });

  it('signs a checkpoint into the database and the append-only file, with a key made in the data folder', async () => {
    expect((await verify()).checkpoints).toMatchObject({ inFile: 0, inDatabase: 0 });
    await append('anchor.before-checkpoint');
    const { written } = await writeCheckpoint(deps);
    expect(written).not.toBeNull();
    const key = loadAuditKey(t.config, { create: false })!;
    expect(key.file).toBe(path.join(dataDir, 'audit-key'));
    expect(fs.statSync(key.file).mode & 0o777).toBe(0o600);
    const file = readCheckpointFile(checkpointFilePath(t.config));
    expect(file).toMatchObject({ exists: true, badLines: [] });
    expect(file.checkpoints).toEqual([written]);
    const [stored] = await t.database.db.select().from(auditCheckpoints);
    expect(stored!.signature).toBe(written!.signature);
    const [head] = await rowsFrom(written!.seq);
    expect(written!.headHash).toBe(head!.hash);
    await expect(t.database.query('delete from audit_checkpoints')).rejects.toThrow(/append-only/);
    await expect(t.database.query('truncate audit_checkpoints')).rejects.toThrow(/append-only/);
    // Nothing new since: no second checkpoint of the same head.
    expect((await writeCheckpoint(deps)).written).toBeNull();

    await append('anchor.after-checkpoint');
    const second = (await writeCheckpoint(deps)).written!;
    expect(second.seq).toBeGreaterThan(written!.seq);
    expect(readCheckpointFile(checkpointFilePath(t.config)).checkpoints).toEqual([written, second]);
    const result = await verify();
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ ok: true, checkpoints: { inFile: 2, inDatabase: 2 } });
  });

  it('reports a deleted tail, which the chain alone accepts, and refuses to seal over it', async () => {
    await append('anchor.tail-1');
    await append('anchor.tail-2');
    const { written } = await writeCheckpoint(deps);
    const tail = await rowsFrom(written!.seq - 1);
    await asSuperuser(`delete from audit_log where seq >= ${written!.seq - 1}`);

    expect((await sealAndVerifyChain(t.database.db, 'sha256')).chain.ok).toBe(true); // what verify saw before
    const cut = await verify();
    expect(cut.ok).toBe(false);
    expect(cut.problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`^deleted tail: the checkpoint at seq ${written!.seq} .* but the chain ends at seq ${written!.seq - 2}`),
      ),
    );
    // New rows after the cut are not chained over the hole.
    await append('anchor.after-cut');
    const sealing = await sealAudit(t.database.db, 'sha256');
    expect(sealing.stoppedAt).toEqual({ seq: written!.seq - 1, reason: 'below-checkpoint' });
    expect((await verify()).problems).toContainEqual(expect.stringMatching(/^sealing stopped: row \d+ is missing below/));

    // Put the rows back (the attacker's undo): everything verifies again.
    const [afterCut] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'anchor.after-cut'));
    await asSuperuser(`delete from audit_log where seq = ${afterCut!.seq}`);
    await t.database.query('alter table audit_log disable trigger user');
    try {
      await t.database.db.insert(auditLog).values(tail);
    } finally {
      await t.database.query('alter table audit_log enable trigger user');
    }
    await t.database.query(`select setval('audit_log_seq', (select max(seq) from audit_log))`);
    expect((await verify()).ok).toBe(true);
  });

  it('reports a chain edited and recomputed from there on, which the chain alone accepts', async () => {
    const [target] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'anchor.before-checkpoint'));
    const originals = await rowsFrom(target!.seq);
    await t.database.query('alter table audit_log disable trigger user');
    try {
      let prevHash = originals[0]!.prevHash!;
      for (const row of originals) {
        const forged = { ...row, prevHash, detail: row.seq === target!.seq ? { forged: true } : row.detail };
        const hash = auditHash(forged, row.hashAlg as 'sha256');
        await t.database.db.update(auditLog).set({ detail: forged.detail, prevHash, hash }).where(eq(auditLog.seq, row.seq));
        prevHash = hash;
      }
      expect((await sealAndVerifyChain(t.database.db, 'sha256')).chain.ok).toBe(true);
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(expect.stringMatching(/^recomputed chain: row \d+ carries hash .* were rewritten/));

      for (const row of originals) {
        await t.database.db
          .update(auditLog)
          .set({ detail: row.detail, prevHash: row.prevHash, hash: row.hash })
          .where(eq(auditLog.seq, row.seq));
      }
    } finally {
      await t.database.query('alter table audit_log enable trigger user');
    }
    expect((await verify()).ok).toBe(true);
  });

  it('reports a tampered checkpoint: an altered line, a forged one, a cut file', async () => {
    const file = checkpointFilePath(t.config);
    const original = fs.readFileSync(file, 'utf8');
    const lines = original.trim().split('\n');
    try {
      // The head hash altered to match a recomputed chain, without the key to re-sign it.
      const altered = { ...JSON.parse(lines[0]!), headHash: 'f'.repeat(64) };
      fs.writeFileSync(file, [JSON.stringify(altered), ...lines.slice(1)].join('\n') + '\n');
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual(
        expect.stringMatching(new RegExp(`^checkpoint at seq ${altered.seq} differs between the database and`)),
      );
      expect(result.problems).toContainEqual(
        expect.stringMatching(/\(file\): the signature does not match: the checkpoint was forged or altered$/),
      );

      // Signed with a key of the attacker's own.
      const otherKey = loadAuditKey(
        { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'qd-other-key-')), auditKeyFile: undefined },
        {
          create: true,
        },
      )!;
      const forged = signCheckpoint(otherKey, {
        seq: 1,
        headHash: (await rowsFrom(1))[0]!.hash!,
        at: new Date().toISOString(),
        hashAlg: 'sha256',
      });
      fs.writeFileSync(file, `${original}${JSON.stringify(forged)}\n`);
      expect((await verify()).problems).toContainEqual(
        expect.stringMatching(/^checkpoint at seq 1 .* was signed with another key/),
      );

      fs.writeFileSync(file, `${lines[0]}\nnot a checkpoint\n`);
      const cut = await verify();
      expect(cut.problems).toContainEqual(expect.stringMatching(/^line 2 of .* is not a checkpoint/));
      expect(cut.problems).toContainEqual(expect.stringMatching(/is in the database but not in .*: the file was cut$/));
    } finally {
      fs.writeFileSync(file, original);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('after an older backup is restored, reports the lost tail, then starts the checkpoint file again', async () => {
    await append('anchor.before-backup');
    const restoredHead = (await sealAudit(t.database.db, 'sha256')).head!;
    const restoredCheckpoints = readCheckpointFile(checkpointFilePath(t.config)).checkpoints.length;
    await append('anchor.after-backup');
    const { written } = await writeCheckpoint(deps);
    // The restore: the database as it was at the backup, the file as it is now.
    await asSuperuser(
      `delete from audit_log where seq > ${restoredHead.seq}; delete from audit_checkpoints where seq = ${written!.seq}`,
    );
    expect((await verify()).problems).toContainEqual(expect.stringMatching(/^deleted tail: /));

    const { keptAs, copied } = await restartCheckpointFile(deps);
    expect(copied).toBe(restoredCheckpoints);
    expect(readCheckpointFile(keptAs!).checkpoints).toHaveLength(restoredCheckpoints + 1);
    const result = await verify();
    expect(result.problems).toEqual([]);
    expect(result.checkpoints.inFile).toBe(restoredCheckpoints + 1);
  });
});
