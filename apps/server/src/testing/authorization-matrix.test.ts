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
function order(key: string): number {
  if (key === 'POST /api/v1/auth/logout') return 4;
  if (key.startsWith('DELETE ')) return 3;
  return key.startsWith('GET ') ? 1 : 2;
}
const DECLARED = Object.keys(AUTHORIZATION_EXPECTATIONS).sort((a, b) => order(a) - order(b));

describe.skipIf(POSTGRES_MISSING)('authorization matrix (from /api/openapi.json)', () => {
  let t: TestApp;
  let world: World;
  let operations: Map<string, OpenApiOperation>;
  let requests = 0;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 20 });
    world = await buildWorld(t);
    operations = new Map((await loadOperations(t)).map((o) => [o.key, o]));
  }, 300_000); // an app, its seed and 22 log-ins (password hashing) on a shared machine
  afterAll(async () => {
    console.log(
      `authorization matrix: ${operations?.size} operations × ${world?.actors.length} actors (anonymous, ${
        (world?.actors.length ?? 1) - 1
      } users) = ${requests} requests`,
    );
    await t?.close();
  });

  it('declares an expected outcome for every operation of the document, and none for operations that are gone', () => {
    expect([...operations.keys()].filter((k) => !AUTHORIZATION_EXPECTATIONS[k])).toEqual([]);
    expect(DECLARED.filter((k) => !operations.has(k))).toEqual([]);
    // What the document marks as needing no session is declared public.
    const publicInDocument = [...operations.values()].filter((o) => o.public).map((o) => o.key);
    expect(publicInDocument.filter((k) => AUTHORIZATION_EXPECTATIONS[k]?.access !== 'public')).toEqual([]);
  });

  it.each(DECLARED)('%s', async (key) => {
    const op = operations.get(key);
    expect(op, 'operation is in /api/openapi.json').toBeDefined();
    const e = AUTHORIZATION_EXPECTATIONS[key]!;
    const query = op!.query
      .filter((p) => p.required)
      .map((p) => `${p.name}=${encodeURIComponent(String(exampleOf(p.schema, world.hints, p.name)))}`)
      .join('&');
    const body = op!.body ? { ...(exampleOf(op!.body, world.hints) as object), ...bodyOverrides(world.hints)[key] } : undefined;
    const failures: string[] = [];
    const row: string[] = [];
    for (const actor of world.actors) {
      // A deletion removes its row: each request gets a row of its own.
      const ids = key === 'DELETE /api/v1/contacts/{id}' ? { ...world.ids, contact: await world.freshContact() } : world.ids;
      const url = fillPath(op!.path, ids) + (query ? `?${query}` : '');
      const res = await world.send(actor, op!, url, body);
      requests++;
      const got = outcomeOf(res.statusCode, e);
      const want = expected(e, actor);
      row.push(`${actor.name}:${res.statusCode}`);
      if (got !== want) failures.push(`as ${actor.name}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    if (failures.length) failures.push(`observed: ${row.join(' ')}`);
    expect(failures).toEqual([]);
  });
});
