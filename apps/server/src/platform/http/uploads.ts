import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FilePolicy } from '../files/file-policy.js';
import type { StoredFile } from '../files/file-store.js';
import { AppError } from './errors.js';

export interface Upload {
  fileName: string;
  contentType: string;
  bytes: Buffer;
  /** The form's text fields sent before the file part. */
  fields: Record<string, string>;
}

const fieldError = (path: string, message: string) => new AppError(400, 'validation_failed', 'badRequest', [{ path, message }]);

/**
 * Reads one multipart file (form field `field`, default "file") within the policy's size. The
 * type and content checks happen when the file is stored (file-store.ts), so a use-case cannot
 * forget them; this only refuses what should not even be read into memory.
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
  if (part.fieldname !== field) throw fieldError(part.fieldname, 'validation.unknownField');
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw fieldError(field, 'file.tooLarge');
    throw err;
  }
  if (part.file.truncated) throw fieldError(field, 'file.tooLarge');
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
