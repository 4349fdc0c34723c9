import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, runScenario, sampleEnterpriseIds } from './http.js';
import { startServerProcess } from './server-control.js';
const rows = Number(process.env.ROWS ?? 20000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-probe-'));
const s = await startServerProcess({ mode: 'app', database: { kind: 'pglite', dataDir }, rows, password: 'Bench-Pass-2026!' });
const cookie = await login(s.url, 'office', 'Bench-Pass-2026!');
const ids = await sampleEnterpriseIds(s.url, cookie, rows, 100);
const t0 = performance.now();
const el = () => ((performance.now() - t0) / 1000).toFixed(1) + 's';
for (const sc of [
  { name: 'kw', path: `/api/v1/enterprises?keyword=${encodeURIComponent('尼龙')}&pageSize=20`, cookie },
  { name: 'id', paths: ids.map((id) => `/api/v1/enterprises/${id}`), cookie },
]) {
  const r = await runScenario(s, 'PGlite', sc, { seconds: Number(process.env.SECS ?? 5), connections: 50, warmupSeconds: 2 });
  console.log(el(), JSON.stringify(r));
}
await s.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
