import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { $ZodType } from 'zod/v4/core';

type ZodSchema = $ZodType;

/**
 * Responses written by a serializer compiled once per route (fast-json-stringify from the route's
 * Zod response schema turned into JSON Schema), not by a Zod parse and JSON.stringify on every
 * request: the CPU profile of GET /enterprises/:id showed the Zod encode among the request's top
 * costs. A schema JSON Schema cannot express (transforms, custom checks) keeps the Zod serializer.
 *
 * Under vitest every response is also encoded the Zod way and the two must be equal, so the whole
 * API test suite checks that the compiled serializer writes what Zod would.
 */
export const compiledSerializerCompiler: FastifySerializerCompiler<ZodSchema> = (route) => {
  const zodSerialize = zodSerializerCompiler(route as never) as (data: unknown) => string;
  const schema = resolve(route.schema);
  if (!schema) return zodSerialize;
  let stringify: (data: unknown) => string;
  try {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', target: 'draft-7' });
    stringify = fastJson(json as never) as (data: unknown) => string;
  } catch {
    return zodSerialize;
  }
  if (!process.env.VITEST) return stringify;
  return (data) => {
    const fast = stringify(data);
    const expected = zodSerialize(data);
    if (!isDeepStrictEqual(JSON.parse(fast), JSON.parse(expected))) {
      throw new Error(`compiled serializer of ${route.method} ${route.url} differs from Zod:\n${fast}\n${expected}`);
    }
    return fast;
  };
};

function resolve(schema: unknown): ZodSchema | null {
  if (schema instanceof $ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  return properties instanceof $ZodType ? properties : null;
}
