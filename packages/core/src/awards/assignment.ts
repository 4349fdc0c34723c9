import { addYears } from './eligibility.js';

/**
 * Review groups: who may review an application (conflicts of interest) and an automatic
 * proposal of a group per application from the expert pool (DOMAIN §3). Pure, so the server,
 * the bench and the tests run the same algorithm.
 */

export const DEFAULT_CONFLICT_YEARS = 3;
export const DEFAULT_EXPERT_LOAD_CAP = 6;

export const CONFLICT_KINDS = ['currentEmployer', 'pastEmployer', 'declaredInterest', 'familyTie', 'sameOrganization'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface ApplicantProfile {
  applicationId: string;
  organizationId: string;
  organizationName: string;
  creditCode: string | null;
  industrySection: string | null;
}

export interface ExpertProfile {
  expertId: string;
  affiliationOrganizationId: string | null;
  /** The credit code of the expert's affiliation, when it is a registered organization. */
  affiliationCreditCode: string | null;
  affiliationName: string;
  pastEmployments: readonly { organizationName: string; creditCode?: string | null; to?: string | null }[];
  /** Organizations the expert declared an interest in (shares, consulting, a competitor …). */
  declaredInterestOrganizationIds: readonly string[];
  /** Organizations where a family member works or holds a stake, by the expert's declaration. */
  familyTieOrganizationIds: readonly string[];
  industrySections: readonly string[];
  /** Applications the expert already reviews (this and other cycles still open). */
  currentLoad: number;
}

export interface Conflict {
  kind: ConflictKind;
  /** What the conflict was found on (an organization name, a credit code, the end of an employment). */
  detail: string;
}

/** Names compared loosely: spaces and brackets do not make a different company. */
function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s()（）]/g, '').toLowerCase();
  return norm(a) === norm(b) && norm(a).length > 0;
}

/**
 * Every reason the expert may not review the applicant. A past employment counts while it ended
 * less than `conflictYears` years before `asOf` (an employment without an end date still runs).
 */
export function conflictsOf(
  expert: ExpertProfile,
  applicant: ApplicantProfile,
  options: { asOf: string; conflictYears?: number },
): Conflict[] {
  const years = options.conflictYears ?? DEFAULT_CONFLICT_YEARS;
  const since = addYears(options.asOf, -years);
  const out: Conflict[] = [];
  if (
    expert.affiliationOrganizationId === applicant.organizationId ||
    sameName(expert.affiliationName, applicant.organizationName)
  )
    out.push({ kind: 'currentEmployer', detail: expert.affiliationName });
  // The same legal entity under another registry record (a branch, a renamed company).
  else if (!!expert.affiliationCreditCode && expert.affiliationCreditCode === applicant.creditCode)
    out.push({ kind: 'sameOrganization', detail: expert.affiliationCreditCode });
  for (const p of expert.pastEmployments) {
    const matches =
      (!!p.creditCode && !!applicant.creditCode && p.creditCode === applicant.creditCode) ||
      sameName(p.organizationName, applicant.organizationName);
    if (matches && (!p.to || p.to > since))
      out.push({ kind: 'pastEmployer', detail: `${p.organizationName} ${p.to ?? ''}`.trim() });
  }
  if (expert.declaredInterestOrganizationIds.includes(applicant.organizationId))
    out.push({ kind: 'declaredInterest', detail: applicant.organizationName });
  if (expert.familyTieOrganizationIds.includes(applicant.organizationId))
    out.push({ kind: 'familyTie', detail: applicant.organizationName });
  return out;
}

export interface ProposalOptions {
  asOf: string;
  groupSize: number;
  loadCap?: number;
  conflictYears?: number;
}

export interface ProposedGroup {
  applicationId: string;
  /** Members in the order picked; the first is the proposed group leader. */
  expertIds: string[];
  leaderExpertId: string | null;
  /** Members whose industry matches the applicant's. */
  industryMatches: number;
  /** Fewer free, conflict-free experts than the group size: the office must add members by hand. */
  short: boolean;
}

export interface ProposalResult {
  groups: ProposedGroup[];
  /** Each expert's load after the proposal. */
  loads: Map<string, number>;
  /** How many expert–application pairs were excluded for a conflict. */
  conflictsExcluded: number;
}

/**
 * Proposes a group for each application: never a conflicted expert, never an expert beyond the
 * load cap; experts of the applicant's industry first, then the least loaded (which spreads the
 * work), ties by id so the same input always gives the same proposal. Applications with the
 * fewest candidates are served first, so a scarce specialist goes where nobody else could.
 */
export function proposeReviewGroups(
  applicants: readonly ApplicantProfile[],
  experts: readonly ExpertProfile[],
  options: ProposalOptions,
): ProposalResult {
  const loadCap = options.loadCap ?? DEFAULT_EXPERT_LOAD_CAP;
  const loads = new Map(experts.map((e) => [e.expertId, e.currentLoad]));
  let conflictsExcluded = 0;

  const candidates = applicants.map((a) => {
    const free: ExpertProfile[] = [];
    for (const e of experts) {
      if (conflictsOf(e, a, options).length > 0) conflictsExcluded++;
      else free.push(e);
    }
    return { applicant: a, free };
  });
  const order = [...candidates].sort(
    (x, y) => x.free.length - y.free.length || x.applicant.applicationId.localeCompare(y.applicant.applicationId),
  );

  const byId = new Map<string, ProposedGroup>();
  for (const { applicant, free } of order) {
    const matches = (e: ExpertProfile) =>
      applicant.industrySection ? e.industrySections.includes(applicant.industrySection) : false;
    const ranked = free
      .filter((e) => loads.get(e.expertId)! < loadCap)
      .sort(
        (x, y) =>
          Number(matches(y)) - Number(matches(x)) ||
          loads.get(x.expertId)! - loads.get(y.expertId)! ||
          x.expertId.localeCompare(y.expertId),
      );
    const picked = ranked.slice(0, options.groupSize);
    for (const e of picked) loads.set(e.expertId, loads.get(e.expertId)! + 1);
    byId.set(applicant.applicationId, {
      applicationId: applicant.applicationId,
      expertIds: picked.map((e) => e.expertId),
      leaderExpertId: picked[0]?.expertId ?? null,
      industryMatches: picked.filter(matches).length,
      short: picked.length < options.groupSize,
    });
  }
  return { groups: applicants.map((a) => byId.get(a.applicationId)!), loads, conflictsExcluded };
}
