import type { AuditVerifyResult } from '@qd/core';
import { GENESIS_HASH, auditHash, type AuditRecord } from './audit-chain.js';

type StoredRow = AuditRecord & { hash: string };

/**
 * Walks the chain from the first row: every row's hash must match its content, every row must
 * point at the previous row's hash, and sequence numbers must have no gaps (a deleted row).
 * `next` pages through the rows in order; the walk keeps only one batch in memory.
 */
export async function verifyAuditChain(
  next: (afterSeq: number) => Promise<StoredRow[]>,
  onProgress?: (checked: number) => void,
): Promise<AuditVerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await next(expectedSeq - 1);
    if (batch.length === 0) return { ok: true, checked, firstBrokenSeq: null, reason: null };
    for (const row of batch) {
      const broken = (reason: string) => ({ ok: false, checked, firstBrokenSeq: row.seq, reason });
      if (row.seq !== expectedSeq) return { ...broken(`missing row ${expectedSeq}`), firstBrokenSeq: expectedSeq };
      if (row.prevHash !== prevHash) return broken('previous-hash link broken');
      if (auditHash(row) !== row.hash) return broken('row content does not match its hash');
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    onProgress?.(checked);
  }
}
