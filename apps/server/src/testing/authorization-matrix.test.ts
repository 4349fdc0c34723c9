import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@qd/core';
import { AUTHORIZATION_EXPECTATIONS, bodyOverrides, type Expectation } from './authorization-expectations.js';
import { buildWorld, fillPath, loadOperations, type Actor, type OpenApiOperation, type World } from './authorization-world.js';
import { exampleOf } from './json-schema-arbitrary.js';
import { createTestApp, POSTGRES_MISSING, type TestApp } from './test-app.js';

/**
 * The authorization matrix: every operation of the OpenAPI document × anonymous, every demo role,
 * a user of another organization of the same kind and every role in a sibling region, each
 * against real rows of the demo region's demo organizations. The expected outcome is declared once
 * per operation in authorization-expectations.ts; an operation without a declaration fails.
 *
 * Passed authorization = 2xx, or 400/409/422 (the use-case ran its checks on a schema-valid body).
 */
type Outcome = 'pass' | 401 | 403 | 404;

function expected(e: Expectation, actor: Actor): Outcome {
  if (e.access === 'public') return 'pass';
  if (!actor.role) return 401;
  if (e.access === 'signedIn') return 'pass';
  if (e.owner) return actor.name === e.owner ? 'pass' : 404;
  const role: Role = actor.role;
  if (e.hidden?.includes(role)) return 404;
  const pass = e.pass.includes(role);
  if (!pass && !e.see?.includes(role)) return 403;
  if (actor.place === 'otherRegion' && e.region) return 404;
  if (actor.place === 'otherOrg' && e.org?.includes(role)) return 404;
  return pass ? 'pass' : 403;
}

function outcomeOf(status: number, e: Expectation): Outcome | number {
  if ((status >= 200 && status < 300) || [400, 409, 422].includes(status) || e.passWith?.includes(status)) return 'pass';
  return status;
}

/** Reads before writes, deletions after both, and the log-out last (it ends the sessions). */
function order(op: OpenApiOperation): number {
  if (op.key === 'POST /api/v1/auth/logout') return 4;
  if (op.method === 'DELETE') return 3;
  return op.method === 'GET' ? 1 : 2;
}

describe.skipIf(POSTGRES_MISSING)('authorization matrix (from /api/openapi.json)', () => {
  let t: TestApp;
  let world: World;
  let operations: OpenApiOperation[];

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 20 });
    world = await buildWorld(t);
    operations = (await loadOperations(t)).sort((a, b) => order(a) - order(b));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('declares an expected outcome for every operation, and none for operations that are gone', () => {
    const keys = new Set(operations.map((o) => o.key));
    expect(operations.filter((o) => !AUTHORIZATION_EXPECTATIONS[o.key]).map((o) => o.key)).toEqual([]);
    expect(Object.keys(AUTHORIZATION_EXPECTATIONS).filter((k) => !keys.has(k))).toEqual([]);
    // The declared public operations are exactly the document's (no session required).
    expect(operations.filter((o) => o.public).map((o) => o.key)).toEqual(
      operations.filter((o) => AUTHORIZATION_EXPECTATIONS[o.key]?.access === 'public').map((o) => o.key),
    );
  });

  it('answers every operation × actor as declared', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const op of operations) {
      const e = AUTHORIZATION_EXPECTATIONS[op.key];
      if (!e) continue;
      const query = op.query
        .filter((p) => p.required)
        .map((p) => `${p.name}=${encodeURIComponent(String(exampleOf(p.schema, world.hints, p.name)))}`)
        .join('&');
      const body = op.body
        ? { ...(exampleOf(op.body, world.hints) as object), ...bodyOverrides(world.hints)[op.key] }
        : undefined;
      const row: string[] = [];
      let wrong = false;
      for (const actor of world.actors) {
        const ids = op.key === 'DELETE /api/v1/contacts/{id}' ? { ...world.ids, contact: await world.freshContact() } : world.ids;
        const url = fillPath(op.path, ids) + (query ? `?${query}` : '');
        const res = await world.send(actor, op, url, body);
        requests++;
        const got = outcomeOf(res.statusCode, e);
        const want = expected(e, actor);
        row.push(`${actor.name}:${res.statusCode}`);
        if (got !== want) {
          wrong = true;
          failures.push(`${op.key} as ${actor.name}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
      if (wrong) failures.push(`${op.key}\n   ${row.join(' ')}`);
    }
    console.log(`authorization matrix: ${operations.length} operations × ${world.actors.length} actors = ${requests} requests`);
    expect(failures).toEqual([]);
  });
});
