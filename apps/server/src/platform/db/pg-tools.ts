import { spawn } from 'node:child_process';

/**
 * pg_dump and pg_restore (Debian: postgresql-client) for PostgreSQL backups, custom format.
 * The password goes through PGPASSWORD, not the command line, where `ps` would show it.
 */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new Error(`${tool} is not installed: install PostgreSQL's client tools (Debian: apt-get install postgresql-client).`)
          : err,
      ),
    );
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

export function pgDump(url: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  return run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${dbname}`], env);
}

/** Restores into the database of `url` in one transaction: all of the backup or nothing. */
export function pgRestore(url: string, file: string): Promise<void> {
  const { dbname, env } = connection(url);
  return run(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
}
