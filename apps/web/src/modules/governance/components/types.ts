/** The governance API's answers as the pages read them (the server's service views). */
export interface GroupMember {
  id: string;
  departmentId: string;
  departmentName: string;
  groupRole: string;
  personName: string;
  personTitle: string | null;
  responsibilities: string;
  since: string;
  until: string | null;
  endNote: string | null;
  current: boolean;
}

export interface TaskView {
  id: string;
  code: string;
  year: number;
  resolutionId: string | null;
  title: string;
  leadDepartmentId: string;
  leadDepartmentName: string;
  supportingDepartments: { id: string; name: string }[];
  assignedOn: string;
  deadline: string;
  deadlineWorkingDays: number | null;
  expectedOutput: string;
  priority: string;
  state: string;
  progressPercent: number;
  lastReportedOn: string | null;
  closedOn: string | null;
  escalationLevel: number;
  overdue: boolean;
  daysOverdue: number;
}

export interface TransitionOption {
  name: string;
  to: string;
  blockedBy: string | null;
}

export interface TaskDetail extends TaskView {
  resolution: { code: string; meetingId: string } | null;
  progress: { id: string; departmentName: string; reportedByName: string; note: string; percent: number; reportedOn: string }[];
  history: {
    id: string;
    transition: string;
    fromState: string;
    toState: string;
    note: string | null;
    actorName: string | null;
    at: string;
  }[];
  attachments: { fileId: string; fileName: string | null; sizeBytes: number | null; sha256: string | null }[];
  signals: { kind: string; level: number; deadline: string; sentOn: string; recipients: number }[];
  transitions: TransitionOption[];
  mayReport: boolean;
}

export interface MeetingRow {
  id: string;
  code: string;
  year: number;
  kind: string;
  title: string;
  scheduledOn: string;
  location: string | null;
  state: string;
}

export interface MeetingDetail extends MeetingRow {
  agenda: string[];
  minutes: string | null;
  attendance: { departmentId: string; departmentName: string; attendance: string | null; attendeeName: string | null }[];
  resolutions: { id: string; code: string; text: string; tasks: TaskView[] }[];
  history: { id: string; transition: string; fromState: string; toState: string; at: string }[];
  transitions: TransitionOption[];
}

export interface IndicatorScore {
  code: string;
  name: string;
  source: string | null;
  mode: string;
  weight: number;
  figure: { numerator: number; denominator: number; evidence: string[] } | null;
  ratioBasisPoints: number | null;
  pointsHundredths: number;
  maxHundredths: number;
}

export interface AssessmentView {
  id: string;
  year: number;
  state: string;
  indicators: {
    code: string;
    name: string;
    weight: number;
    mode: string;
    source: string | null;
    sourceLabel: { zh: string; en: string } | null;
    rule: { kind: string; targetPercent?: number; floorPercent?: number; perUnit?: number };
  }[];
  thresholds: { A: number; B: number; C: number };
  computedAsOf: string | null;
  results: {
    departmentId: string;
    departmentName: string;
    totalHundredths: number;
    grade: string;
    breakdown: IndicatorScore[];
  }[];
  appeals: {
    id: string;
    departmentId: string;
    departmentName: string;
    reason: string;
    state: string;
    decisionNote: string | null;
    totalHundredths: number;
  }[];
  transitions: TransitionOption[];
}

export interface BudgetLine {
  id: string;
  year: number;
  code: string;
  name: string;
  budgetFen: number;
  allocatedFen: number;
  committedFen: number;
  paidFen: number;
  remainingFen: number;
}

export interface BudgetEntry {
  id: string;
  kind: string;
  amountFen: number;
  purpose: string | null;
  payee: string | null;
  document: string;
  occurredOn: string;
  openFen: number | null;
  files: { fileId: string; fileName: string | null; sha256: string | null }[];
}

export interface YearlyReport {
  year: number;
  regionName: string | null;
  generatedOn: string;
  meetings: { held: number; regular: number; resolutions: number };
  tasks: { total: number; closed: number; closedOnTime: number; due: number; overdue: number; onTimeBasisPoints: number | null };
  assessment: {
    state: string | null;
    results: { departmentId: string; departmentName: string; grade: string; totalHundredths: number }[];
  };
  budget: { lines: BudgetLine[]; totals: { allocatedFen: number; committedFen: number; paidFen: number; remainingFen: number } };
  headlines: {
    module: string;
    title: { zh: string; en: string };
    figures: { key: string; label: { zh: string; en: string }; value: number; unit?: { zh: string; en: string } }[];
  }[];
}
