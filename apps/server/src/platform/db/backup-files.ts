import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A backup file's SHA-256 lives beside it as `<file>.sha256`, in the format of `sha256sum`
 * (so `sha256sum -c file.sha256` checks it too). A restore reads nothing that does not match.
 */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function checksumFile(file: string): string {
  return `${file}.sha256`;
}

export async function writeChecksum(file: string): Promise<string> {
  const hex = await sha256OfFile(file);
  fs.writeFileSync(checksumFile(file), `${hex}  ${path.basename(file)}\n`);
  return hex;
}

export class ChecksumError extends Error {}

/** Throws a ChecksumError unless `<file>.sha256` exists and matches the file. */
export async function verifyChecksum(file: string): Promise<string> {
  let expected: string | undefined;
  try {
    expected = /^([0-9a-f]{64})\b/.exec(fs.readFileSync(checksumFile(file), 'utf8'))?.[1];
  } catch {
    throw new ChecksumError(`${checksumFile(file)} is missing: a backup is restored only with its checksum. 缺少校验文件。`);
  }
  if (!expected) throw new ChecksumError(`${checksumFile(file)} holds no SHA-256. 校验文件格式错误。`);
  const actual = await sha256OfFile(file);
  if (actual !== expected) {
    throw new ChecksumError(
      `${file} does not match its SHA-256 (damaged or altered): nothing was restored. 备份文件校验失败，未恢复。`,
    );
  }
  return actual;
}
