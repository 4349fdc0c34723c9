import { userCreateRequest, type Role } from '@qd/core';
import { generatePassword } from '../../platform/crypto/password-hash.js';
import { AppError } from '../../platform/http/errors.js';
import type { ServiceDeps } from '../../platform/services.js';
import { createUsersService } from '../../modules/identity/index.js';
import { CliError, EXIT_FAILURE, EXIT_OK, printAppError, printZodError } from '../failure.js';
import type { Io } from '../io.js';
import { operatorContext } from '../operator.js';

export interface UserCreateOptions {
  username: string;
  displayName: string;
  region: string;
  roles: Role[];
  organization?: string | undefined;
  phone?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Asks for the password without echo; absent when no one is at a terminal. */
  prompt?: ((question: string) => Promise<string>) | undefined;
}

/**
 * The password: QD_NEW_PASSWORD, else asked twice at the terminal (an empty answer generates
 * one), else generated. A generated one is printed once; the user must change it at first log-in.
 */
async function newPassword(options: UserCreateOptions): Promise<{ password: string; generated: boolean }> {
  const fromEnv = (options.env ?? process.env).QD_NEW_PASSWORD;
  if (fromEnv) return { password: fromEnv, generated: false };
  if (options.prompt) {
    const first = await options.prompt(`Password for ${options.username} (empty: generate one): `);
    if (first) {
      if ((await options.prompt('Repeat the password: ')) !== first)
        throw new CliError('Error: the two passwords differ. Nothing was changed.');
      return { password: first, generated: false };
    }
  }
  return { password: generatePassword(), generated: true };
}

/** `qd user create`: an account made through the same use-case, rules and audit as the web's user page. */
export async function userCreateCommand(deps: ServiceDeps, options: UserCreateOptions, io: Io): Promise<number> {
  const { password, generated } = await newPassword(options);
  const parsed = userCreateRequest.safeParse({
    username: options.username,
    displayName: options.displayName,
    password,
    regionCode: options.region,
    organizationId: options.organization ?? null,
    roles: options.roles,
    phone: options.phone,
  });
  if (!parsed.success) {
    printZodError(io, parsed.error);
    return EXIT_FAILURE;
  }
  // Creating accounts and granting any role, the administrator roles included: this is how a new
  // installation gets its first system, security and audit administrators.
  const ctx = operatorContext(options.region, ['identity.user.read', 'identity.user.manage', 'identity.role.assign']);
  try {
    const user = await createUsersService(deps).create(ctx, parsed.data);
    io.out(
      `Created user ${user.username} (${user.displayName}), roles ${user.roles.join(', ')}, region ${user.regionCode}, id ${user.id}.`,
    );
    if (generated) io.out(`Password (shown once): ${password}`);
    io.out('The user is asked to choose a new password at the first log-in.');
    return EXIT_OK;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    printAppError(io, err);
    return EXIT_FAILURE;
  }
}
