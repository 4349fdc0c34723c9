import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordingIo } from '../../cli/io.js';
import { runQd } from '../../cli/program.js';
import { DEMO_PASSWORD } from '../../testing/test-app.js';
import { httpLogin, WriteLoop } from '../../testing/write-loop.js';
import { loadConfig } from '../config.js';
import { openDatabase } from './database.js';

/**
 * Crash test on the embedded database: the real server (`npm start`'s entry point) as a child
 * process on a temporary data folder, a write loop against it over HTTP, and kill -9 of the
 * server during the loop three times, restarting it in between. Every write the server
 * acknowledged must be there afterwards, and the audit chain must verify.
 */
const MAIN = path.resolve(import.meta.dirname, '../../main.ts');
const KILLS = 3;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

/** Starts the server and resolves once it says it is running. */
function startServerProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      QD_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      QD_DEMO_PASSWORD: DEMO_PASSWORD,
      QD_WEB_DIST: '/nonexistent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('is running on')) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) while starting:\n${out}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe.runIf(process.env.QD_TEST_DB !== 'postgres')('crash test: kill -9 of the server during a write loop', () => {
  it('keeps every acknowledged write and an intact audit chain', { timeout: 900_000 }, async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    let server = await startServerProcess(dataDir, port);
    const loop = new WriteLoop(baseUrl, await httpLogin(baseUrl, 'office', DEMO_PASSWORD));
    loop.start(4);
    const kills: number[] = [];
    try {
      for (let i = 0; i < KILLS; i++) {
        await loop.waitForMore(10);
        kills.push(Date.now());
        await killHard(server);
        server = await startServerProcess(dataDir, port);
      }
      await loop.waitForMore(10);
    } finally {
      await loop.stop();
      await new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      });
    }

    const config = { ...loadConfig({}), dataDir, databaseUrl: undefined };
    const database = await openDatabase({ dataDir });
    let stored: Set<string>;
    try {
      const rows = await database.query<{ credit_code: string }>(
        `select credit_code from organizations where kind = 'enterprise' and credit_code = any($1)`,
        [loop.acknowledged],
      );
      stored = new Set(rows.map((r) => r.credit_code));
    } finally {
      await database.close();
    }
    const lost = loop.acknowledged.filter((code) => !stored.has(code));
    const down = loop.failures.filter((f) => f.status === 'network');
    const inFlight = down.filter((f) => kills.some((k) => f.startedAt <= k && f.endedAt >= k)).length;
    const others = loop.failures.filter((f) => f.status !== 'network');
    console.log(
      `[crash test] ${KILLS} kill -9, ${loop.acknowledged.length} writes acknowledged, ${lost.length} lost, ` +
        `${inFlight} requests cut off in flight, ${down.length - inFlight} refused while it was down, other answers: ${JSON.stringify(others.map((f) => f.status))}`,
    );
    expect(lost).toEqual([]);
    expect(others).toEqual([]);

    const io = recordingIo();
    expect(await runQd(['node', 'qd', 'audit', 'verify'], io, config)).toBe(0);
    expect(io.lines.join('\n')).toMatch(/^OK: the audit chain is intact/);
  });
});
