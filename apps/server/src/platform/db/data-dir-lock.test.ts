import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

/**
 * The PGlite folder lock, with real processes: several started at once on a folder with a
 * stale lock file never both get it, a dead holder never leaves it behind, and a lock file
 * naming some other live process does not block. Runs once (the lock is the same for both
 * database projects; it only guards PGlite).
 */
const LOCKER = path.join(import.meta.dirname, 'data-dir-lock.child.ts');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-lock-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Locker {
  child: ChildProcess;
  /** 'locked' or 'busy', as the process reports it. */
  result: Promise<string>;
}

/** A separate node process that tries to lock `dir` and, when it got it, holds it until its stdin closes. */
function locker(dir: string): Locker {
  const child = spawn(process.execPath, ['--import', 'tsx', LOCKER, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  const result = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve(line!);
    });
    child.once('exit', (code) => reject(new Error(`locker exited with ${code} before answering: ${out}`)));
  });
  return { child, result };
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));
}

describe.runIf(process.env.QD_TEST_DB !== 'postgres')('data folder lock', () => {
  it('is held by exactly one of several processes started at once on a folder with a stale lock file', async () => {
    const rounds = 3;
    const perRound = 4;
    const winners: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const dir = path.join(tmp, `race-${round}`);
      fs.mkdirSync(dir);
      // Left by a process that died: a PID that is not running.
      fs.writeFileSync(path.join(dir, 'qd.lock'), JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), since: '2026-01-01' }));
      const lockers = Array.from({ length: perRound }, () => locker(dir));
      // Every process answers while the winner still holds the lock (it waits for its stdin to close).
      const results = await Promise.all(lockers.map((l) => l.result));
      winners.push(results.filter((r) => r === 'locked').length);
      expect(results.filter((r) => r !== 'locked').every((r) => r.startsWith('busy'))).toBe(true);
      for (const l of lockers) l.child.stdin!.end();
      await Promise.all(lockers.map((l) => exited(l.child)));
    }
    expect(winners).toEqual(Array(rounds).fill(1));
  });

  it('is free again as soon as its holder is killed with SIGKILL', async () => {
    const dir = path.join(tmp, 'killed');
    const first = locker(dir);
    expect(await first.result).toBe('locked');
    await expect(lockDataDir(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    first.child.kill('SIGKILL');
    await exited(first.child);
    const unlock = await lockDataDir(dir);
    await unlock();
  });

  it('is not blocked by a lock file naming an unrelated live process (a reused PID)', async () => {
    const dir = path.join(tmp, 'reused-pid');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'qd.lock'), String(process.ppid));
    const unlock = await lockDataDir(dir);
    // …and while this process holds it, a second process is refused, naming this one.
    const second = locker(dir);
    expect(await second.result).toBe(`busy PID ${process.pid}`);
    await exited(second.child);
    await unlock();
  });
});
