import { existsSync } from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../../apps/server/src/server.js';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../apps/web/dist');

/**
 * The real server on a free port with an in-memory database and the demo district, serving the
 * built web app. `npm test` builds the web app first when it is missing.
 */
export async function startAppServer(demoPassword: string): Promise<RunningServer> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`No web build in ${WEB_DIST}: run \`npm run build -w apps/web\` first`);
  }
  return startServer({
    config: { port: 0, host: '127.0.0.1', demoPassword, webDist: WEB_DIST },
    inMemory: true,
    seedDemoWhenEmpty: true,
  });
}
