import type { Role } from '../identity/permissions.js';

/**
 * Permissions of the awards module; identity/permissions.ts merges them into PERMISSIONS and the
 * roles (AWARD_ROLE_PERMISSIONS).
 */
export const AWARD_PERMISSIONS = [
  'awards.programme.manage', // programmes, cycles, calendars, criteria version (office)
  'awards.application.read', // every application of the region (office, leaders)
  'awards.application.own.write', // the own organization's application: edit, submit, withdraw (enterprise)
  'awards.application.process', // eligibility review, return, reject, recommend, open the review (office)
  'awards.review.manage', // review groups, expert invitations, conflict declarations (office)
  'awards.review.score', // the own independent scores of an assigned application (expert)
  'awards.review.lead', // consensus and closing a review stage, as the group's leader (expert)
  'awards.ranking.read', // the blinded ranking (office, leaders)
  'awards.ranking.unblind', // names beside the ranking (office)
  'awards.decide', // propose, screen out, decline, award, revoke (committee: office and leaders)
  'awards.objection.handle', // objections during the public notice (office)
] as const;
export type AwardPermission = (typeof AWARD_PERMISSIONS)[number];

/** Which roles hold which award permissions. */
export const AWARD_ROLE_PERMISSIONS = {
  office: [
    'awards.programme.manage',
    'awards.application.read',
    'awards.application.process',
    'awards.review.manage',
    'awards.ranking.read',
    'awards.ranking.unblind',
    'awards.decide',
    'awards.objection.handle',
  ],
  leader: ['awards.application.read', 'awards.ranking.read', 'awards.decide'],
  enterprise: ['awards.application.own.write'],
  expert: ['awards.review.score', 'awards.review.lead'],
} as const satisfies Partial<Record<Role, readonly AwardPermission[]>>;

export function awardPermissionsOf(roles: readonly Role[]): AwardPermission[] {
  const byRole: Partial<Record<Role, readonly AwardPermission[]>> = AWARD_ROLE_PERMISSIONS;
  return [...new Set(roles.flatMap((role) => byRole[role] ?? []))].sort();
}
