import type { FormInstance } from 'antd';
import { translate, type Locale } from '@qd/core';
import { isApiError } from '../api/client';

/** What the web needs of a core (Zod) contract; typed structurally so web needs no zod import. */
export interface Contract<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/** `pastEmployments.0.from` (the server's detail path) → antd's `['pastEmployments', 0, 'from']`. */
export function fieldName(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's `details[]` under the fields they name. Returns false when the error had no
 * field details, so the caller shows the message as a whole instead.
 */
export function showServerFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!isApiError(error) || error.details.length === 0) return false;
  const byField = new Map<string, FieldError>();
  for (const detail of error.details) {
    const entry = byField.get(detail.path) ?? { name: fieldName(detail.path), errors: [] };
    entry.errors.push(detail.message);
    byField.set(detail.path, entry);
  }
  form.setFields([...byField.values()]);
  return true;
}

/**
 * Checks form values with the same core contract the server parses them with, so the user sees
 * every rule before sending. Returns the parsed (normalized) values, or null after marking the
 * fields in error.
 */
export function checkWithContract<T>(schema: Contract<T>, values: unknown, form: FormInstance, locale: Locale): T | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const fields = new Map<string, FieldError>();
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = path.join('.');
    const entry = fields.get(key) ?? { name: path, errors: [] };
    entry.errors.push(translate(issue.message, locale));
    fields.set(key, entry);
  }
  form.setFields([...fields.values()]);
  return null;
}
