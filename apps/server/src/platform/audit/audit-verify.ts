import { and, count, gt, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { AuditVerifyResult } from '@qd/core';
import type { Config } from '../config.js';
import type { Db, Executor } from '../db/database.js';
import { isHashAlgorithm } from '../crypto/hash-provider.js';
import { auditLog } from './audit.tables.js';
import { GENESIS_HASH, auditHash, type AuditRecord } from './audit-chain.js';
import {
  checkpointFilePath,
  databaseCheckpoints,
  loadAuditKey,
  readCheckpointFile,
  signatureHolds,
  type AuditKey,
  type Checkpoint,
} from './audit-checkpoint.js';
import { sealAudit, sealedHead, type SealResult } from './audit-sealer.js';

export type StoredRow = Omit<AuditRecord, 'prevHash'> & { prevHash: string | null; hash: string | null; hashAlg: string };

/**
 * Walks the sealed chain from the first row: every row's hash must match its content (with the
 * algorithm it was sealed with), every row must point at the previous row's hash, and sequence
 * numbers must have no gaps (a deleted row). The walk ends at the first row not yet sealed, which
 * must be followed by no sealed row (a hash removed from the middle would otherwise hide the rows
 * after it). `next` pages through the rows in order; the walk keeps only one batch in memory.
 */
export async function verifyAuditChain(
  next: (afterSeq: number) => Promise<StoredRow[]>,
  hasSealedAfter: (seq: number) => Promise<boolean>,
  onProgress?: (checked: number) => void,
): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await next(expectedSeq - 1);
    if (batch.length === 0) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    for (const row of batch) {
      const broken = (reason: string) => ({ ok: false, checked, firstBrokenSeq: row.seq, reason });
      if (row.seq !== expectedSeq) return { ...broken(`missing row ${expectedSeq}`), firstBrokenSeq: expectedSeq };
      if (row.hash === null) {
        if (await hasSealedAfter(row.seq)) return broken('row has no hash, yet later rows are sealed');
        return { ok: true, checked, firstBrokenSeq: null, reason: null };
      }
      if (row.prevHash !== prevHash) return broken('previous-hash link broken');
      if (!isHashAlgorithm(row.hashAlg)) return broken(`unknown hash algorithm ${row.hashAlg}`);
      if (auditHash({ ...row, prevHash: row.prevHash }, row.hashAlg) !== row.hash) {
        return broken('row content does not match its hash');
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    onProgress?.(checked);
  }
}

const VERIFY_BATCH = 5000;

export function auditRowsAfter(db: Executor, afterSeq: number, limit = VERIFY_BATCH): Promise<StoredRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(auditLog.seq).limit(limit);
}

async function sealedAfter(db: Executor, seq: number): Promise<boolean> {
  const rows = await db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(and(gt(auditLog.seq, seq), isNotNull(auditLog.hash)))
    .limit(1);
  return rows.length > 0;
}

/** Seals what can be sealed (waiting for another sealer), then walks the chain. */
export async function sealAndVerifyChain(
  db: Db,
  algorithm: Config['hash'],
  onProgress?: (checked: number) => void,
): Promise<{ chain: AuditVerifyResult; seal: SealResult }> {
  const seal = await sealAudit(db, algorithm, { wait: true });
  const chain = await verifyAuditChain(
    (after) => auditRowsAfter(db, after),
    (seq) => sealedAfter(db, seq),
    onProgress,
  );
  return { chain, seal };
}

export interface AnchoredVerifyResult {
  chain: AuditVerifyResult;
  /** Rows written but not sealed yet, and why sealing stopped if it did. */
  unsealed: number;
  seal: SealResult;
  checkpoints: { file: string; fileExists: boolean; inFile: number; inDatabase: number; keyFile: string | null };
  /** Everything wrong with the anchoring, one clear sentence each. */
  problems: string[];
  ok: boolean;
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

function sameCheckpoint(a: Checkpoint, b: Checkpoint): boolean {
  return (
    a.seq === b.seq &&
    a.headHash === b.headHash &&
    a.at === b.at &&
    a.hashAlg === b.hashAlg &&
    a.keyId === b.keyId &&
    a.signature === b.signature
  );
}

/**
 * `qd audit verify`: the chain, then every signed checkpoint (from the file outside the database
 * and from the database) against the key and against the chain. A checkpoint beyond the chain's
 * end is a deleted tail; one whose hash the chain no longer carries is a recomputed chain; one
 * whose signature fails is forged or altered.
 */
export async function verifyAuditAnchored(
  deps: { database: { db: Db }; config: Config },
  onProgress?: (checked: number) => void,
): Promise<AnchoredVerifyResult> {
  const { db } = deps.database;
  const { config } = deps;
  const { chain, seal } = await sealAndVerifyChain(db, config.hash, onProgress);
  const [unsealedRow] = await db.select({ n: count() }).from(auditLog).where(isNull(auditLog.hash));
  const problems: string[] = [];
  if (seal.stoppedAt?.reason === 'below-checkpoint') {
    problems.push(
      `sealing stopped: row ${seal.stoppedAt.seq} is missing below the latest signed checkpoint, so rows were deleted from an anchored chain`,
    );
  }

  const file = checkpointFilePath(config);
  const fromFile = readCheckpointFile(file);
  for (const line of fromFile.badLines) problems.push(`line ${line} of ${file} is not a checkpoint: the file was edited`);
  const fromDb = await databaseCheckpoints(db);

  let key: AuditKey | null = null;
  try {
    key = loadAuditKey(config, { create: false });
  } catch (err) {
    problems.push((err as Error).message);
  }
  const all = new Map<number, { cp: Checkpoint; where: string }>();
  for (const cp of fromFile.checkpoints) all.set(cp.seq, { cp, where: 'file' });
  for (const cp of fromDb) {
    const inFile = all.get(cp.seq);
    if (!inFile) {
      if (fromFile.exists) problems.push(`checkpoint at seq ${cp.seq} is in the database but not in ${file}: the file was cut`);
      all.set(cp.seq, { cp, where: 'database' });
    } else if (!sameCheckpoint(inFile.cp, cp)) {
      problems.push(`checkpoint at seq ${cp.seq} differs between the database and ${file}: one of them was altered`);
      // Check both: the altered one fails its signature.
      all.set(-cp.seq, { cp, where: 'database' });
    }
  }
  if (!fromFile.exists && fromDb.length > 0) {
    problems.push(
      `the database holds ${fromDb.length} checkpoints but ${file} does not exist: it was deleted, or this is not the machine that wrote it`,
    );
  }
  if (!key && all.size > 0 && !config.auditKeyFile) {
    problems.push(`${all.size} checkpoints exist but the key file is missing: their signatures cannot be checked`);
  }

  const head = await sealedHead(db);
  const seqs = [...new Set([...all.values()].map((v) => v.cp.seq))].filter((s) => s <= (head?.seq ?? 0));
  const hashes = new Map<number, string | null>();
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = await db
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(inArray(auditLog.seq, seqs.slice(i, i + 500)));
    for (const r of rows) hashes.set(r.seq, r.hash);
  }
  for (const { cp, where } of [...all.values()].sort((a, b) => a.cp.seq - b.cp.seq)) {
    const what = `checkpoint at seq ${cp.seq} signed ${cp.at} (${where})`;
    if (key) {
      if (cp.keyId !== key.keyId)
        problems.push(`${what} was signed with another key (key id ${cp.keyId}, this key ${key.keyId})`);
      else if (!signatureHolds(key, cp))
        problems.push(`${what}: the signature does not match: the checkpoint was forged or altered`);
    }
    if (!head || cp.seq > head.seq) {
      problems.push(
        `deleted tail: the ${what} vouches for rows up to ${cp.seq}, but the chain ends at seq ${head?.seq ?? 0}: rows ${(head?.seq ?? 0) + 1}–${cp.seq} were deleted`,
      );
      continue;
    }
    const hash = hashes.get(cp.seq);
    if (hash === undefined) problems.push(`row ${cp.seq}, anchored by the ${what}, is missing`);
    else if (hash !== cp.headHash) {
      problems.push(
        `recomputed chain: row ${cp.seq} carries hash ${short(hash ?? '')}, but the ${what} signed ${short(cp.headHash)}: rows up to ${cp.seq} were rewritten and their hashes recomputed`,
      );
    }
  }
  return {
    chain,
    unsealed: unsealedRow?.n ?? 0,
    seal,
    checkpoints: {
      file,
      fileExists: fromFile.exists,
      inFile: fromFile.checkpoints.length,
      inDatabase: fromDb.length,
      keyFile: key?.file ?? null,
    },
    problems,
    ok: chain.ok && problems.length === 0,
  };
}
