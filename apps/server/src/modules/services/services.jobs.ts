import { todayInShanghai, translate, type Locale } from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import type { JobDefinition } from '../../platform/jobs/job-definition.js';
import { newId } from '../../platform/ids.js';
import { notify } from '../../platform/notifications/notify.js';
import { systemContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { createBoardService } from './board.service.js';
import * as repo from './services.repo.js';

const BATCH = 500;

/**
 * Marks every running step whose deadline day has passed, once: the mark is a conditional update
 * (only while that same step with that same deadline is unmarked), so a re-run or a second
 * instance changes nothing twice. Each mark writes a timeline entry, an in-app notification to
 * the case handler (deduplicated by request, step and deadline) and an audit row with it.
 */
export async function markOverdueRequests(deps: ServiceDeps): Promise<{ marked: number }> {
  const { db } = deps.database;
  const today = todayInShanghai(deps.clock.now());
  let marked = 0;
  for (;;) {
    const due = await repo.findNewlyOverdue(db, today, BATCH);
    if (due.length === 0) break;
    for (const row of due) {
      await db.transaction(async (tx) => {
        if (!(await repo.markOverdue(tx, row.id, row.step!, row.stepDeadline!))) return;
        marked++;
        const ctx = systemContext(row.regionCode, 'job:services.overdue');
        await repo.insertEvents(tx, [
          {
            id: newId(),
            requestId: row.id,
            regionCode: row.regionCode,
            at: deps.clock.now(),
            kind: 'overdue',
            actorName: null,
            text: `${row.step} ${row.stepDeadline}`,
            internal: false,
            detail: { step: row.step, deadline: row.stepDeadline, handlerId: row.handlerId },
          },
        ]);
        if (row.handlerId) {
          await notify(tx, {
            userId: row.handlerId,
            regionCode: row.regionCode,
            kind: 'services.overdue',
            // The step is a code: both titles name it, so the body needs no language of its own.
            title: {
              zh: `${translate('services.overdue.title', 'zh-CN')}：${row.number}（${stepDue(row.step!, row.stepDeadline!, 'zh-CN')}）`,
              en: `${translate('services.overdue.title', 'en-US')}: ${row.number} (${stepDue(row.step!, row.stepDeadline!, 'en-US')})`,
            },
            body: null,
            link: `/services/requests/${row.id}`,
            dedupeKey: `services.overdue:${row.id}:${row.step}:${row.stepDeadline}:${row.handlerId}`,
            at: deps.clock.now(),
          });
        }
        await appendAudit(tx, ctx, {
          action: 'services.request.overdue',
          targetType: 'service_request',
          targetId: row.id,
          regionCode: row.regionCode,
          detail: { number: row.number, step: row.step, deadline: row.stepDeadline },
        });
      });
    }
    if (due.length < BATCH) break;
  }
  return { marked };
}

/** "派单环节，期限 2026-12-04" — a step code and its deadline in words. */
function stepDue(step: string, deadline: string, locale: Locale): string {
  return translate('services.overdue.stepDue', locale)
    .replace('{step}', translate(`services.step.${step}`, locale))
    .replace('{deadline}', deadline);
}

export const servicesJobs: readonly JobDefinition[] = [
  {
    name: 'services.request.mark-overdue',
    // every 15 minutes: a step becomes overdue at midnight in Shanghai, the handler learns soon after
    cron: '*/15 * * * *',
    run: (deps) => markOverdueRequests(deps),
  },
  {
    name: 'services.board.refresh',
    // keeps the board's historical figures at most five minutes old, so no look pays for them
    cron: '*/5 * * * *',
    run: (deps) => createBoardService(deps).refreshSnapshots(),
  },
];
