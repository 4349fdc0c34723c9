import crypto from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { newId } from '../ids.js';
import { checkFile, cleanFileName, normaliseContentType, type FilePolicy } from './file-policy.js';
import { readChunks, writeChunks } from './file-chunks.js';
import { claimStaged } from './file-staging.js';
import { storedFiles } from './files.tables.js';

export type { FilePolicy } from './file-policy.js';
export { DOCUMENT_POLICY, IMAGE_POLICY } from './file-policy.js';

export interface StoredFile {
  id: string;
  regionCode: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: string | null;
  createdAt: Date;
}

export interface NewFile {
  regionCode: string;
  fileName: string;
  contentType: string;
  bytes: Buffer;
  createdBy: string | null;
  policy: FilePolicy;
  /** The form field the file came in, for the error's path. */
  field?: string;
}

const metaColumns = {
  id: storedFiles.id,
  regionCode: storedFiles.regionCode,
  fileName: storedFiles.fileName,
  contentType: storedFiles.contentType,
  sizeBytes: storedFiles.sizeBytes,
  sha256: storedFiles.sha256,
  createdBy: storedFiles.createdBy,
  createdAt: storedFiles.createdAt,
};

/**
 * Keeps a file inside the caller's transaction, so a use-case that fails leaves no orphan. A file
 * outside the policy is a 400 on the field it came in (size, type, or content not matching it).
 * The content goes to file_chunks: bytes received by readUpload are already there (staged while
 * they arrived, see file-staging.ts) and are only claimed; other bytes are written here.
 */
export async function storeFile(tx: Executor, file: NewFile): Promise<StoredFile> {
  const problem = checkFile(file.policy, file);
  if (problem) throw new AppError(400, 'validation_failed', 'badRequest', [{ path: file.field ?? 'file', message: problem }]);
  const staged = claimStaged(file.bytes);
  const meta: StoredFile = {
    id: staged?.fileId ?? newId(),
    regionCode: file.regionCode,
    fileName: cleanFileName(file.fileName),
    contentType: normaliseContentType(file.contentType),
    sizeBytes: file.bytes.length,
    sha256: staged?.sha256 ?? crypto.createHash('sha256').update(file.bytes).digest('hex'),
    createdBy: file.createdBy,
    createdAt: new Date(),
  };
  if (!staged) await writeChunks(tx, meta.id, file.bytes);
  await tx.insert(storedFiles).values({ ...meta, content: null });
  return meta;
}

/** A file's description without its content, or null. */
export async function findStoredFile(db: Executor, id: string): Promise<StoredFile | null> {
  const [row] = await db.select(metaColumns).from(storedFiles).where(eq(storedFiles.id, id));
  return row ?? null;
}

/** Descriptions of several files (missing ids are left out). */
export async function findStoredFiles(db: Executor, ids: readonly string[]): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  return db
    .select(metaColumns)
    .from(storedFiles)
    .where(inArray(storedFiles.id, [...ids]));
}

/** Thrown when the stored content no longer matches its checksum (damage, or an edit behind the app's back). */
export class FileIntegrityError extends Error {
  constructor(readonly fileId: string) {
    super(`stored file ${fileId} does not match its SHA-256`);
    this.name = 'FileIntegrityError';
  }
}

/** A file and its content, checked against the stored SHA-256; null when there is no such file. */
export async function readStoredFile(db: Executor, id: string): Promise<{ file: StoredFile; bytes: Buffer } | null> {
  const [row] = await db
    .select({
      ...metaColumns,
      // base64 text: PGlite's own bytea parser is far too slow for large files (see file-chunks.ts).
      inline: sql<string | null>`encode(${storedFiles.content}, 'base64')`,
    })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  if (!row) return null;
  const { inline, ...file } = row;
  // Files stored before chunking keep their content in the row.
  const bytes = inline !== null ? Buffer.from(inline, 'base64') : await readChunks(db, id, file);
  if (!bytes || crypto.createHash('sha256').update(bytes).digest('hex') !== file.sha256) throw new FileIntegrityError(id);
  return { file, bytes };
}
