/**
 * A server under test, in its own process so that its memory is its own and autocannon (in the
 * parent) does not share its event loop. Started by server-control.ts; talks over IPC.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { startAuditSealer, type AuditSealer } from '../../apps/server/src/platform/audit/audit.jobs.js';
import { buildApp } from '../../apps/server/src/app.js';
import { createEnterpriseTransferService, DEMO_REGION } from '../../apps/server/src/modules/registry/index.js';
import { systemClock } from '../../apps/server/src/platform/clock.js';
import { loadConfig } from '../../apps/server/src/platform/config.js';
import { openDatabase, type Database } from '../../apps/server/src/platform/db/database.js';
import { migrate } from '../../apps/server/src/platform/db/migrate.js';
import { systemContext } from '../../apps/server/src/platform/request-context.js';
import { seedDemo } from '../../apps/server/src/seed/demo-seed.js';
import { buildCeilingApp, buildSameSqlCeilingApp, rawQueryOf } from './ceiling.js';
import { timeImport } from './import-file.js';
import { loadEnterprises } from './loader.js';
import type { LoadTiming, Reply, Request, ServerProcessConfig } from './protocol.js';

const send = (reply: Reply) => process.send!(reply);

async function main(cfg: ServerProcessConfig) {
  let app: FastifyInstance;
  let database: Database | null = null;
  let load: LoadTiming | null = null;
  let sealer: AuditSealer | null = null;
  let ceiling: FastifyInstance | null = null;
  let closeRaw = async () => {};

  if (cfg.mode === 'ceiling') {
    app = buildCeilingApp();
  } else {
    const target = cfg.database!;
    database = await openDatabase(target.kind === 'postgres' ? { url: target.url } : { dataDir: target.dataDir });
    await migrate(database);
    await seedDemo(database, cfg.password, 200);
    load = await loadEnterprises(database, cfg.rows, DEMO_REGION);
    const config = {
      ...loadConfig({}),
      databaseUrl: target.kind === 'postgres' ? target.url : undefined,
      webDist: '/nonexistent',
      jobs: false,
    };
    app = await buildApp({ database, config });
    // The audit sealer runs as in the server (its checkpoint key and file in a folder of its own).
    const anchorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-bench-audit-'));
    sealer = startAuditSealer({
      database,
      config: { ...config, auditKeyFile: undefined, auditCheckpointFile: undefined, dataDir: anchorDir },
      clock: systemClock,
    });
    const raw = rawQueryOf(database, target.kind === 'postgres' ? target.url : undefined);
    closeRaw = raw.close;
    ceiling = buildSameSqlCeilingApp(raw.query, DEMO_REGION);
  }
  // Requests begun and answered, so the bench can tell when the server has worked off the
  // requests autocannon abandoned at the end of a run.
  let started = 0;
  let answered = 0;
  for (const server of [app, ceiling]) {
    server?.addHook('onRequest', async () => void started++);
    server?.addHook('onSend', async (_request, _reply, payload) => {
      answered++;
      return payload;
    });
  }
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const ceilingAddress = ceiling ? await ceiling.listen({ port: 0, host: '127.0.0.1' }) : null;

  process.on('message', async (req: Request) => {
    try {
      if (req.type === 'rss') {
        send({ id: req.id, type: 'rss', rssMb: process.memoryUsage().rss / 1024 / 1024 });
      } else if (req.type === 'activity') {
        send({ id: req.id, type: 'activity', started, answered });
      } else if (req.type === 'import') {
        const transfer = createEnterpriseTransferService({ database: database!, config: loadConfig({}), clock: systemClock });
        const ctx = systemContext(DEMO_REGION, 'bench', ['registry.read', 'registry.import', 'registry.enterprise.write']);
        send({ id: req.id, type: 'import', timing: await timeImport(transfer, ctx, req.rows, DEMO_REGION, req.format) });
      } else if (req.type === 'stop') {
        await app.close();
        await sealer?.stop();
        await ceiling?.close();
        await closeRaw();
        await database?.close();
        send({ id: req.id, type: 'stopped' });
        process.disconnect();
      }
    } catch (err) {
      send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  });
  send({ type: 'ready', url: address, ceilingUrl: ceilingAddress, load });
}

const cfg = JSON.parse(process.env.BENCH_SERVER_CONFIG ?? '{}') as ServerProcessConfig;
main(cfg).catch((err) => {
  send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exitCode = 1;
  process.disconnect();
});
