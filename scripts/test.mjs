// `npm test`: every suite in one vitest run (core, API on PGlite and PostgreSQL, browser
// journeys), ending with one line `N passed, N failed` (", N skipped" when some were skipped).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'node_modules/.cache/qd-test-results.json');

// The browser journeys drive the built web app: build it when it is missing or older than its sources.
if (!existsSync(path.join(root, 'apps/web/dist/index.html')) || process.env.QD_REBUILD_WEB === '1' || process.env.CI) {
  const build = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

rmSync(results, { force: true });
const run = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);

const report = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : null;
const passed = report?.numPassedTests ?? 0;
let failed = report ? report.numFailedTests + (report.numFailedTestSuites ?? 0) : 1;
const skipped = report ? report.numPendingTests + (report.numTodoTests ?? 0) : 0;
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
