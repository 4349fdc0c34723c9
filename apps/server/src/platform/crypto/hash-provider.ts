import crypto from 'node:crypto';

/**
 * One place that chooses the digest used for integrity (audit chain, file checksums, session
 * token lookup). SHA-256 by default; SM3 (GB/T 32905) where the deployment's OpenSSL has it and
 * QD_HASH=sm3 asks for it, as national-cryptography deployments require.
 */
export type HashAlgorithm = 'sha256' | 'sm3';

export function hashAlgorithm(): HashAlgorithm {
  const wanted = process.env.QD_HASH === 'sm3' ? 'sm3' : 'sha256';
  return wanted === 'sm3' && crypto.getHashes().includes('sm3') ? 'sm3' : 'sha256';
}

export function digestHex(data: string | Buffer, algorithm: HashAlgorithm = 'sha256'): string {
  return crypto.createHash(algorithm).update(data).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
