import type { FastifyInstance } from 'fastify';
import type { Executor } from './db/database.js';
import type { JobDefinition } from './jobs/job-definition.js';
import type { ServiceDeps } from './services.js';

/** What the demo seed hands every module, after the registry and the demo users exist. */
export interface DemoSeedContext {
  regionCode: string;
  /** Demo user ids by user name (`office`, `dept`, `enterprise`, `institution`, `expert`, `leader`, …). */
  userIds: Record<string, string>;
  officeDepartmentId: string;
  enterpriseId: string;
  institutionId: string;
  expertIds: string[];
  /** The time the seed pretends it is (real now): modules date their demo history back from it. */
  now: Date;
}

/**
 * A feature module as the platform sees it: its HTTP routes, jobs and demo data. The app, the
 * job runner and the demo seed iterate `FEATURE_MODULES` (modules/feature-modules.ts), so adding a
 * module touches one list, not the platform's wiring.
 */
export interface ServerModule {
  name: string;
  /** Routes under /api/v1, behind the session check unless a route sets `config: { public: true }`. */
  apiRoutes?(api: FastifyInstance, deps: ServiceDeps): void | Promise<void>;
  /** Routes outside /api/v1 and without the session hook (standard adapters such as /open311/v2). */
  rootRoutes?(app: FastifyInstance, deps: ServiceDeps): void | Promise<void>;
  jobs?: readonly JobDefinition[];
  /** Demo data, inside the demo seed's one transaction, in FEATURE_MODULES order. */
  seedDemo?(tx: Executor, ctx: DemoSeedContext): Promise<void>;
}
