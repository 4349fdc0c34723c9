import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { login, sampleEnterpriseIds } from './http.js';
import { startServerProcess } from './server-control.js';
const rows = Number(process.env.ROWS ?? 100000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-probe-'));
const s = await startServerProcess({ mode: 'app', database: { kind: 'pglite', dataDir }, rows, password: 'Bench-Pass-2026!' });
const cookie = await login(s.url, 'office', 'Bench-Pass-2026!');
let t = performance.now();
const ids = await sampleEnterpriseIds(s.url, cookie, rows, 500);
console.log('sample ids', (performance.now() - t).toFixed(0), 'ms');
for (const p of [`/api/v1/enterprises/${ids[0]}`, `/api/v1/enterprises/${ids[250]}`, '/api/v1/enterprises?keyword=%E5%B0%BC%E9%BE%99&pageSize=20', '/api/v1/auth/me', `/api/v1/enterprises/${ids[1]}`]) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const r = await fetch(s.url + p, { headers: { cookie } });
    await r.text();
    times.push((performance.now() - t).toFixed(0));
  }
  console.log(times.join(' '), 'ms', p.slice(0, 60));
}
await s.stop();
fs.rmSync(dataDir, { recursive: true, force: true });
