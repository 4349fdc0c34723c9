import type { Role } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { hashPassword } from '../../platform/crypto/password-hash.js';
import { newId } from '../../platform/ids.js';
import { users } from './identity.tables.js';

export interface DemoUserSpec {
  username: string;
  displayName: string;
  roles: Role[];
  organizationId: string | null;
}

/** One user per role, all with the same demo password (printed at start, never a fixed default). */
export async function seedDemoUsers(
  tx: Executor,
  regionCode: string,
  password: string,
  specs: DemoUserSpec[],
): Promise<Record<string, string>> {
  const passwordHash = await hashPassword(password);
  const now = new Date();
  const rows = specs.map((s) => ({
    id: newId(),
    username: s.username,
    displayName: s.displayName,
    passwordHash,
    regionCode,
    organizationId: s.organizationId,
    roles: s.roles,
    mustChangePassword: false,
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insert(users).values(rows);
  return Object.fromEntries(rows.map((r) => [r.username, r.id]));
}
