import type { JobDefinition } from '../jobs/job-definition.js';
import type { ServiceDeps } from '../services.js';
import { CHECKPOINT_EVERY_ROWS, writeCheckpoint } from './audit-checkpoint.js';
import { sealAudit } from './audit-sealer.js';

/** At least hourly, a signed checkpoint of the sealed head (none when nothing was written since). */
export const auditJobs: readonly JobDefinition[] = [
  {
    name: 'audit.checkpoint.write',
    cron: '0 * * * *',
    run: async (deps) => {
      const { written } = await writeCheckpoint(deps);
      return { seq: written?.seq ?? null };
    },
  },
];

export interface AuditSealer {
  stop(): Promise<void>;
}

/**
 * Seals new audit rows moments after they commit, in this process, every `intervalMs`; and every
 * CHECKPOINT_EVERY_ROWS sealed rows signs a checkpoint. Several instances may run it: the seal
 * lock lets one seal at a time and the others skip their turn. An in-process loop rather than a
 * pg-boss job because a job's smallest schedule is a minute, and rows should not wait that long.
 */
export function startAuditSealer(
  deps: ServiceDeps,
  options: { intervalMs?: number; checkpoints?: boolean; onError?: (err: unknown) => void } = {},
): AuditSealer {
  const intervalMs = options.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const sealed = await sealAudit(deps.database.db, deps.config.hash);
      if (options.checkpoints !== false && !sealed.busy && sealed.head)
        await writeCheckpoint(deps, { everyRows: CHECKPOINT_EVERY_ROWS, sealFirst: false });
    } catch (err) {
      options.onError?.(err);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
