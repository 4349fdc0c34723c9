import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { newId } from '../ids.js';
import { checkFile, cleanFileName, normaliseContentType, type FilePolicy } from './file-policy.js';
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
 */
export async function storeFile(tx: Executor, file: NewFile): Promise<StoredFile> {
  const problem = checkFile(file.policy, file);
  if (problem) throw new AppError(400, 'validation_failed', 'badRequest', [{ path: file.field ?? 'file', message: problem }]);
  const row = {
    id: newId(),
    regionCode: file.regionCode,
    fileName: cleanFileName(file.fileName),
    contentType: normaliseContentType(file.contentType),
    sizeBytes: file.bytes.length,
    sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
    content: file.bytes,
    createdBy: file.createdBy,
    createdAt: new Date(),
  };
  await tx.insert(storedFiles).values(row);
  const { content: _content, ...meta } = row;
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
    .select({ ...metaColumns, content: storedFiles.content })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  if (!row) return null;
  const { content, ...file } = row;
  if (crypto.createHash('sha256').update(content).digest('hex') !== file.sha256) throw new FileIntegrityError(id);
  return { file, bytes: content };
}
