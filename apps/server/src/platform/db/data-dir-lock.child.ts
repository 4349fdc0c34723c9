/**
 * Helper process of data-dir-lock.test.ts: tries to lock the folder given as argument and
 * prints `locked`, or `busy PID <holder>`; a holder keeps the lock until its stdin closes.
 */
import { DataDirLockedError, lockDataDir } from './data-dir-lock.js';

const dir = process.argv[2]!;
try {
  const unlock = await lockDataDir(dir);
  console.log('locked');
  process.stdin.resume();
  process.stdin.once('end', () => void unlock().then(() => process.exit(0)));
} catch (err) {
  if (!(err instanceof DataDirLockedError)) throw err;
  console.log(`busy ${/PID \d+/.exec(err.message)?.[0] ?? ''}`);
  process.exit(0);
}
