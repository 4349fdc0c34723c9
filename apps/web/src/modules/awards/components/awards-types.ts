import type { ApplicationState, AwardCalendar, EligibilityResult } from '@qd/core';

/** The shapes the awards API answers with (server: apps/server/src/modules/awards). */
export interface Programme {
  id: string;
  regionCode: string;
  name: string;
  level: 'district' | 'city' | 'province';
  cycleYears: number;
  winnerQuota: number;
  nominationQuota: number;
  prizeMoneyFen: number;
  criteriaVersionId: string;
  calendar: AwardCalendar;
}

export interface Cycle {
  id: string;
  programmeId: string;
  programmeName: string;
  level: Programme['level'];
  year: number;
  code: string;
  status: 'planned' | 'open' | 'notice' | 'announced';
  calendar: AwardCalendar;
  winnerQuota: number;
  nominationQuota: number;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  windowOpen?: boolean;
  pipeline?: Record<string, number>;
}

export interface ApplicationSummary {
  id: string;
  code: string;
  cycleId: string;
  cycleCode: string | null;
  level: Programme['level'] | null;
  year: number | null;
  organizationId: string;
  organizationName: string;
  state: ApplicationState;
  decision: 'winner' | 'nomination' | null;
  submittedAt: string | null;
  correctionDueOn: string | null;
  awardedOn: string | null;
}

export interface SelfEntry {
  itemId: string;
  percentage: number;
  description: string;
}

export interface ApplicationDetail extends ApplicationSummary {
  calendar: AwardCalendar;
  criteriaVersionId: string;
  facts: Record<string, unknown>;
  selfAssessment: SelfEntry[];
  selfAssessmentTotalHundredths: number;
  declarationAccepted: boolean;
  eligibility: EligibilityResult | null;
  history: {
    transition: string;
    fromState: string;
    toState: string;
    comment: string | null;
    actorName: string | null;
    at: string;
  }[];
  consensusTotalHundredths: number | null;
  feedback: {
    keyThemes: string;
    categories: { categoryId: string; strengths: string; opportunities: string }[];
    submittedAt: string | null;
  } | null;
}

export interface ScoreEntry {
  itemId: string;
  percentage: number;
  strengths?: string;
  opportunities?: string;
}

export interface ReviewView {
  applicationId: string;
  code: string;
  state: ApplicationState;
  organizationName: string;
  criteriaVersionId: string;
  isLeader: boolean;
  selfAssessment: SelfEntry[];
  own: { entries: ScoreEntry[]; submittedAt: string | null; totalHundredths: number } | null;
  others: { expertName: string; entries: ScoreEntry[]; totalHundredths: number }[] | null;
}

export interface ConsensusView {
  applicationId: string;
  code: string;
  criteriaVersionId: string;
  state: ApplicationState;
  divergenceThreshold: number;
  sheets: { expertId: string; expertName: string; entries: ScoreEntry[]; totalHundredths: number }[];
  divergence: { itemId: string; spread: number; median: number; divergent: boolean; min: number; max: number }[];
  consensus: { itemId: string; percentage: number; rationale: string }[];
  consensusTotalHundredths: number | null;
  consensusComplete: boolean;
  siteReview: { visitedOn: string; members: string[]; findings: string; adjustments: string } | null;
  feedback: ApplicationDetail['feedback'];
}
