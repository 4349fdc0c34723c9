import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Database } from './database.js';

/**
 * How `qd backup` reaches a running server's PGlite: the server holds the data folder's lock,
 * so the command cannot open the database itself; it asks the server over a Unix socket in the
 * data folder instead, and the server answers with a consistent dump. Whoever may connect to
 * the socket (mode 0600: the folder's owner) could copy the folder's files anyway, so the
 * socket asks for no log-in. Protocol: the client writes `backup\n`; the server answers
 * `ok <bytes>\n` and the gzipped tar, or `error <message>\n`.
 */
export const BACKUP_SOCKET = 'qd-backup.sock';

/** Unix socket paths are limited to about 107 bytes. */
const MAX_SOCKET_PATH = 100;

export function backupSocketPath(dataDir: string): string {
  return path.join(dataDir, BACKUP_SOCKET);
}

export interface BackupSocket {
  close(): Promise<void>;
}

/** Offers backups of the server's PGlite; null when the folder's path is too long for a socket. */
export async function serveBackups(database: Database, dataDir: string): Promise<BackupSocket | null> {
  const socketPath = backupSocketPath(dataDir);
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH || !database.dumpDataDir) {
    console.error(`[db] ${socketPath} is too long for a Unix socket: \`qd backup\` needs the server stopped.`);
    return null;
  }
  // This process holds the folder's lock: a socket file there is a crashed server's leftover.
  fs.rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => {
    socket.once('data', async (chunk) => {
      if (chunk.toString().trim() !== 'backup') {
        socket.end('error unknown request\n');
        return;
      }
      try {
        const dump = Buffer.from(await (await database.dumpDataDir!()).arrayBuffer());
        socket.write(`ok ${dump.length}\n`);
        socket.end(dump);
      } catch (err) {
        socket.end(`error ${(err as Error).message.replace(/\n/g, ' ')}\n`);
      }
    });
    socket.on('error', () => {}); // the client went away: nothing to answer
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  fs.chmodSync(socketPath, 0o600);
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socketPath, { force: true });
      }),
  };
}

/**
 * Asks the server running on `dataDir` for a dump. Resolves with null when no server listens
 * (no socket, or one left by a crash).
 */
export function requestBackup(dataDir: string): Promise<Buffer | null> {
  const socketPath = backupSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    if (!fs.existsSync(socketPath)) return resolve(null);
    const socket = net.createConnection(socketPath);
    const chunks: Buffer[] = [];
    let connected = false;
    socket.once('connect', () => {
      connected = true;
      socket.write('backup\n');
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (!connected && (err.code === 'ECONNREFUSED' || err.code === 'ENOENT')) resolve(null);
      else reject(err);
    });
    socket.once('end', () => {
      const all = Buffer.concat(chunks);
      const newline = all.indexOf(0x0a);
      const head = all.subarray(0, newline).toString();
      if (head.startsWith('ok ')) {
        const body = all.subarray(newline + 1);
        if (body.length !== Number(head.slice(3)))
          reject(new Error(`the server's dump was cut short (${body.length} of ${head.slice(3)} bytes)`));
        else resolve(body);
      } else reject(new Error(`the server could not dump the database: ${head.replace(/^error /, '')}`));
    });
  });
}
