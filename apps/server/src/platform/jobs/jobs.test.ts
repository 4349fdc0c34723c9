import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityJobs } from '../../modules/identity/index.js';
import { findUserByUsername, insertSession } from '../../modules/identity/identity.repo.js';
import { createTestApp, POSTGRES_MISSING, type TestApp } from '../../testing/test-app.js';
import { startJobs, type JobRunner } from './job-runner.js';

const DAY = 24 * 60 * 60 * 1000;

async function waitForJob(jobs: JobRunner, name: string, id: string): Promise<{ state: string; output: unknown }> {
  for (let i = 0; i < 200; i++) {
    const status = await jobs.status(name, id);
    if (status && ['completed', 'failed', 'cancelled'].includes(status.state)) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${name} ${id} did not finish`);
}

describe.skipIf(POSTGRES_MISSING)('background jobs on pg-boss', () => {
  let t: TestApp;
  let jobs: JobRunner;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5 });
    jobs = await startJobs({
      deps: { database: t.database, config: t.config, clock: t.clock },
      definitions: identityJobs,
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await jobs?.stop();
    await t?.close();
  });

  it('schedules the session purge hourly', async () => {
    const rows = await t.database.query<{ name: string; cron: string }>('select name, cron from pgboss.schedule');
    expect(rows).toContainEqual({ name: 'identity.sessions.purge', cron: '17 * * * *' });
  });

  it('purges sessions ended or expired more than a week ago, and only those', async () => {
    const user = (await findUserByUsername(t.database.db, 'office'))!;
    const now = Date.now();
    const session = (tokenHash: string, createdDaysAgo: number, expiresDaysAgo: number, endedDaysAgo: number | null) =>
      insertSession(t.database.db, {
        tokenHash,
        userId: user.id,
        csrfToken: 'x',
        createdAt: new Date(now - createdDaysAgo * DAY),
        lastSeenAt: new Date(now - createdDaysAgo * DAY),
        expiresAt: new Date(now - expiresDaysAgo * DAY),
        endedAt: endedDaysAgo === null ? null : new Date(now - endedDaysAgo * DAY),
      });
    await session('expired-long-ago', 10, 9.5, null);
    await session('ended-long-ago', 20, -1, 8);
    await session('ended-yesterday', 2, -1, 1);
    await session('live', 0, -0.5, null);

    const id = await jobs.send('identity.sessions.purge');
    const result = await waitForJob(jobs, 'identity.sessions.purge', id);

    expect(result).toEqual({ state: 'completed', output: { removed: 2 } });
    const left = await t.database.query<{ token_hash: string }>('select token_hash from sessions order by token_hash');
    expect(left.map((r) => r.token_hash)).toEqual(['ended-yesterday', 'live']);
  });
});
