import type { Actor, Locale, Permission } from '@qd/core';

/** Who asks, from where, in which language: handed from the route to every service call. */
export interface RequestContext {
  actor: Actor;
  clientIp: string | null;
  userAgent: string | null;
  locale: Locale;
}

/**
 * For work started by the command line, the seed or a job, not by a person over HTTP. It holds no
 * permission unless the caller grants the ones its use-case needs, and says why where it does.
 */
export function systemContext(regionCode: string, name = 'system', permissions: readonly Permission[] = []): RequestContext {
  return {
    actor: {
      userId: '00000000-0000-0000-0000-000000000000',
      username: name,
      displayName: name,
      regionCode,
      organizationId: null,
      roles: [],
      permissions: [...permissions],
    },
    clientIp: null,
    userAgent: 'qd',
    locale: 'zh-CN',
  };
}
