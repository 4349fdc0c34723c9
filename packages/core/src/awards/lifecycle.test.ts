import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_CODES, permissionsOf, type Role } from '../identity/permissions.js';
import { isMessageKey } from '../shared/messages.js';
import {
  applyTransition,
  availableTransitions,
  fromStates,
  reachableStates,
  terminalStates,
  transitionOptions,
} from '../shared/state-machine.js';
import {
  APPLICATION_STATES,
  APPLICATION_STATE_NAMES,
  APPLICATION_TRANSITIONS,
  applicationLifecycle as machine,
  noticeEndsOn,
  objectionTimingIssue,
  rolesForTransition,
  type ApplicationActor,
  type ApplicationContext,
  type ApplicationState,
  type ApplicationTransition,
} from './lifecycle.js';
import { AWARD_PERMISSIONS, AWARD_ROLE_PERMISSIONS } from './permissions.js';

function actor(roles: Role[], extra: Partial<ApplicationActor> = {}): ApplicationActor {
  return {
    userId: `user-${roles.join('-')}`,
    organizationId: null,
    roles,
    permissions: permissionsOf(roles),
    ...extra,
  };
}

const enterprise = actor(['enterprise'], { userId: 'ent-user', organizationId: 'org-1' });
const otherEnterprise = actor(['enterprise'], { userId: 'ent-user-2', organizationId: 'org-2' });
const office = actor(['office'], { organizationId: 'dept-1' });
const leader = actor(['leader']);
const groupLeader = actor(['expert'], { userId: 'expert-lead' });
const groupMember = actor(['expert'], { userId: 'expert-2' });

/** A context in which every guard holds. */
const allMet: ApplicationContext = {
  applicantOrganizationId: 'org-1',
  reviewGroupLeaderUserId: 'expert-lead',
  comment: 'reason given',
  selfAssessmentComplete: true,
  applicationWindowOpen: true,
  eligible: true,
  reviewGroup: { members: 5, hasLeader: true },
  consensusComplete: true,
  proposal: { decision: 'winner', alreadySelected: { winners: 0, nominations: 0 }, quota: { winners: 8, nominations: 8 } },
  noticeEndsOn: '2026-10-07',
  today: '2026-10-08',
  openObjections: 0,
};

const OFFICE_TRANSITIONS: ApplicationTransition[] = [
  'startEligibilityReview',
  'returnForCorrection',
  'reject',
  'confirmEligible',
  'recommend',
  'startDocumentReview',
];
const COMMITTEE_TRANSITIONS: ApplicationTransition[] = ['screenOut', 'propose', 'decline', 'award', 'cancelProposal', 'revoke'];
const ENTERPRISE_TRANSITIONS: ApplicationTransition[] = ['submit', 'resubmit', 'withdraw'];
const LEAD_TRANSITIONS: ApplicationTransition[] = ['completeDocumentReview', 'completeSiteReview'];

/** Takes a named path and returns the state, failing on the first refusal. */
function walk(
  path: [ApplicationTransition, ApplicationActor][],
  ctx = allMet,
  from: ApplicationState = 'draft',
): ApplicationState {
  let state = from;
  for (const [name, who] of path) {
    const r = applyTransition(machine, state, name, who, ctx);
    if (!r.ok) throw new Error(`${name} from ${state}: ${r.reason}`);
    state = r.to;
  }
  return state;
}

describe('award application lifecycle', () => {
  it('names every state in both languages and uses only award permissions known to the module', () => {
    for (const s of APPLICATION_STATES) expect(APPLICATION_STATE_NAMES[s].zh.length).toBeGreaterThan(0);
    for (const t of machine.transitions) expect(AWARD_PERMISSIONS).toContain(t.permission);
    // The award permissions are part of the platform's list, and each role holds its grants.
    for (const p of AWARD_PERMISSIONS) expect(PERMISSIONS as readonly string[]).toContain(p);
    for (const [role, perms] of Object.entries(AWARD_ROLE_PERMISSIONS)) {
      expect(ROLE_CODES).toContain(role);
      for (const p of perms) expect(AWARD_PERMISSIONS).toContain(p);
      expect(permissionsOf([role as Role])).toEqual(expect.arrayContaining([...perms]));
    }
    expect([...APPLICATION_TRANSITIONS].sort()).toEqual(
      [...OFFICE_TRANSITIONS, ...COMMITTEE_TRANSITIONS, ...ENTERPRISE_TRANSITIONS, ...LEAD_TRANSITIONS].sort(),
    );
  });

  it('runs the whole way from draft to awarded, and on to revoked', () => {
    const awarded = walk([
      ['submit', enterprise],
      ['startEligibilityReview', office],
      ['returnForCorrection', office],
      ['resubmit', enterprise],
      ['startEligibilityReview', office],
      ['confirmEligible', office],
      ['recommend', office],
      ['startDocumentReview', office],
      ['completeDocumentReview', groupLeader],
      ['completeSiteReview', groupLeader],
      ['propose', leader],
      ['award', office],
    ]);
    expect(awarded).toBe('awarded');
    expect(walk([['revoke', office]], allMet, 'awarded')).toBe('revoked');
  });

  it('ends in awarded, not_awarded, rejected, withdrawn or revoked only', () => {
    expect(terminalStates(machine).sort()).toEqual(['not_awarded', 'rejected', 'revoked', 'withdrawn']);
    expect(reachableStates(machine, 'draft')).toEqual(new Set(APPLICATION_STATES));
  });

  it('has no path around the eligibility review', () => {
    const withoutReview = reachableStates(machine, 'draft', ['eligibility_review']);
    expect([...withoutReview].sort()).toEqual(['draft', 'submitted', 'withdrawn']);
    // The only way into `eligible` is from the review.
    const into = machine.transitions.filter((t) => t.to === 'eligible');
    expect(into.map((t) => fromStates(t))).toEqual([['eligibility_review']]);
  });

  it('property: no sequence of allowed steps by anyone reaches a review stage without passing the eligibility review', () => {
    const everyone = [enterprise, otherEnterprise, office, leader, groupLeader, groupMember];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }), (steps) => {
        let state: ApplicationState = 'draft';
        let reviewed = false;
        for (const [who, pick] of steps) {
          const options: { name: ApplicationTransition; to: ApplicationState }[] = availableTransitions(
            machine,
            state,
            everyone[who % everyone.length]!,
            allMet,
          );
          if (options.length === 0) continue;
          state = options[pick % options.length]!.to;
          expect(APPLICATION_STATES).toContain(state);
          if (state === 'eligibility_review') reviewed = true;
          if (['eligible', 'recommended', 'document_review', 'site_review', 'committee', 'proposed', 'awarded'].includes(state)) {
            expect(reviewed).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lets an enterprise take none of the office, committee or review-leader transitions', () => {
    for (const name of [...OFFICE_TRANSITIONS, ...COMMITTEE_TRANSITIONS, ...LEAD_TRANSITIONS]) {
      for (const state of APPLICATION_STATES) {
        expect(applyTransition(machine, state, name, enterprise, allMet), `${name} from ${state}`).toEqual({
          ok: false,
          reason: 'transition.forbidden',
        });
      }
      expect(rolesForTransition(name)).not.toContain('enterprise');
    }
    for (const state of APPLICATION_STATES) {
      expect(
        availableTransitions(machine, state, enterprise, allMet).every((t) => ENTERPRISE_TRANSITIONS.includes(t.name)),
        state,
      ).toBe(true);
    }
  });

  it('lets an enterprise act only on its own application', () => {
    expect(applyTransition(machine, 'draft', 'submit', otherEnterprise, allMet)).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(applyTransition(machine, 'submitted', 'withdraw', otherEnterprise, allMet)).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(applyTransition(machine, 'submitted', 'withdraw', enterprise, allMet)).toMatchObject({ ok: true, to: 'withdrawn' });
  });

  it('keeps enterprise steps with the enterprise, and review stages with the group leader alone', () => {
    expect(applyTransition(machine, 'draft', 'submit', office, allMet)).toEqual({ ok: false, reason: 'transition.forbidden' });
    for (const who of [groupMember, office, leader]) {
      expect(applyTransition(machine, 'document_review', 'completeDocumentReview', who, allMet)).toEqual({
        ok: false,
        reason: 'transition.forbidden',
      });
    }
    expect(
      applyTransition(machine, 'document_review', 'completeDocumentReview', groupLeader, {
        ...allMet,
        reviewGroupLeaderUserId: null,
      }),
    ).toEqual({ ok: false, reason: 'transition.forbidden' });
    expect(applyTransition(machine, 'committee', 'propose', groupLeader, allMet)).toEqual({
      ok: false,
      reason: 'transition.forbidden',
    });
    expect(rolesForTransition('propose').sort()).toEqual(['leader', 'office']);
    expect(rolesForTransition('completeSiteReview')).toEqual(['expert']);
    expect(rolesForTransition('submit')).toEqual(['enterprise']);
  });

  it('refuses a step from the wrong state', () => {
    expect(applyTransition(machine, 'draft', 'confirmEligible', office, allMet)).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
    expect(applyTransition(machine, 'proposed', 'withdraw', enterprise, allMet)).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
    expect(applyTransition(machine, 'submitted', 'award', office, allMet)).toEqual({
      ok: false,
      reason: 'transition.notAllowedFromState',
    });
  });

  describe('guards', () => {
    const refuse = (
      state: ApplicationState,
      name: ApplicationTransition,
      who: ApplicationActor,
      ctx: Partial<ApplicationContext>,
    ) => {
      const r = applyTransition(machine, state, name, who, { ...allMet, ...ctx });
      return r.ok ? null : r.reason;
    };

    it('submits only a complete self-assessment inside the window; a correction only needs it complete', () => {
      expect(refuse('draft', 'submit', enterprise, { selfAssessmentComplete: false })).toBe('awards.selfAssessment.incomplete');
      expect(refuse('draft', 'submit', enterprise, { applicationWindowOpen: false })).toBe('awards.applicationWindow.closed');
      expect(refuse('draft', 'submit', enterprise, { applicationWindowOpen: undefined })).toBe('awards.applicationWindow.closed');
      expect(refuse('returned', 'resubmit', enterprise, { applicationWindowOpen: false })).toBeNull();
      expect(refuse('returned', 'resubmit', enterprise, { selfAssessmentComplete: false })).toBe(
        'awards.selfAssessment.incomplete',
      );
    });

    it('takes a correction only until its due day, that day included', () => {
      const due = { correctionDueOn: '2026-05-12' };
      expect(refuse('returned', 'resubmit', enterprise, { ...due, today: '2026-05-12' })).toBeNull();
      expect(refuse('returned', 'resubmit', enterprise, { ...due, today: '2026-05-13' })).toBe('awards.correction.overdue');
      expect(refuse('returned', 'resubmit', enterprise, { ...due, today: undefined })).toBe('awards.correction.overdue');
    });

    it('confirms eligibility only when every rule passed', () => {
      expect(refuse('eligibility_review', 'confirmEligible', office, { eligible: false })).toBe('awards.eligibility.notMet');
      expect(refuse('eligibility_review', 'confirmEligible', office, { eligible: undefined })).toBe('awards.eligibility.notMet');
    });

    it('needs a reason to return, reject, screen out, cancel or revoke', () => {
      for (const [state, name] of [
        ['eligibility_review', 'returnForCorrection'],
        ['eligibility_review', 'reject'],
        ['document_review', 'screenOut'],
        ['site_review', 'screenOut'],
        ['proposed', 'cancelProposal'],
        ['awarded', 'revoke'],
      ] as const) {
        expect(refuse(state, name, office, { comment: '  ' }), name).toBe('awards.transition.commentRequired');
        expect(refuse(state, name, office, { comment: null }), name).toBe('awards.transition.commentRequired');
      }
    });

    it('opens the document review only with a group of 5 (or the programme’s minimum) and a leader', () => {
      expect(refuse('recommended', 'startDocumentReview', office, { reviewGroup: { members: 4, hasLeader: true } })).toBe(
        'awards.reviewGroup.incomplete',
      );
      expect(refuse('recommended', 'startDocumentReview', office, { reviewGroup: { members: 7, hasLeader: false } })).toBe(
        'awards.reviewGroup.incomplete',
      );
      expect(
        refuse('recommended', 'startDocumentReview', office, { reviewGroup: { members: 3, hasLeader: true, minSize: 3 } }),
      ).toBeNull();
    });

    it('closes a review stage only with consensus on every item', () => {
      expect(refuse('site_review', 'completeSiteReview', groupLeader, { consensusComplete: false })).toBe(
        'awards.consensus.incomplete',
      );
    });

    it('refuses a proposal beyond the quota', () => {
      const full = { winners: 8, nominations: 2 };
      const quota = { winners: 8, nominations: 8 };
      expect(refuse('committee', 'propose', office, { proposal: { decision: 'winner', alreadySelected: full, quota } })).toBe(
        'awards.quota.winners',
      );
      expect(
        refuse('committee', 'propose', office, { proposal: { decision: 'nomination', alreadySelected: full, quota } }),
      ).toBeNull();
      expect(
        refuse('committee', 'propose', office, {
          proposal: { decision: 'nomination', alreadySelected: full, quota: { winners: 8, nominations: 2 } },
        }),
      ).toBe('awards.quota.nominations');
      expect(refuse('committee', 'propose', office, { proposal: undefined })).toBe('awards.proposal.missing');
    });

    it('awards only after the public notice, with no objection open', () => {
      expect(refuse('proposed', 'award', office, { today: '2026-10-07' })).toBe('awards.notice.notEnded');
      expect(refuse('proposed', 'award', office, { noticeEndsOn: undefined })).toBe('awards.notice.notEnded');
      expect(refuse('proposed', 'award', office, { openObjections: 1 })).toBe('awards.objections.open');
      expect(refuse('proposed', 'award', office, { openObjections: undefined })).toBe('awards.objections.open');
    });

    it('shows a blocked step with its reason to those who may take it', () => {
      expect(transitionOptions(machine, 'eligibility_review', office, { ...allMet, eligible: false })).toEqual([
        { name: 'returnForCorrection', to: 'returned', blockedBy: null },
        { name: 'reject', to: 'rejected', blockedBy: null },
        { name: 'confirmEligible', to: 'eligible', blockedBy: 'awards.eligibility.notMet' },
      ]);
    });

    it('refuses only with message keys that have texts', () => {
      for (const t of machine.transitions) {
        const reason = t.guard?.({ applicantOrganizationId: 'org-1' }, office);
        if (reason) expect(isMessageKey(reason), t.name).toBe(true);
      }
    });
  });

  it('counts the public notice in calendar days and takes objections only inside it', () => {
    expect(noticeEndsOn('2026-09-29', 7)).toBe('2026-10-05');
    expect(noticeEndsOn('2026-12-28', 7)).toBe('2027-01-03');
    expect(objectionTimingIssue('2026-09-29', '2026-09-29', '2026-10-05')).toBeNull();
    expect(objectionTimingIssue('2026-10-05', '2026-09-29', '2026-10-05')).toBeNull();
    expect(objectionTimingIssue('2026-10-06', '2026-09-29', '2026-10-05')).toBe('awards.objection.outsideNotice');
    expect(objectionTimingIssue('2026-09-28', '2026-09-29', '2026-10-05')).toBe('awards.objection.outsideNotice');
  });
});
