import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ImportTiming, LoadTiming, Reply, Request, ServerProcessConfig } from './protocol.js';

type Pending = { resolve(reply: Reply): void; reject(err: Error): void };
type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** The bench's handle on a server process: start it, ask it things, stop it. */
export interface ServerControl {
  url: string;
  /** The same-SQL ceiling on the same data (bench/src/ceiling.ts), in the same process; null in ceiling mode. */
  ceilingUrl: string | null;
  load: LoadTiming | null;
  rssMb(): Promise<number>;
  /** Requests begun and answered since the server started. */
  activity(): Promise<{ started: number; answered: number }>;
  importFile(rows: number, format: 'xlsx' | 'csv'): Promise<ImportTiming>;
  stop(): Promise<void>;
}

export async function startServerProcess(config: ServerProcessConfig): Promise<ServerControl> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'server-process.ts'), [], {
    // BENCH_CPU_PROF=<folder>: a V8 CPU profile of each server process, written when it stops.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, BENCH_SERVER_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let onReady: Pending | null = null;

  const failAll = (err: Error) => {
    onReady?.reject(err);
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  child.on('message', (reply: Reply) => {
    if (reply.type === 'ready') return onReady?.resolve(reply);
    if (reply.type === 'failed') return failAll(new Error(`server process: ${reply.message}`));
    pending.get(reply.id)?.resolve(reply);
    pending.delete(reply.id);
  });
  child.on('exit', (code) => failAll(new Error(`server process exited (${code})`)));

  const ready = await new Promise<Reply>((resolve, reject) => (onReady = { resolve, reject }));
  if (ready.type !== 'ready') throw new Error('unexpected reply');

  const ask = (body: RequestBody) =>
    new Promise<Reply>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ ...body, id } as Request);
    });

  return {
    url: ready.url,
    ceilingUrl: ready.ceilingUrl,
    load: ready.load,
    async rssMb() {
      const r = await ask({ type: 'rss' });
      return r.type === 'rss' ? r.rssMb : NaN;
    },
    async activity() {
      const r = await ask({ type: 'activity' });
      if (r.type !== 'activity') throw new Error('unexpected reply');
      return { started: r.started, answered: r.answered };
    },
    async importFile(rows, format) {
      const r = await ask({ type: 'import', rows, format });
      if (r.type !== 'import') throw new Error('unexpected reply');
      return r.timing;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask({ type: 'stop' }).catch(() => {});
      await exited;
    },
  };
}
