/**
 * `npm start`: migrate, seed the demo district into an empty database, serve web app and API.
 * PGlite in ./data unless DATABASE_URL points at a PostgreSQL server.
 */
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { DEMO_USERS } from './seed/demo-seed.js';
import { startServer } from './server.js';

async function main() {
  const server = await startServer({ seedDemoWhenEmpty: true, logger: process.env.QD_LOG === '1' });
  const db = server.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite (${server.config.dataDir})`;
  const lines = [
    '',
    `  质量强区数字化平台 Quality District is running on ${db}`,
    `  Web:     ${server.url}/`,
    `  API:     ${server.url}/api/v1   docs: ${server.url}/api/docs   health: ${server.url}/api/health`,
  ];
  if (server.demoPassword) {
    lines.push(
      '',
      '  Demo district seeded: 平顶山高新技术产业开发区 (410471). Log in as one of:',
      ...DEMO_USERS.map((u) => `    ${u.username.padEnd(12)} ${u.role.padEnd(11)} ${u.zh}`),
      `  Password for all of them: ${server.demoPassword}`,
      '  (set QD_DEMO_PASSWORD before the first start to choose it)',
    );
  } else {
    lines.push(
      '',
      `  Demo users: ${DEMO_USERS.map((u) => u.username).join(', ')} — password as printed at the first start (or QD_DEMO_PASSWORD then).`,
    );
  }
  console.log(lines.join('\n') + '\n');

  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
