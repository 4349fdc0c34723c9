import fs from 'node:fs';
import { test } from 'vitest';
import { createTestApp } from './test-app.js';
import { buildWorld, fillPath, loadOperations } from './authorization-world.js';
import { exampleOf } from './json-schema-arbitrary.js';
import { bodyOverrides } from './authorization-expectations.js';
test('observe', async () => {
  const t = await createTestApp({ enterprises: 20 });
  const w = await buildWorld(t);
  console.log(JSON.stringify(w.ids));
  const rank = (o: any) => (o.key === 'POST /api/v1/auth/logout' ? 4 : o.method === 'DELETE' ? 3 : o.method === 'GET' ? 1 : 2);
  const ops = (await loadOperations(t)).sort((a, b) => rank(a) - rank(b));
  const lines: string[] = [];
  const slow: Record<string, number> = {};
  const start = Date.now();
  for (const op of ops) {
    const url = fillPath(op.path, w.ids);
    const q = op.query
      .filter((p) => p.required)
      .map((p) => `${p.name}=${encodeURIComponent(String(exampleOf(p.schema, w.hints, p.name)))}`)
      .join('&');
    const body = op.body ? { ...(exampleOf(op.body, w.hints) as object), ...bodyOverrides(w.hints)[op.key] } : undefined;
    const cells: string[] = [];
    for (const a of w.actors) {
      const u =
        op.key === 'DELETE /api/v1/contacts/{id}' ? fillPath(op.path, { ...w.ids, contact: await w.freshContact() }) : url;
      const t0 = Date.now();
      const r = await w.send(a, op, q ? `${u}?${q}` : u, body);
      slow[op.key] = (slow[op.key] ?? 0) + Date.now() - t0;
      cells.push(
        `${a.name}:${r.statusCode}${r.statusCode === 400 || r.statusCode === 500 ? '(' + r.body.slice(0, 120) + ')' : ''}`,
      );
    }
    lines.push(`${op.key}\n   ${cells.join(' ')}`);
  }
  fs.writeFileSync(
    '/tmp/af/slow.txt',
    Object.entries(slow)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 25)
      .map(([k, v]) => `${v} ${k}`)
      .join('\n'),
  );
  fs.writeFileSync('/tmp/af/observed.txt', lines.join('\n') + `\n${Date.now() - start}ms\n`);
  await t.close();
}, 600_000);
