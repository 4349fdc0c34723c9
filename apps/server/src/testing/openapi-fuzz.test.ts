import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTHORIZATION_EXPECTATIONS } from './authorization-expectations.js';
import { buildWorld, fillPath, loadOperations, type Actor, type OpenApiOperation, type World } from './authorization-world.js';
import { deepNesting, exampleOf, fuzzArbitrary, hostileString, type JsonSchema } from './json-schema-arbitrary.js';
import { createTestApp, POSTGRES_MISSING, type TestApp } from './test-app.js';

/**
 * Schema-driven fuzz of every operation with a JSON body or a query string: fast-check values
 * derived from the OpenAPI document's schemas with hostile leaves (lone surrogates, NUL, 1 MB
 * strings, wrong types, `__proto__`/`constructor` keys), plus fixed hostile bodies (deep nesting,
 * a lone surrogate, prototype keys), sent as a role that may call the operation. Never a 5xx,
 * never a hang. Seeded: QD_FUZZ_SEED replays a run; a failure prints the seed and the case.
 */
const SEED = Number(process.env.QD_FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.QD_FUZZ_RUNS ?? 6);
/** A request still unanswered after this long is a hang (not a performance bound: a hang never answers). */
const HANG_MS = 30_000;

function roleFor(op: OpenApiOperation, actors: Actor[]): Actor {
  const e = AUTHORIZATION_EXPECTATIONS[op.key];
  if (!e || e.access === 'public') return actors.find((a) => a.name === 'anonymous')!;
  if (e.access === 'signedIn' || e.owner) return actors.find((a) => a.name === (e.owner ?? 'office'))!;
  const role = e.pass.includes('office') ? 'office' : e.pass[0];
  return actors.find((a) => a.role === role && a.place === 'own') ?? actors.find((a) => a.name === 'office')!;
}

let nextAddress = 0;
/** Each request from its own client address: the log-in's per-address limit is not what is fuzzed. */
function address(): string {
  nextAddress++;
  return `10.${100 + Math.floor(nextAddress / 62500)}.${Math.floor(nextAddress / 250) % 250}.${(nextAddress % 250) + 1}`;
}

async function withinHang(p: Promise<LightMyRequestResponse>, what: string): Promise<LightMyRequestResponse> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms: ${what}`)), HANG_MS);
  });
  try {
    return await Promise.race([p, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Percent-encodes text as a raw client could send it: a lone surrogate (which UTF-8 cannot hold)
 * as its three CESU-8 bytes, everything else as UTF-8.
 */
function encodeQueryValue(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

/** A query string from generated values: arrays repeat the key, other non-strings are JSON. */
function queryString(values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const text = typeof item === 'string' ? item : (JSON.stringify(item) ?? '');
      parts.push(`${encodeQueryValue(k)}=${encodeQueryValue(text)}`);
    }
  }
  return parts.join('&');
}

function querySchema(op: OpenApiOperation): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(op.query.map((p) => [p.name, p.schema])),
    required: op.query.filter((p) => p.required).map((p) => p.name),
  };
}

const ONE_MB = 'A'.repeat(1024 * 1024);

/** The value with every string (not the keys) passed through `f`. */
function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)]));
  return value;
}

/** Fixed hostile bodies every body-taking operation gets, besides the generated ones. */
const FIXED_BODIES: { name: string; text: string }[] = [
  { name: 'deep array nesting', text: deepNesting(10_000, 'array') },
  { name: 'deep object nesting', text: deepNesting(10_000, 'object') },
  { name: '__proto__ key', text: '{"__proto__":{"polluted":true,"isAdmin":true}}' },
  { name: 'constructor.prototype key', text: '{"constructor":{"prototype":{"polluted":true}}}' },
  { name: 'lone surrogate string', text: JSON.stringify({ name: '\ud800', title: 'ad\ud800min', text: '\udfff' }) },
  { name: 'NUL string', text: JSON.stringify({ name: '\u0000', title: 'a\u0000b', text: '\u0000' }) },
  { name: 'not JSON', text: '{"a":' },
  { name: 'a JSON string', text: '"text"' },
  { name: 'null', text: 'null' },
];

describe.skipIf(POSTGRES_MISSING)('schema-driven fuzz of every operation with a body or query', () => {
  let t: TestApp;
  let world: World;
  let targets: OpenApiOperation[];
  let cases = 0;

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 20 });
    world = await buildWorld(t);
    // Log-out ends the fuzzing session; it takes neither body nor query anyway.
    targets = (await loadOperations(t)).filter((o) => (o.body || o.query.length > 0) && o.key !== 'POST /api/v1/auth/logout');
  }, 300_000); // an app, its seed and 22 log-ins (password hashing) on a shared machine
  afterAll(async () => {
    console.log(
      `fuzz: ${targets?.length} operations, ${cases} cases (seed ${SEED}, ${RUNS} generated per body or query, ${FIXED_BODIES.length + 3} fixed per body)`,
    );
    await t?.close();
  });

  async function send(op: OpenApiOperation, actor: Actor, url: string, payload?: string): Promise<LightMyRequestResponse> {
    cases++;
    const headers: Record<string, string> = actor.session
      ? { cookie: actor.session.cookie, 'x-csrf-token': actor.session.csrf }
      : {};
    if (payload !== undefined) headers['content-type'] = 'application/json';
    return withinHang(
      t.app.inject({ method: op.method, url, headers, remoteAddress: address(), ...(payload === undefined ? {} : { payload }) }),
      `${op.key} ${url.slice(0, 200)}`,
    );
  }

  const failures: string[] = [];
  /** Records a 5xx (with the seed to replay it); fast-check goes on, so one run lists every operation that fails. */
  function check(op: OpenApiOperation, res: LightMyRequestResponse, sent: string): boolean {
    if (res.statusCode < 500) return true;
    failures.push(`${op.key}: ${res.statusCode} ${res.body.slice(0, 200)} (QD_FUZZ_SEED=${SEED}) sent: ${sent.slice(0, 300)}`);
    return false;
  }

  it('never answers 5xx nor hangs', { timeout: 900_000 }, async () => {
    for (const op of targets) {
      const actor = roleFor(op, world.actors);
      const path = fillPath(op.path, world.ids);
      const requiredQuery = Object.fromEntries(
        op.query
          .filter((p) => p.required)
          .map((p) => [p.name, fc.sample(fuzzArbitrary(p.schema, world.hints, p.name), { seed: SEED, numRuns: 1 })[0]]),
      );

      if (op.query.length > 0) {
        const arbitrary = fuzzArbitrary(querySchema(op), world.hints);
        await fc
          .assert(
            fc.asyncProperty(arbitrary, fc.option(hostileString, { freq: 4 }), async (values, extra) => {
              const record =
                typeof values === 'object' && values !== null && !Array.isArray(values)
                  ? (values as Record<string, unknown>)
                  : { value: values };
              // Now and then a parameter the contract does not know, or a prototype key.
              const withExtra =
                extra === null ? record : { ...record, [extra.length % 2 ? '__proto__[polluted]' : 'constructor']: extra };
              const qs = queryString(withExtra);
              const url = `${path}?${qs}`;
              const res = await send(op, actor, url, op.body ? JSON.stringify(exampleBody(op)) : undefined);
              return check(op, res, JSON.stringify(withExtra) ?? '');
            }),
            { seed: SEED, numRuns: RUNS, endOnFailure: true },
          )
          .catch(() => undefined); // recorded in failures, with the seed and the case
      }

      if (op.body) {
        const qs = Object.keys(requiredQuery).length ? `?${queryString(requiredQuery)}` : '';
        const arbitrary = fuzzArbitrary(op.body, world.hints);
        await fc
          .assert(
            fc.asyncProperty(arbitrary, async (value) => {
              const text = JSON.stringify(value) ?? 'null';
              return check(op, await send(op, actor, path + qs, text), text);
            }),
            { seed: SEED, numRuns: RUNS, endOnFailure: true },
          )
          .catch(() => undefined); // recorded in failures, with the seed and the case
        // The operation's valid example with every text spoilt the same way: gets past validation to the use-case.
        const example = exampleOf(op.body, world.hints);
        const spoilt = [
          { name: 'example, texts with a lone surrogate', text: JSON.stringify(mapStrings(example, (v) => `${v}\ud800`)) },
          { name: 'example, texts with NUL', text: JSON.stringify(mapStrings(example, (v) => `${v}\u0000`)) },
          { name: 'example, texts of 1 MB', text: JSON.stringify(mapStrings(example, () => ONE_MB)) },
        ];
        for (const fixed of [...FIXED_BODIES, ...spoilt]) {
          const res = await send(op, actor, path + qs, fixed.text);
          check(op, res, `${fixed.name}: ${fixed.text}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  function exampleBody(op: OpenApiOperation): unknown {
    return fc.sample(fuzzArbitrary(op.body!, world.hints), { seed: SEED, numRuns: 1 })[0];
  }
});
