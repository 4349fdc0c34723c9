import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is a single-process database: a second server on the same folder would corrupt it.
 *
 * The folder is locked with an OS lock (flock(2)) on `qd.lock`, which the kernel grants to one
 * holder at a time and drops when the holder dies, however it dies: no stale lock, no PID to
 * misread. Node has no flock without a native addon, so a small helper process holds it:
 * util-linux's `flock` locks the file and runs `cat` on a pipe from this process; when this
 * process ends (even by kill -9) the pipe closes, `cat` ends, `flock` exits and the lock is
 * gone. The file's text (PID, host, time) only tells a second process whom it is waiting for.
 */
export class DataDirLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(
      `The data folder ${dir} is in use by another Quality District process (${holder}). ` +
        `Stop it first, or set QD_DATA_DIR to another folder. ` +
        `数据目录正被另一个进程（${holder}）使用，请先停止该进程或设置 QD_DATA_DIR。`,
    );
  }
}

/** `flock`'s exit code when the lock is held by someone else. */
const CONFLICT = 75;
/**
 * How long to wait when the recorded holder is already dead: its helper notices the closed
 * pipe and exits a moment later (a restart right after a crash).
 */
const DEAD_HOLDER_WAIT_SECONDS = 5;

interface HolderInfo {
  pid: number;
  host: string;
  since: string;
}

export type Unlock = () => Promise<void>;

export async function lockDataDir(dir: string): Promise<Unlock> {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'qd.lock');
  let holder = await tryLock(lockFile, 0);
  if (!holder) {
    const info = readHolder(lockFile);
    const holderGone = info !== null && info.host === os.hostname() && !isAlive(info.pid);
    if (holderGone) holder = await tryLock(lockFile, DEAD_HOLDER_WAIT_SECONDS);
    if (!holder) throw new DataDirLockedError(dir, info ? `PID ${info.pid} on ${info.host} since ${info.since}` : 'unknown');
  }
  const info: HolderInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  fs.writeFileSync(lockFile, JSON.stringify(info) + '\n');

  let released = false;
  const exited = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
  void exited.then(() => {
    if (!released) console.error(`[db] the lock helper of ${dir} ended: the data folder is no longer locked`);
  });
  return async () => {
    if (released) return;
    released = true;
    holder.stdin?.end();
    await exited;
  };
}

/** Starts the helper; resolves with it once it holds the lock, or null when someone else does. */
function tryLock(lockFile: string, waitSeconds: number): Promise<ChildProcess | null> {
  return new Promise((resolve, reject) => {
    const wait = waitSeconds > 0 ? ['--timeout', String(waitSeconds)] : ['--nonblock'];
    const child = spawn(
      'flock',
      [
        '--exclusive',
        ...wait,
        '--conflict-exit-code',
        String(CONFLICT),
        '--close',
        lockFile,
        'sh',
        '-c',
        'echo locked && exec cat >/dev/null',
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let settled = false;
    child.stdout!.once('data', () => {
      settled = true;
      child.stdout!.destroy();
      // The helper must not keep a finished CLI command alive; the server lives on its own.
      child.unref();
      (child.stdin as unknown as { unref?: () => void }).unref?.();
      resolve(child);
    });
    child.once('error', (err: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      reject(
        err.code === 'ENOENT'
          ? new Error('The PGlite data folder is locked with `flock` (util-linux), which is not installed. 需要 flock 命令。')
          : err,
      );
    });
    child.once('exit', (code) => {
      if (settled) return;
      settled = true;
      if (code === CONFLICT) resolve(null);
      else reject(new Error(`flock ${lockFile} ended with code ${code}`));
    });
  });
}

function readHolder(lockFile: string): HolderInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockFile, 'utf8')) as HolderInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null; // empty (taken a moment ago) or written by an older version
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
