import { digestHex, type HashAlgorithm } from '../crypto/hash-provider.js';

/** The fields a hash covers: everything in the row except the hash itself. */
export interface AuditRecord {
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  detail: Record<string, unknown> | null;
  clientIp: string | null;
  regionCode: string | null;
  /** Always set when a row is sealed; null only in the type, for rows read before sealing. */
  prevHash: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, so the same row always hashes the same after a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(record: AuditRecord, algorithm: HashAlgorithm = 'sha256'): string {
  return digestHex(
    canonicalJson([
      record.seq,
      record.at.toISOString(),
      record.actorId,
      record.actorName,
      record.action,
      record.targetType,
      record.targetId,
      record.outcome,
      record.detail,
      record.clientIp,
      record.regionCode,
      record.prevHash,
    ]),
    algorithm,
  );
}
