import type { MessageKey } from '@qd/core';

export interface ErrorDetail {
  path: string;
  /** A message key from core's messages, or a plain text. */
  message: string;
}

/**
 * An expected failure with its HTTP status. Services throw these; the error handler turns them
 * into the documented body in the request's language. Anything else is a 500 and is logged.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageKey: MessageKey | string,
    readonly details?: ErrorDetail[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(messageKey);
  }
}

export const notFound = () => new AppError(404, 'not_found', 'notFound');
export const forbidden = () => new AppError(403, 'forbidden', 'auth.forbidden');
export const unauthorized = (key: MessageKey = 'auth.required') => new AppError(401, 'unauthorized', key);
export const conflict = (key: MessageKey | string = 'conflict', details?: ErrorDetail[]) =>
  new AppError(409, 'conflict', key, details);
/** 422: the request was well-formed but breaks a rule. */
export const ruleViolated = (key: MessageKey | string, details?: ErrorDetail[]) =>
  new AppError(422, 'rule_violated', key, details);
export const invalidField = (path: string, key: MessageKey | string) =>
  new AppError(400, 'validation_failed', 'badRequest', [{ path, message: key }]);
export const rateLimited = () => new AppError(429, 'rate_limited', 'auth.rateLimited');

/** PostgreSQL's unique_violation, as both node-postgres and PGlite report it. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const target = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : null;
  return !!target && (!constraint || target.constraint === constraint);
}

/**
 * Text PostgreSQL cannot store: U+0000 in a text or jsonb value (22021 character_not_in_repertoire,
 * 22P05 untranslatable_character). Only input carries it, so it is the client's error, not ours.
 */
export function isUnstorableText(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return ['22021', '22P05'].includes(e?.code ?? '') || ['22021', '22P05'].includes(e?.cause?.code ?? '');
}
