import { enterpriseBody } from './fixtures.js';

/**
 * A client of a real server over HTTP for the fault and crash tests: logs in as the office and
 * creates enterprises in a loop, remembering each write the server acknowledged (201) and
 * every other answer with when it was asked and answered.
 */
export interface Outcome {
  status: number | 'network';
  startedAt: number;
  endedAt: number;
}

export interface HttpSession {
  cookie: string;
  csrf: string;
}

export async function httpLogin(baseUrl: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

export class WriteLoop {
  /** Credit codes of the enterprises the server answered 201 for. */
  readonly acknowledged: string[] = [];
  readonly failures: Outcome[] = [];
  private stopped = false;
  private running: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly session: HttpSession,
  ) {}

  /** Starts `writers` concurrent clients, each sending one request after the other. */
  start(writers: number): void {
    this.stopped = false;
    this.running = Array.from({ length: writers }, () => this.writer());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running);
  }

  /** Resolves once `count` more writes than now have been acknowledged. */
  async waitForMore(count: number): Promise<void> {
    const target = this.acknowledged.length + count;
    while (this.acknowledged.length < target) {
      if (this.stopped) throw new Error('the write loop stopped');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async writer(): Promise<void> {
    while (!this.stopped) {
      const body = enterpriseBody();
      const startedAt = Date.now();
      let status: Outcome['status'];
      try {
        const res = await fetch(`${this.baseUrl}/api/v1/enterprises`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: this.session.cookie, 'x-csrf-token': this.session.csrf },
          body: JSON.stringify(body),
        });
        status = res.status;
        await res.arrayBuffer();
      } catch {
        status = 'network'; // the server process is gone (crash test)
      }
      if (status === 201) this.acknowledged.push(body.creditCode);
      else this.failures.push({ status, startedAt, endedAt: Date.now() });
      // A dead server answers at once: do not spin while it restarts.
      if (status === 'network') await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
