import type { ServiceDeps } from '../services.js';

/**
 * One kind of background work, declared by the module that owns it (`<module>.jobs.ts`). The
 * platform only runs it: queueing, schedules, retries and which instance picks it up are pg-boss's.
 */
export interface JobDefinition {
  /** Queue name, `<module>.<noun>.<verb>` like permissions. */
  name: string;
  /** When it runs by itself: a cron expression in UTC. Omitted for work only sent on demand. */
  cron?: string;
  /** Does the work; what it returns is kept as the job's output. A throw fails the job (retried by pg-boss). */
  run(deps: ServiceDeps, data: Record<string, unknown>): Promise<Record<string, unknown> | void>;
}
