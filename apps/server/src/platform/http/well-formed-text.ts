import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * 'handler': the route checks its own text with findIllFormedText (the log-in does, so that
     * even a refused attempt leaves its audit row).
     */
    illFormedText?: 'handler';
  }
}

/**
 * Text no column can hold: a lone UTF-16 surrogate (JSON allows `"\ud800"`, UTF-8 cannot encode
 * it, and PostgreSQL refuses it in jsonb) or U+0000 (refused in text and jsonb).
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const ILL_FORMED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;
const ILL_FORMED_ALL = new RegExp(ILL_FORMED.source, 'g');

/**
 * The path (`a.b.0.c`) of the first key or string value in `value` holding ill-formed text, or
 * null. Iterative: a deeply nested body must not overflow the stack.
 */
export function findIllFormedText(value: unknown): string | null {
  interface Node {
    value: unknown;
    key: string | null;
    parent: Node | null;
  }
  const pathOf = (node: Node | null): string => {
    const keys: string[] = [];
    for (let n = node; n && n.key !== null; n = n.parent) keys.push(n.key);
    return keys.reverse().join('.');
  };
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const item = node.value;
    if (typeof item === 'string') {
      if (ILL_FORMED.test(item)) return pathOf(node);
      continue;
    }
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) continue;
    const entries = Object.entries(item);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const childNode = { value: child, key, parent: node };
      if (ILL_FORMED.test(key)) return pathOf(childNode);
      stack.push(childNode);
    }
  }
  return null;
}

/** The text with every lone surrogate and NUL replaced by U+FFFD: what an audit row may quote. */
export function storableText(text: string): string {
  return text.replace(ILL_FORMED_ALL, '\uFFFD');
}

/**
 * Refuses ill-formed text anywhere in a request's query or JSON body with a 400 naming the field,
 * before validation and before any handler could try to store it.
 */
export function installTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config?.illFormedText === 'handler') return;
    for (const [where, value] of [
      ['query', request.query],
      ['body', request.body],
      ['params', request.params],
    ] as const) {
      const path = findIllFormedText(value);
      if (path !== null) throw invalidField(path || where, 'validation.illFormedText');
    }
  });
}
