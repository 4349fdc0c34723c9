import fc from 'fast-check';

/**
 * Values for request bodies and query strings derived from the OpenAPI document's JSON schemas
 * (what fastify-type-provider-zod makes of the Zod contracts): one schema-valid example per
 * operation for the authorization matrix, and fast-check arbitraries mixing valid values with
 * hostile ones for the fuzz.
 */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

/** Ids and codes the caller may name in a body: a valid example names real rows of its scope. */
export type Hints = Record<string, unknown>;

const DATE = '2026-03-02';

/**
 * Plain strings whose contract checks them beyond the JSON schema (a calendar date, a year) are
 * recognised by their field name; everything else gets short text that fits its bounds.
 */
function textFor(name: string, s: JsonSchema): string {
  const min = s.minLength ?? 1;
  const max = s.maxLength ?? 64;
  const base = '质量测试';
  let text = base;
  while (text.length < min) text += base;
  return text.slice(0, Math.max(min, Math.min(max, base.length)));
}

/** Strings whose contract checks more than the JSON schema says, recognised by their field name. */
function namedText(name: string): string | undefined {
  if (/(On|Date|Start|End|By|From|Until|Since)$/.test(name) || ['date', 'on', 'from', 'to', 'until', 'since'].includes(name))
    return DATE;
  if (/[Pp]assword$/.test(name)) return 'Fuzz-Valid-Pass-2026!';
  if (/[Pp]hone$/.test(name)) return '13903751234';
  return undefined;
}

/** The first schema of a union that is not null (a nullable field gets a real value). */
function firstOption(options: JsonSchema[]): JsonSchema {
  return options.find((o) => o.type !== 'null') ?? options[0]!;
}

/** One deterministic schema-valid value (required properties only), ids taken from the hints. */
export function exampleOf(schema: JsonSchema, hints: Hints = {}, name = ''): unknown {
  if (name && name in hints) return hints[name];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return exampleOf(firstOption(schema.anyOf), hints, name);
  if (schema.oneOf) return exampleOf(schema.oneOf[0]!, hints, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return false;
    case 'integer':
    case 'number': {
      const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      const hi = schema.maximum ?? Number.MAX_SAFE_INTEGER;
      if (/year$/i.test(name)) return Math.min(Math.max(2026, lo), hi);
      return Math.min(Math.max(1, lo), hi);
    }
    case 'string': {
      const named = namedText(name);
      if (named !== undefined) return named;
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'email') return 'fuzz@example.com';
      if (schema.format === 'date-time') return '2026-03-02T08:00:00.000Z';
      if (schema.pattern) return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { seed: 1, numRuns: 1 })[0];
      return textFor(name, schema);
    }
    case 'array': {
      const n = schema.minItems ?? 0;
      return Array.from({ length: n }, () => exampleOf(schema.items ?? {}, hints, singular(name)));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = exampleOf(schema.properties?.[key] ?? {}, hints, key);
      return out;
    }
    default:
      return 'x';
  }
}

/** `departmentIds` items are department ids: the hint of `departmentId` applies to them. */
function singular(name: string): string {
  return name.endsWith('Ids') ? name.slice(0, -1) : name;
}

// ---------------------------------------------------------------- hostile values

const LONE_SURROGATES = ['\ud800', 'ad\ud800min', '\udfff', 'a\udc00b'];
const ONE_MB = 'A'.repeat(1024 * 1024);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...LONE_SURROGATES),
  fc.constantFrom('\u0000', 'a\u0000b', '\u0000'.repeat(10)),
  fc.constant(ONE_MB),
  fc.constantFrom(
    '',
    ' ',
    '\u202e\u200b\ufeff',
    '😀'.repeat(300),
    "' or 1=1 --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '9'.repeat(400),
    '-1',
    'NaN',
    '1e309',
    '2026-02-30',
    '0000-00-00',
    '99999-12-31',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** A JSON text nested `depth` levels deep (object or array). */
export function deepNesting(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A value of the wrong JSON type, or one of the hostile strings. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, -1e308, [], {}, [null], { length: 1 }),
  fc.constant({ __proto__: { polluted: true } }),
);

/** An object with `__proto__`/`constructor` keys that survive JSON.stringify. */
function withPrototypeKeys(value: Record<string, unknown>, which: string): Record<string, unknown> {
  const out = { ...value };
  const payload = which === 'constructor' ? { prototype: { polluted: true } } : { polluted: true, isAdmin: true };
  Object.defineProperty(out, which, { value: payload, enumerable: true, configurable: true, writable: true });
  return out;
}

/**
 * Mostly schema-valid values with hostile leaves: each node is, now and then, replaced by a
 * hostile value or a wrong type; objects sometimes gain `__proto__`/`constructor` keys or lose a
 * required property.
 */
export function fuzzArbitrary(schema: JsonSchema, hints: Hints = {}, name = '', depth = 0): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, hints, name, depth);
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostileValue });
}

function validArbitrary(schema: JsonSchema, hints: Hints, name: string, depth: number): fc.Arbitrary<unknown> {
  const example = fc.constant(exampleOf(schema, hints, name));
  if (depth > 6) return example;
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => fuzzArbitrary(s, hints, name, depth + 1)));
  if (schema.oneOf) return fc.oneof(...schema.oneOf.map((s) => fuzzArbitrary(s, hints, name, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.oneof(example, fc.integer({ min: schema.minimum ?? -1e6, max: Math.min(schema.maximum ?? 1e6, 2 ** 31) }));
    case 'number':
      return fc.oneof(example, fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true }));
    case 'string':
      return fc.oneof(
        { weight: 3, arbitrary: example },
        {
          weight: 2,
          arbitrary: schema.pattern
            ? fc.stringMatching(new RegExp(schema.pattern))
            : fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 80, 80) }),
        },
      );
    case 'array':
      return fc.array(fuzzArbitrary(schema.items ?? {}, hints, singular(name), depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const keys = Object.keys(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const entries = keys.map(
        (key) =>
          [
            key,
            fc.option(fuzzArbitrary(schema.properties![key]!, hints, key, depth + 1), {
              freq: required.has(key) ? 20 : 3,
              nil: undefined,
            }),
          ] as const,
      );
      const record = fc
        .record(Object.fromEntries(entries))
        .map((r) => Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([, v]) => v !== undefined)));
      return fc.oneof(
        { weight: 8, arbitrary: record },
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.constantFrom('__proto__', 'constructor'))
            .map(([value, which]) => withPrototypeKeys(value, which)),
        },
      );
    }
    default:
      return fc.oneof(example, hostileValue);
  }
}
