import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite is a single-process database: a second server on the same folder would corrupt it.
 * The first process writes its PID into a lock file; a second one finds a live PID and stops
 * with a clear message. A lock left by a process that died is taken over.
 */
export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The data folder ${dir} is in use by another Quality District process (PID ${pid}). ` +
        `Stop it first, or set QD_DATA_DIR to another folder. ` +
        `数据目录正被另一个进程（PID ${pid}）使用，请先停止该进程或设置 QD_DATA_DIR。`,
    );
  }
}

export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'qd.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockFile, 'utf8'));
      if (pid && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      fs.unlinkSync(lockFile); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
