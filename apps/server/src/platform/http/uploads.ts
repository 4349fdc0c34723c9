import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database.js';
import { discardUnclaimedChunks, sweepOrphanChunks } from '../files/file-chunks.js';
import type { FilePolicy } from '../files/file-policy.js';
import type { StoredFile } from '../files/file-store.js';
import { ChunkStager } from '../files/file-staging.js';
import { AppError } from './errors.js';

export interface Upload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  /** The form's text fields sent before the file part. */
  fields: Record<string, string>;
}

const fieldError = (path: string, message: string) => new AppError(400, 'validation_failed', 'badRequest', [{ path, message }]);

declare module 'fastify' {
  interface FastifyInstance {
    /** Where readUpload stages uploads (installUploadStaging); a decorator, so plugins inherit it. */
    uploadStagingDb?: Db;
  }
}

/** The files each request staged, removed after the response unless a use-case claimed them. */
const stagedByRequest = new WeakMap<FastifyRequest, string[]>();

/**
 * Lets readUpload write uploads to file_chunks while they arrive. After every response the pieces
 * of an upload no use-case kept (refused, failed, rolled back) are removed; at start-up, pieces
 * left by a process that died mid-upload.
 */
export async function installUploadStaging(app: FastifyInstance, db: Db): Promise<void> {
  app.decorate('uploadStagingDb', db);
  app.addHook('onResponse', async (request) => {
    const fileIds = stagedByRequest.get(request);
    if (fileIds) await discardUnclaimedChunks(db, fileIds);
  });
  await sweepOrphanChunks(db);
}

/**
 * Reads one multipart file (form field `field`, default "file") within the policy's size. The
 * type and content checks happen when the file is stored (file-store.ts), so a use-case cannot
 * forget them; this only refuses what should not even be read. The file is read as a stream:
 * hashed, and (when the server stages uploads) written to the database piece by piece as it
 * arrives, so a large file never holds the embedded database, or the event loop, in one go.
 */
export async function readUpload(request: FastifyRequest, policy: FilePolicy, field = 'file'): Promise<Upload> {
  if (!request.isMultipart()) throw fieldError(field, 'file.multipartRequired');
  let part;
  try {
    part = await request.file({ limits: { fileSize: policy.maxBytes, files: 1 } });
  } catch {
    throw fieldError(field, 'file.multipartRequired');
  }
  if (!part) throw fieldError(field, 'validation.required');
  if (part.fieldname !== field) {
    part.file.resume();
    throw fieldError(part.fieldname, 'validation.unknownField');
  }
  const db = request.server.uploadStagingDb;
  const stager = db ? new ChunkStager(db) : null;
  if (stager) stagedByRequest.set(request, [...(stagedByRequest.get(request) ?? []), stager.fileId]);
  const pieces: Buffer[] = [];
  try {
    for await (const data of part.file as AsyncIterable<Buffer>) {
      if (stager) await stager.write(data);
      else pieces.push(data);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError(field, 'file.tooLarge');
    throw err;
  }
  if (part.file.truncated) throw fieldError(field, 'file.tooLarge');
  const bytes = stager ? await stager.finish() : Buffer.concat(pieces);
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(part.fields)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v && v.type === 'field' && typeof v.value === 'string') fields[name] = v.value;
  }
  return { fileName: part.filename, contentType: part.mimetype, bytes, fields };
}

/** Sends a stored file as a download, with its checksum for the client to verify. */
export function sendStoredFile(
  reply: FastifyReply,
  file: StoredFile,
  bytes: Buffer,
  disposition: 'attachment' | 'inline' = 'attachment',
) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(bytes.length))
    .header('content-disposition', `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('etag', `"${file.sha256}"`)
    .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
    .header('cache-control', 'private, no-store')
    .send(bytes);
}
