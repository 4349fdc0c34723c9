import type { Actor, Locale } from '@qd/core';

/** Who asks, from where, in which language: handed from the route to every service call. */
export interface RequestContext {
  actor: Actor;
  clientIp: string | null;
  userAgent: string | null;
  locale: Locale;
}

/** For work started by the command line or the seed, not by a person over HTTP. */
export function systemContext(regionCode: string, name = 'system'): RequestContext {
  return {
    actor: {
      userId: '00000000-0000-0000-0000-000000000000',
      username: name,
      displayName: name,
      regionCode,
      organizationId: null,
      roles: [],
      permissions: [],
    },
    clientIp: null,
    userAgent: 'qd',
    locale: 'zh-CN',
  };
}
