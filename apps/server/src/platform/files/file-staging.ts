import crypto from 'node:crypto';
import type { Executor } from '../db/database.js';
import { newId } from '../ids.js';
import { CHUNK_BYTES, writeChunk, yieldToOthers } from './file-chunks.js';

/** Content already written to file_chunks under fileId, waiting for its stored_files row. */
export interface StagedContent {
  fileId: string;
  sizeBytes: number;
  sha256: string;
}

/*
 * Which upload buffers are already staged. Use-cases hand storeFile the upload's `bytes` (the
 * interface every module uses); this lets storeFile recognise those bytes and only claim the
 * pieces instead of writing them a second time inside the transaction.
 */
const stagedBuffers = new WeakMap<Buffer, StagedContent>();

/** The staged pieces holding exactly these bytes, once: a second storeFile of them writes a copy. */
export function claimStaged(bytes: Buffer): StagedContent | undefined {
  const staged = stagedBuffers.get(bytes);
  stagedBuffers.delete(bytes);
  return staged;
}

/**
 * Receives a stream into CHUNK_BYTES pieces: each full piece is written in its own statement as
 * soon as it is complete (outside any transaction, so other requests run in between), and the
 * SHA-256 is computed on the way. Memory stays at the file's size: the pieces are kept for the
 * use-case's checks and joined once at the end.
 */
export class ChunkStager {
  readonly fileId = newId();
  private readonly hash = crypto.createHash('sha256');
  private readonly pieces: Buffer[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private seq = 0;
  private size = 0;

  constructor(private readonly db: Executor) {}

  /** How many pieces are in the database so far (the caller removes them if the upload fails). */
  get written(): number {
    return this.seq;
  }

  async write(data: Buffer): Promise<void> {
    this.hash.update(data);
    this.size += data.length;
    this.pending.push(data);
    this.pendingBytes += data.length;
    while (this.pendingBytes >= CHUNK_BYTES) await this.flush(CHUNK_BYTES);
  }

  /** Writes the last piece and returns the bytes, remembered as staged for storeFile. */
  async finish(): Promise<Buffer> {
    if (this.pendingBytes > 0) await this.flush(this.pendingBytes);
    const bytes = Buffer.concat(this.pieces, this.size);
    this.pieces.length = 0;
    stagedBuffers.set(bytes, { fileId: this.fileId, sizeBytes: this.size, sha256: this.hash.digest('hex') });
    return bytes;
  }

  private async flush(length: number): Promise<void> {
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    const piece = all.subarray(0, length);
    const rest = all.subarray(length);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    await writeChunk(this.db, this.fileId, this.seq, piece);
    this.seq += 1;
    this.pieces.push(piece);
    await yieldToOthers();
  }
}
