import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';

/** Size of one stored piece of a file: small enough that writing one never holds PGlite for long. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Lets other requests in between two pieces. On PGlite a query runs synchronously inside the
 * WebAssembly engine and its promise resolves without giving the event loop a turn, so a loop of
 * queries would starve every socket just like one huge query.
 */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/*
 * Content crosses the driver as base64 text decoded by the database: PGlite's own bytea
 * serializer turns every byte into a JavaScript string (a 19 MB file took 17 s and 1.4 GB), and
 * the same SQL runs unchanged on PostgreSQL.
 */

export async function writeChunk(db: Executor, fileId: string, seq: number, data: Buffer): Promise<void> {
  await db.execute(
    sql`insert into file_chunks (file_id, seq, data, created_at)
        values (${fileId}, ${seq}, decode(${data.toString('base64')}, 'base64'), now())`,
  );
}

/** Writes bytes as consecutive pieces of fileId (inside the caller's transaction, when given one). */
export async function writeChunks(db: Executor, fileId: string, bytes: Buffer): Promise<void> {
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += CHUNK_BYTES) {
    await writeChunk(db, fileId, seq, bytes.subarray(at, at + CHUNK_BYTES));
  }
}

/**
 * Reads a file's pieces back in order, one statement per piece with a turn for other requests in
 * between; null when the pieces do not add up to the expected size and SHA-256.
 */
export async function readChunks(db: Executor, fileId: string, expected: { sizeBytes: number; sha256: string }) {
  const hash = crypto.createHash('sha256');
  const pieces: Buffer[] = [];
  let size = 0;
  for (let seq = 0; size < expected.sizeBytes; seq++) {
    // Both drivers answer { rows }.
    const result = (await db.execute(
      sql`select encode(data, 'base64') as data from file_chunks where file_id = ${fileId} and seq = ${seq}`,
    )) as unknown as { rows: { data: string }[] };
    const row = result.rows[0];
    if (!row) break;
    const piece = Buffer.from(row.data, 'base64');
    hash.update(piece);
    pieces.push(piece);
    size += piece.length;
    await yieldToOthers();
  }
  if (size !== expected.sizeBytes || hash.digest('hex') !== expected.sha256) return null;
  return Buffer.concat(pieces, size);
}

/** Removes the pieces of files that never got their stored_files row (a refused or failed upload). */
export async function discardUnclaimedChunks(db: Executor, fileIds: readonly string[]): Promise<void> {
  for (const fileId of fileIds) {
    await db.execute(
      sql`delete from file_chunks where file_id = ${fileId}
          and not exists (select 1 from stored_files where id = ${fileId})`,
    );
  }
}

/**
 * Removes pieces left by uploads interrupted before their request could clean up (a crash, a
 * killed process): unclaimed and older than a day, so an upload still running is never touched.
 */
export async function sweepOrphanChunks(db: Executor): Promise<void> {
  // The database's clock, the one that stamped created_at.
  await db.execute(
    sql`delete from file_chunks c where c.created_at < now() - interval '1 day'
        and not exists (select 1 from stored_files f where f.id = c.file_id)`,
  );
}
