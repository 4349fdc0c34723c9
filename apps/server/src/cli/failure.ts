import { translate } from '@qd/core';
import type { ZodError } from 'zod';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { AppError } from '../platform/http/errors.js';
import type { Io } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A failure the command has already explained; `qd` prints the message and exits with the code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

/** Prints a service's rule violation or a contract's validation issues the way a form would show them. */
export function printAppError(io: Io, err: AppError): void {
  const message = translate(err.messageKey, io.locale);
  io.err(`Error: ${message}`);
  for (const d of err.details ?? []) {
    const detail = translate(d.message, io.locale);
    if (detail !== message) io.err(`  ${d.path}: ${detail}`);
  }
}

export function printZodError(io: Io, err: ZodError): void {
  io.err('Error: invalid input');
  for (const issue of err.issues) io.err(`  ${issue.path.join('.') || 'input'}: ${translate(issue.message, io.locale)}`);
}

/** The exit code for an error a command did not handle itself, after saying what went wrong. */
export function reportFailure(io: Io, err: unknown): number {
  if (err instanceof DataDirLockedError) {
    io.err(err.message);
    return EXIT_USAGE;
  }
  if (err instanceof CliError) {
    io.err(err.message);
    return err.exitCode;
  }
  if (err instanceof AppError) {
    printAppError(io, err);
    return EXIT_FAILURE;
  }
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  if (e?.code === '42P01' || e?.cause?.code === '42P01') {
    io.err('The database has no tables yet: run `qd migrate` first.');
    return EXIT_FAILURE;
  }
  if (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === '28P01' || e?.code === '3D000') {
    io.err(`Cannot reach the database (DATABASE_URL): ${e.message ?? e.code}`);
    return EXIT_FAILURE;
  }
  io.err(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return EXIT_FAILURE;
}
