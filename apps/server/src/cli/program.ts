import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ROLE_CODES, type Role } from '@qd/core';
import { loadConfig, type Config } from '../platform/config.js';
import type { ServiceDeps } from '../platform/services.js';
import { DEMO_REGION } from '../modules/registry/index.js';
import { withDatabase } from './cli-database.js';
import { auditCheckpointCommand } from './commands/audit-checkpoint.js';
import { auditVerifyCommand } from './commands/audit-verify.js';
import { backupCommand } from './commands/backup.js';
import { restoreCommand } from './commands/restore.js';
import { drawVerifyCommand } from './commands/draw-verify.js';
import { enterpriseImportCommand } from './commands/enterprise-import.js';
import { migrateCommand } from './commands/migrate.js';
import { seedDemoCommand, seedScaleCommand } from './commands/seed.js';
import { userCreateCommand } from './commands/user-create.js';
import { CliError, EXIT_OK, EXIT_USAGE, reportFailure } from './failure.js';
import { consoleIo, type Io } from './io.js';
import { promptHidden } from './prompt.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new InvalidArgumentError('a whole number from 1 to 10000000');
  return n;
}

function regionCode(value: string): string {
  if (!/^\d{6}$/.test(value)) throw new InvalidArgumentError('a six-digit region code, like 410471');
  return value;
}

/**
 * The `qd` program. Each action opens the database, runs one command function from ./commands
 * and records its exit code: 0 done, 1 failed, 2 wrong usage or the data folder in use.
 */
export function buildProgram(io: Io, setExitCode: (code: number) => void, config?: Config): Command {
  const run =
    (fn: (deps: ServiceDeps) => Promise<number>, options: { migrate?: boolean } = {}) =>
    async () => {
      try {
        setExitCode(await withDatabase(fn, { ...options, config }));
      } catch (err) {
        setExitCode(reportFailure(io, err));
      }
    };

  const program = new Command('qd')
    .description(
      '质量强区数字化平台 Quality District: maintenance commands.\n' +
        'Works on the database the server uses: DATABASE_URL (PostgreSQL), else PGlite in QD_DATA_DIR (default ./data).\n' +
        'Exit codes: 0 done, 1 failed, 2 wrong usage or data folder in use by a running server.',
    )
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .showHelpAfterError()
    .exitOverride();

  program
    .command('migrate')
    .description('apply the database migrations and print the version')
    .action(run((deps) => migrateCommand(deps, io)));

  program
    .command('seed')
    .description('seed the demo district into an empty database, or add generated enterprises')
    .option(
      '--demo',
      'the demo district: 平顶山高新区, its departments, institutions, enterprises, experts and one user per role',
    )
    .option('--password <password>', 'password of the demo users (default: QD_DEMO_PASSWORD, else generated and printed)')
    .option('--scale <n>', 'add n generated enterprises in bulk', positiveInt)
    .option('--region <code>', 'region of the generated enterprises', regionCode, DEMO_REGION)
    .action(async (opts: { demo?: boolean; password?: string; scale?: number; region: string }) => {
      if (Boolean(opts.demo) === (opts.scale !== undefined)) {
        setExitCode(
          reportFailure(io, new CliError('Error: give either --demo or --scale <n>. See `qd seed --help`.', EXIT_USAGE)),
        );
        return;
      }
      if (opts.demo) await run((deps) => seedDemoCommand(deps, { password: opts.password }, io), { migrate: true })();
      else await run((deps) => seedScaleCommand(deps, { count: opts.scale!, region: opts.region }, io), { migrate: true })();
    });

  program
    .command('user')
    .description('user accounts')
    .command('create')
    .description('create a user account (password from QD_NEW_PASSWORD, else asked without echo, else generated)')
    .requiredOption('--username <username>', 'log-in name')
    .requiredOption('--name <displayName>', 'display name, e.g. "质量办 王科长"')
    .requiredOption('--region <code>', 'region the user works in', regionCode)
    .addOption(new Option('--role <role...>', 'role, repeatable').choices(ROLE_CODES).makeOptionMandatory())
    .option('--organization <id>', 'organization id (required for the dept, enterprise and institution roles)')
    .option('--phone <phone>', 'mobile phone')
    .action((opts: { username: string; name: string; region: string; role: Role[]; organization?: string; phone?: string }) =>
      run(
        (deps) =>
          userCreateCommand(
            deps,
            {
              username: opts.username,
              displayName: opts.name,
              region: opts.region,
              roles: opts.role,
              organization: opts.organization,
              phone: opts.phone,
              prompt: process.stdin.isTTY ? promptHidden : undefined,
            },
            io,
          ),
        { migrate: true },
      )(),
    );

  program
    .command('enterprise')
    .description('the enterprise registry')
    .command('import')
    .description("import enterprises from an .xlsx or .csv file in the export's columns; all rows or none")
    .argument('<file>', 'the .xlsx or .csv file')
    .option('--region <code>', 'region whose officer imports (rows may name its sub-regions)', regionCode, DEMO_REGION)
    .action((file: string, opts: { region: string }) =>
      run((deps) => enterpriseImportCommand(deps, { file, region: opts.region }, io), { migrate: true })(),
    );

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description("check the audit log's hash chain from the first row, and the signed checkpoints")
    .action(run((deps) => auditVerifyCommand(deps, io)));
  audit
    .command('checkpoint')
    .description("sign a checkpoint of the chain's head now (the server does it every 1,000 rows and hourly)")
    .option('--after-restore', 'after restoring an older backup: keep the old checkpoint file aside and start it again')
    .action((opts: { afterRestore?: boolean }) => run((deps) => auditCheckpointCommand(deps, opts, io), { migrate: true })());

  program
    .command('backup')
    .description(
      'back up the database to FILE and its SHA-256 to FILE.sha256 (PostgreSQL: pg_dump custom format; PGlite: the data folder, also while the server runs)',
    )
    .argument('<file>', 'the backup file to write (must not exist)')
    .action(async (file: string) => {
      try {
        setExitCode(await backupCommand(config ?? loadConfig(), { file }, io));
      } catch (err) {
        setExitCode(reportFailure(io, err));
      }
    });

  program
    .command('restore')
    .description(
      'restore FILE (checked against FILE.sha256), then print the row counts and verify the audit chain; stop the server first',
    )
    .argument('<file>', 'a file written by `qd backup`')
    .action(async (file: string) => {
      try {
        setExitCode(await restoreCommand(config ?? loadConfig(), { file }, io));
      } catch (err) {
        setExitCode(reportFailure(io, err));
      }
    });

  // Needs no database: an observer checks a published draw with the file alone.
  program
    .command('draw')
    .description('random draws (双随机)')
    .command('verify')
    .description('recompute a published draw record (JSON) and say whether pool hash and result hold; opens no database')
    .argument('<file>', 'the draw record, a .json file')
    .action(async (file: string) => {
      try {
        setExitCode(await drawVerifyCommand({ file }, io));
      } catch (err) {
        setExitCode(reportFailure(io, err));
      }
    });

  return program;
}

/**
 * Runs `qd` with the given arguments (process.argv form) and returns the exit code. The
 * configuration comes from the environment unless given (tests).
 */
export async function runQd(argv: string[], io: Io = consoleIo(), config?: Config): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => (exitCode = code), config);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    // Commander has printed the usage problem (or the help, or the version) already.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    return reportFailure(io, err);
  }
  return exitCode;
}
