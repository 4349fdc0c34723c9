import crypto from 'node:crypto';

/**
 * The one place that chooses the digest of the audit chain: SHA-256 by default, SM3 (GB/T 32905)
 * when QD_HASH=sm3 asks for it, as national-cryptography deployments require. SM3 comes from the
 * OpenSSL Node is built with; where it lacks SM3 the server refuses to start rather than quietly
 * chain with another algorithm. Each audit row records the algorithm it was sealed with, so
 * `qd audit verify` checks a chain whose configuration changed over time.
 *
 * File checksums stay SHA-256 whatever QD_HASH says: they are served as `Repr-Digest: sha-256=…`
 * (RFC 9530), whose algorithm names have no SM3.
 */
export const HASH_ALGORITHMS = ['sha256', 'sm3'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return (HASH_ALGORITHMS as readonly unknown[]).includes(value);
}

/** The configured algorithm; throws a start-up error for an unknown name or an SM3 this Node lacks. */
export function hashAlgorithm(
  env: NodeJS.ProcessEnv = process.env,
  available: readonly string[] = crypto.getHashes(),
): HashAlgorithm {
  const wanted = (env.QD_HASH ?? '').trim().toLowerCase() || 'sha256';
  if (!isHashAlgorithm(wanted)) {
    throw new Error(`QD_HASH=${env.QD_HASH} is not supported: use sha256 (default) or sm3.`);
  }
  if (!available.includes(wanted)) {
    throw new Error(
      `QD_HASH=${wanted}: this Node's OpenSSL (${process.versions.openssl}) has no ${wanted.toUpperCase()} digest. ` +
        'Run Node built with an OpenSSL that provides it, or unset QD_HASH to chain the audit log with SHA-256.',
    );
  }
  return wanted;
}

export function digestHex(data: string | Buffer, algorithm: HashAlgorithm = 'sha256'): string {
  return crypto.createHash(algorithm).update(data).digest('hex');
}

/** HMAC-SHA256: the signature of audit checkpoints, keyed with a secret the database does not hold. */
export function hmacHex(key: Buffer, data: string): string {
  return crypto.createHmac('sha256', key).update(data).digest('hex');
}

/** Compares two hex strings in constant time (signatures). */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
