import os from 'node:os';
import type { Permission } from '@qd/core';
import { systemContext, type RequestContext } from '../platform/request-context.js';

/**
 * The person at the server's console. They already hold the keys to the database (its folder or
 * DATABASE_URL), so the application cannot restrain them, and they are trusted like a system
 * administrator: each command grants exactly the permissions its use-case checks, no more, and
 * the services still apply every rule and write every audit record, under `cli:<OS user>`.
 */
export function operatorContext(regionCode: string, permissions: readonly Permission[]): RequestContext {
  const ctx = systemContext(regionCode, `cli:${osUser()}`, permissions);
  return { ...ctx, userAgent: 'qd-cli' };
}

function osUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}
