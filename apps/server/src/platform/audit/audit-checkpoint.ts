import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asc, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Db, Executor } from '../db/database.js';
import { digestHex, hmacHex, isHashAlgorithm, sameHex, type HashAlgorithm } from '../crypto/hash-provider.js';
import { auditCheckpoints } from './audit.tables.js';
import { canonicalJson } from './audit-chain.js';
import { lastCheckpointSeq, sealAudit, sealedHead, takeSealLock } from './audit-sealer.js';

/**
 * Checkpoints anchor the hash chain (issue 11 item 4). The chain alone proves that no row was
 * changed relative to its neighbours, but someone with the database owner's rights can delete the
 * last rows, or edit a row and recompute every hash after it, and the chain still verifies. A
 * checkpoint records the sealed head (sequence number, hash, time) signed with HMAC-SHA256 under a
 * key the database does not hold, in the database and, appended, in a file outside it. Whoever
 * cuts the tail leaves a signed head the chain no longer reaches; whoever recomputes the chain
 * leaves a signed hash that no longer matches; neither can sign a new checkpoint without the key.
 */

export interface Checkpoint {
  seq: number;
  headHash: string;
  /** ISO 8601, UTC, milliseconds. */
  at: string;
  hashAlg: HashAlgorithm;
  /** Which key signed it: the first 16 hex digits of the key's SHA-256. */
  keyId: string;
  signature: string;
}

export interface AuditKey {
  key: Buffer;
  keyId: string;
  file: string;
}

export const CHECKPOINT_EVERY_ROWS = 1000;

export function auditKeyPath(config: Pick<Config, 'auditKeyFile' | 'dataDir'>): string {
  return config.auditKeyFile ?? path.join(config.dataDir, 'audit-key');
}

export function checkpointFilePath(config: Pick<Config, 'auditCheckpointFile' | 'dataDir'>): string {
  return config.auditCheckpointFile ?? path.join(config.dataDir, 'audit-checkpoints.jsonl');
}

function keyFrom(file: string, text: string): AuditKey {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64,}$/.test(hex) || hex.length % 2 !== 0) {
    throw new Error(`Audit key file ${file}: expected at least 64 hexadecimal digits (32 bytes), e.g. \`openssl rand -hex 32\`.`);
  }
  const key = Buffer.from(hex, 'hex');
  return { key, keyId: digestHex(key).slice(0, 16), file };
}

/**
 * The checkpoint key. A configured QD_AUDIT_KEY_FILE must exist (a missing one is an error: a
 * silently new key would make every earlier checkpoint unverifiable). The default, `audit-key` in
 * the data folder, is made on first use with `create` (32 random bytes, mode 0600, exclusive
 * create so that two instances starting together end up with the same key).
 */
export function loadAuditKey(config: Pick<Config, 'auditKeyFile' | 'dataDir'>, options: { create: boolean }): AuditKey | null {
  const file = auditKeyPath(config);
  try {
    return keyFrom(file, fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (config.auditKeyFile) throw new Error(`QD_AUDIT_KEY_FILE=${file} does not exist.`);
  if (!options.create) return null;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return keyFrom(file, fs.readFileSync(file, 'utf8'));
}

function message(c: Omit<Checkpoint, 'signature'>): string {
  return canonicalJson(['qd-audit-checkpoint/1', c.seq, c.headHash, c.at, c.hashAlg, c.keyId]);
}

export function signCheckpoint(key: AuditKey, c: Omit<Checkpoint, 'signature' | 'keyId'>): Checkpoint {
  const unsigned = { ...c, keyId: key.keyId };
  return { ...unsigned, signature: hmacHex(key.key, message(unsigned)) };
}

export function signatureHolds(key: AuditKey, c: Checkpoint): boolean {
  return c.keyId === key.keyId && sameHex(hmacHex(key.key, message(c)), c.signature);
}

/**
 * Appends one line and flushes it to disk before the checkpoint counts as written. O_APPEND:
 * every write lands at the end, whatever else has the file open; nothing here rewrites it.
 */
export function appendCheckpointLine(file: string, c: Checkpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT, 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(c)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's checkpoints, and the lines that are not checkpoints (an edited file). */
export function readCheckpointFile(file: string): { exists: boolean; checkpoints: Checkpoint[]; badLines: number[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, checkpoints: [], badLines: [] };
    throw err;
  }
  const checkpoints: Checkpoint[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const c = JSON.parse(line) as Checkpoint;
      const valid =
        Number.isSafeInteger(c.seq) &&
        typeof c.headHash === 'string' &&
        typeof c.at === 'string' &&
        isHashAlgorithm(c.hashAlg) &&
        typeof c.keyId === 'string' &&
        typeof c.signature === 'string';
      if (valid) checkpoints.push(c);
      else badLines.push(i + 1);
    } catch {
      badLines.push(i + 1);
    }
  });
  return { exists: true, checkpoints, badLines };
}

export async function databaseCheckpoints(db: Executor): Promise<Checkpoint[]> {
  const rows = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.seq));
  return rows.map((r) => ({
    seq: r.seq,
    headHash: r.headHash,
    at: r.at.toISOString(),
    hashAlg: r.hashAlg as HashAlgorithm,
    keyId: r.keyId,
    signature: r.signature,
  }));
}

export interface CheckpointDeps {
  database: { db: Db };
  config: Config;
  clock: { now(): Date };
}

/**
 * Seals, then signs the sealed head when it has moved since the last checkpoint (or, with
 * `everyRows`, moved at least that far). The file line is written before the database row: a
 * crash between the two leaves a checkpoint in the file only, which verifies like any other.
 */
export async function writeCheckpoint(
  deps: CheckpointDeps,
  options: { everyRows?: number; sealFirst?: boolean } = {},
): Promise<{ written: Checkpoint | null }> {
  const { db } = deps.database;
  if (options.sealFirst !== false) await sealAudit(db, deps.config.hash, { wait: true });
  const written = await db.transaction(async (tx) => {
    await takeSealLock(tx, true);
    const head = await sealedHead(tx);
    const last = await lastCheckpointSeq(tx);
    if (!head || head.seq <= last || head.seq - last < (options.everyRows ?? 1)) return null;
    const key = loadAuditKey(deps.config, { create: true })!;
    const [row] = (
      (await tx.execute(sql`select hash_alg from audit_log where seq = ${head.seq}`)) as unknown as {
        rows: { hash_alg: string }[];
      }
    ).rows;
    const checkpoint = signCheckpoint(key, {
      seq: head.seq,
      headHash: head.hash,
      at: deps.clock.now().toISOString(),
      hashAlg: (row?.hash_alg ?? deps.config.hash) as HashAlgorithm,
    });
    appendCheckpointLine(checkpointFilePath(deps.config), checkpoint);
    await tx.insert(auditCheckpoints).values({ ...checkpoint, at: new Date(checkpoint.at) });
    return checkpoint;
  });
  return { written };
}

/**
 * After restoring an older backup, the file still holds checkpoints of rows the restore took
 * away, and verify rightly reports them as a deleted tail. The operator, having noted that,
 * starts the file again: the old file is kept beside it (renamed, never rewritten), the new one
 * gets the restored database's checkpoints (each still verified by its signature) and a new
 * checkpoint of the restored head.
 */
export async function restartCheckpointFile(deps: CheckpointDeps): Promise<{ keptAs: string | null; copied: number }> {
  const file = checkpointFilePath(deps.config);
  let keptAs: string | null = null;
  if (fs.existsSync(file)) {
    keptAs = `${file}.before-restore-${deps.clock.now().toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, keptAs);
  }
  const restored = await databaseCheckpoints(deps.database.db);
  for (const checkpoint of restored) appendCheckpointLine(file, checkpoint);
  if (restored.length === 0) fs.closeSync(fs.openSync(file, 'a', 0o600));
  await writeCheckpoint(deps);
  return { keptAs, copied: restored.length };
}
