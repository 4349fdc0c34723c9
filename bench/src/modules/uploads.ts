/**
 * Uploads: one 19 MB PDF (just under the 20 MB limit) attached to a governance task by the
 * department officer, on PGlite and on PostgreSQL, with the server in its own process. Reports
 * the upload's time, the server's peak RSS while it ran (sampled every 50 ms) against its RSS
 * before, and /api/health answered back to back during the upload: how many and their slowest
 * (issue 11: one upload used to hold every other request for 22 s and take RSS to 2.1 GB).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBenchDatabase } from '../postgres.js';
import type { DatabaseTarget } from '../protocol.js';
import { startServerProcess } from '../server-control.js';
import { summarise, type ModuleBench, type TimingResult } from '../module-bench.js';

const PASSWORD = 'Bench-Pass-2026!';
const SIZE = 19 * 1024 * 1024;

async function signIn(url: string, username: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

function multipart(bytes: Buffer) {
  const boundary = `----qdBench${crypto.randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench-19mb.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function measure(label: string, target: DatabaseTarget, log: (line: string) => void): Promise<TimingResult[]> {
  const server = await startServerProcess({ mode: 'app', database: target, rows: 0, password: PASSWORD });
  try {
    const session = await signIn(server.url, 'dept');
    const list = await fetch(`${server.url}/api/v1/governance/tasks?pageSize=100`, { headers: { cookie: session.cookie } });
    const tasks = ((await list.json()) as { data: { id: string; state: string; actions?: string[] }[] }).data;
    const task = tasks.find((t) => ['assigned', 'in_progress', 'returned'].includes(t.state));
    if (!task) throw new Error('uploads: no open task of the department in the demo data');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(SIZE - 9)]);
    const form = multipart(pdf);

    const rssBefore = await server.rssMb();
    let peak = rssBefore;
    let uploading = true;
    const sampler = (async () => {
      while (uploading) {
        peak = Math.max(peak, await server.rssMb());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const health: number[] = [];
    const prober = (async () => {
      while (uploading) {
        const t0 = performance.now();
        await fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer());
        health.push(performance.now() - t0);
      }
    })();
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/governance/tasks/${task.id}/attachments`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': form.contentType },
      body: form.body,
    });
    const uploadMs = performance.now() - t0;
    uploading = false;
    await Promise.all([sampler, prober]);
    if (res.status !== 201) throw new Error(`uploads: ${res.status} ${await res.text()}`);
    peak = Math.max(peak, await server.rssMb());
    const probes = summarise(health);
    log(
      `uploads ${label}: ${(uploadMs / 1000).toFixed(2)} s, RSS ${Math.round(rssBefore)} → peak ${Math.round(peak)} MB, ` +
        `${health.length} health answers during it, slowest ${Math.round(Math.max(...health))} ms`,
    );
    return [
      {
        module: 'uploads',
        scenario: 'upload one 19 MB PDF (governance task attachment)',
        database: label,
        ...summarise([uploadMs]),
        note: `server RSS ${Math.round(rssBefore)} → peak ${Math.round(peak)} MB (sampled every 50 ms)`,
      },
      {
        module: 'uploads',
        scenario: '/api/health back to back during that upload',
        database: label,
        ...probes,
        note: `slowest ${Math.round(Math.max(...health))} ms; before issue 11 health waited for the whole upload`,
      },
    ];
  } finally {
    await server.stop();
  }
}

export const uploadsBench: ModuleBench = {
  module: 'uploads',
  async run({ postgresServerUrl, log }) {
    const timings: TimingResult[] = [];
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-bench-uploads-'));
    try {
      timings.push(...(await measure('PGlite', { kind: 'pglite', dataDir }, log)));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    if (!postgresServerUrl) return { timings, skipped: ['uploads: PostgreSQL not reachable'] };
    const created = await createBenchDatabase(postgresServerUrl);
    if ('unreachable' in created) return { timings, skipped: [`uploads: ${created.unreachable}`] };
    try {
      timings.push(...(await measure('PostgreSQL', { kind: 'postgres', url: created.url }, log)));
    } finally {
      await created.drop();
    }
    return { timings };
  },
};
