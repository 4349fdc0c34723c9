import { z } from 'zod';
import { isoDate } from '../shared/dates.js';
import { listQuery } from '../shared/list.js';
import { isIndustrySection } from '../registry/industry.js';
import { DRAW_ALGORITHMS, parseSeed } from './draw.js';
import { INSPECTION_STATES, PLAN_STATES, PRODUCT_CHECK_STATES, RECTIFICATION_STATES, SIGNAL_STATES } from './lifecycle.js';
import {
  INSPECTION_RESULTS,
  SUPERVISION_ITEM_KINDS,
  MIN_INSPECTORS_PER_TARGET,
  MIN_SAMPLERS,
  RISK_CLASSES,
  SIGNAL_GRADES,
  SIGNAL_SOURCES,
  TARGET_FLAGS,
  TARGET_TYPES,
} from './vocabulary.js';

/** Request and response contracts of the supervision API (routes, web forms and OpenAPI use these). */

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalidOption'),
  });
}
const text = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' }).nullable().optional();
const date = isoDate;
const industrySection = z.string().refine(isIndustrySection, { error: 'industry.section' });
const basisPoints = z.number().int().min(0).max(10_000);
const perRiskClass = <T extends z.ZodType>(value: T) => z.object({ high: value, mediumHigh: value, medium: value, low: value });

export const riskClass = oneOf(RISK_CLASSES);
export const inspectionResult = oneOf(INSPECTION_RESULTS);

// ---- inspection-item list ----

export const inspectionItemInput = z.object({
  code: z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^[A-Za-z0-9-]{2,32}$/, { error: 'validation.invalidFormat' }),
  name: text(200),
  legalBasis: text(500),
  targetType: oneOf(TARGET_TYPES),
  kind: oneOf(SUPERVISION_ITEM_KINDS),
  frequency: text(64),
  /** Risk-based ratios of this item in basis points (3000 = 30 %). */
  ratioBp: perRiskClass(basisPoints),
  status: oneOf(['active', 'inactive']).default('active'),
});
export type InspectionItemInput = z.infer<typeof inspectionItemInput>;
export const inspectionItem = inspectionItemInput.extend({ id: z.string(), regionCode: z.string(), createdAt: z.string() });
export type InspectionItem = z.infer<typeof inspectionItem>;

// ---- target directory ----

export const targetListQuery = listQuery.extend({
  riskClass: riskClass.optional(),
  industrySection: z.string().optional(),
  flag: oneOf(TARGET_FLAGS).optional(),
});
export const targetUpdate = z.object({
  riskClass,
  products: z.array(text(64)).max(50),
  flags: z.array(oneOf(TARGET_FLAGS)).max(TARGET_FLAGS.length),
});
export type TargetUpdate = z.infer<typeof targetUpdate>;
export const supervisionTarget = z.object({
  enterpriseId: z.string(),
  regionCode: z.string(),
  name: z.string(),
  creditCode: z.string(),
  industrySection: z.string(),
  riskClass,
  products: z.array(z.string()),
  flags: z.array(z.string()),
  status: z.string(),
  updatedAt: z.string(),
});
export type SupervisionTarget = z.infer<typeof supervisionTarget>;
export const targetSyncResult = z.object({ added: z.number().int(), updated: z.number().int(), total: z.number().int() });

// ---- inspector directory ----

export const inspectorTie = z.object({ enterpriseId: z.uuid(), relation: text(100) });
export const inspectorInput = z.object({
  name: text(64),
  certificateNo: z
    .string({ error: 'validation.required' })
    .trim()
    .regex(/^[A-Za-z0-9-]{4,32}$/, { error: 'validation.invalidFormat' }),
  specialty: text(64),
  unitId: z.uuid(),
  userId: z.uuid().nullable().optional(),
  status: oneOf(['active', 'inactive']).default('active'),
  ties: z.array(inspectorTie).max(100).default([]),
});
export type InspectorInput = z.infer<typeof inspectorInput>;
export const inspectorRecord = z.object({
  id: z.string(),
  regionCode: z.string(),
  name: z.string(),
  certificateNo: z.string(),
  specialty: z.string(),
  unitId: z.string(),
  unitName: z.string().nullable(),
  userId: z.string().nullable(),
  status: z.enum(['active', 'inactive']),
  ties: z.array(z.object({ enterpriseId: z.string(), enterpriseName: z.string().nullable(), relation: z.string() })),
  createdAt: z.string(),
});
export type InspectorRecord = z.infer<typeof inspectorRecord>;

// ---- spot-check plan and draw ----

export const planFilters = z.object({
  riskClasses: z.array(riskClass).max(RISK_CLASSES.length).default([]),
  industrySections: z.array(industrySection).max(30).default([]),
  flags: z.array(oneOf(TARGET_FLAGS)).max(TARGET_FLAGS.length).default([]),
  /** Only targets whose products contain this text (a targeted plan from a risk signal). */
  productKeyword: z.string().trim().max(64).optional(),
});
export type PlanFilters = z.infer<typeof planFilters>;
export const drawAllocation = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('ratio'), ratioBp: perRiskClass(basisPoints) }),
  z.object({ mode: z.literal('count'), count: perRiskClass(z.number().int().min(0).max(10_000)) }),
]);
export const spotCheckPlanInput = z
  .object({
    name: text(200),
    itemIds: z.array(z.uuid()).min(1, { error: 'validation.required' }).max(50),
    filters: planFilters,
    allocation: drawAllocation,
    periodStart: date,
    periodEnd: date,
    departmentIds: z.array(z.uuid()).max(30).default([]),
    inspectorsPerTarget: z.number().int().min(MIN_INSPECTORS_PER_TARGET).max(10).default(MIN_INSPECTORS_PER_TARGET),
  })
  .superRefine((p, ctx) => {
    if (p.periodEnd < p.periodStart) ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'supervision.period.order' });
  });
export type SpotCheckPlanInput = z.infer<typeof spotCheckPlanInput>;
export const planListQuery = listQuery.extend({ status: oneOf(PLAN_STATES).optional() });

export const drawCommitInput = z.object({
  /** Where the seed will come from, announced before anyone can know it (e.g. a lottery draw). */
  seedSource: text(300),
  seedAnnouncedOn: date,
});
export const drawSeedInput = z.object({
  seed: z
    .string({ error: 'validation.required' })
    .max(500, { error: 'validation.tooLong' })
    .superRefine((s, ctx) => {
      const parsed = parseSeed(s);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
    }),
});

export const stratumSummary = z.object({
  id: z.string(),
  key: z.string(),
  riskClass,
  industrySection: z.string(),
  poolSize: z.number().int(),
  poolHash: z.string(),
  count: z.number().int(),
  result: z.array(z.string()).nullable(),
  /** The drawn enterprises' names, in the order of `result` (credit codes alone tell a reader nothing). */
  resultNames: z.array(z.string()).nullable(),
});
export const spotCheckPlan = z.object({
  id: z.string(),
  code: z.string(),
  regionCode: z.string(),
  kind: z.enum(['general', 'targeted']),
  name: z.string(),
  itemIds: z.array(z.string()),
  filters: planFilters,
  allocation: drawAllocation,
  periodStart: z.string(),
  periodEnd: z.string(),
  departmentIds: z.array(z.string()),
  inspectorsPerTarget: z.number().int(),
  status: oneOf(PLAN_STATES),
  signalId: z.string().nullable(),
  seedSource: z.string().nullable(),
  seedAnnouncedOn: z.string().nullable(),
  seedSources: z.array(z.array(z.number())).nullable(),
  algorithm: z.enum(DRAW_ALGORITHMS).nullable(),
  poolHash: z.string().nullable(),
  poolSize: z.number().int().nullable(),
  committedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  createdAt: z.string(),
  strata: z.array(stratumSummary),
  availableTransitions: z.array(z.string()),
});
export type SpotCheckPlan = z.infer<typeof spotCheckPlan>;

// ---- inspections ----

export const inspectionListQuery = listQuery.extend({
  planId: z.uuid().optional(),
  status: oneOf(INSPECTION_STATES).optional(),
  /** Only those of the caller as inspector ("my assignments"). */
  mine: z.enum(['true', 'false']).optional(),
});
export const inspectionRecordInput = z
  .object({
    inspectedOn: date,
    findings: text(2000),
    result: inspectionResult,
    correctBy: date.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.result === 'orderedToCorrect' && (!v.correctBy || v.correctBy < v.inspectedOn)) {
      ctx.addIssue({ code: 'custom', path: ['correctBy'], message: 'supervision.correctBy.required' });
    }
  });
export type InspectionRecordInput = z.infer<typeof inspectionRecordInput>;
export const inspectionRecord = z.object({
  id: z.string(),
  code: z.string(),
  regionCode: z.string(),
  planId: z.string(),
  planName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  stratum: z.string(),
  position: z.number().int(),
  inspectors: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string().nullable() })),
  status: oneOf(INSPECTION_STATES),
  inspectedOn: z.string().nullable(),
  findings: z.string().nullable(),
  result: inspectionResult.nullable(),
  correctBy: z.string().nullable(),
  publicationDueOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  rectificationId: z.string().nullable(),
  createdAt: z.string(),
});
export type InspectionRecord = z.infer<typeof inspectionRecord>;

// ---- product spot checks ----

export const testItemResult = z.object({
  item: text(100),
  requirement: text(200),
  value: text(200),
  pass: z.boolean(),
});
export const productCheckInput = z
  .object({
    enterpriseId: z.uuid(),
    planId: z.uuid().nullable().optional(),
    product: text(200),
    batch: text(64),
    quantity: text(64),
    testSampleQty: z.number().int().min(1),
    reserveSampleQty: z.number().int().min(0),
    samplers: z.array(text(64)).max(10),
    sampledOn: date,
    fromGoodsForSale: z.boolean(),
    freeOfCharge: z.boolean(),
    labName: text(200),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.samplers).size < MIN_SAMPLERS)
      ctx.addIssue({ code: 'custom', path: ['samplers'], message: 'supervision.samplers.tooFew' });
    if (!v.fromGoodsForSale)
      ctx.addIssue({ code: 'custom', path: ['fromGoodsForSale'], message: 'supervision.sample.fromGoodsForSale' });
    if (!v.freeOfCharge) ctx.addIssue({ code: 'custom', path: ['freeOfCharge'], message: 'supervision.sample.freeOfCharge' });
    if (v.reserveSampleQty < 1)
      ctx.addIssue({ code: 'custom', path: ['reserveSampleQty'], message: 'supervision.sample.reserveRequired' });
  });
export type ProductCheckInput = z.infer<typeof productCheckInput>;
export const productResultsInput = z.object({
  testedOn: date,
  results: z.array(testItemResult).min(1, { error: 'supervision.results.required' }).max(100),
});
/** The office's correction of wrongly entered results: the new values and why. */
export const productResultsCorrectionInput = productResultsInput.extend({ reason: text(500) });
export type ProductResultsCorrectionInput = z.infer<typeof productResultsCorrectionInput>;
export const notifyInput = z.object({ receivedOn: date });
export const retestRequestInput = z.object({ reason: text(2000) });
export const objectionDecisionInput = z.object({ accept: z.boolean(), note: text(1000) });
export const retestInput = z.object({
  labName: text(200),
  testedOn: date,
  results: z.array(testItemResult).min(1, { error: 'supervision.results.required' }).max(100),
});
const testedFacts = z.object({
  testedOn: z.string().nullable(),
  results: z.array(testItemResult),
  conclusion: z.enum(['pass', 'fail']).nullable(),
  receivedOn: z.string().nullable(),
});
export const productCheckListQuery = listQuery.extend({ status: oneOf(PRODUCT_CHECK_STATES).optional() });
export const productCheck = z.object({
  id: z.string(),
  code: z.string(),
  regionCode: z.string(),
  planId: z.string().nullable(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  product: z.string(),
  batch: z.string(),
  quantity: z.string(),
  testSampleQty: z.number().int(),
  reserveSampleQty: z.number().int(),
  samplers: z.array(z.string()),
  sampledOn: z.string(),
  labName: z.string(),
  testedOn: z.string().nullable(),
  results: z.array(testItemResult),
  conclusion: z.enum(['pass', 'fail']).nullable(),
  receivedOn: z.string().nullable(),
  objectionDeadline: z.string().nullable(),
  objection: z
    .object({
      filedOn: z.string(),
      reason: z.string(),
      decisionDueOn: z.string(),
      decision: z.enum(['accepted', 'refused']).nullable(),
      decidedOn: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  retest: z
    .object({ labName: z.string(), testedOn: z.string(), results: z.array(testItemResult), conclusion: z.enum(['pass', 'fail']) })
    .nullable(),
  finalConclusion: z.enum(['pass', 'fail']).nullable(),
  /** Corrections of the results, oldest first, each with the values it replaced. */
  corrections: z.array(
    z.object({
      at: z.string(),
      actorName: z.string(),
      reason: z.string(),
      before: testedFacts,
      after: testedFacts,
    }),
  ),
  status: oneOf(PRODUCT_CHECK_STATES),
  publicationDueOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  rectificationId: z.string().nullable(),
  availableTransitions: z.array(z.string()),
  createdAt: z.string(),
});
export type ProductCheck = z.infer<typeof productCheck>;

// ---- rectification ----

export const rectificationStepInput = z.object({ on: date, note: text(2000) });
export const rectificationListQuery = listQuery.extend({ status: oneOf(RECTIFICATION_STATES).optional() });
export const rectification = z.object({
  id: z.string(),
  code: z.string(),
  regionCode: z.string(),
  sourceType: z.enum(['inspection', 'productCheck']),
  sourceId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  orderedOn: z.string(),
  correctBy: z.string(),
  status: oneOf(RECTIFICATION_STATES),
  steps: z.array(
    z.object({ transition: z.string(), to: z.string(), on: z.string(), note: z.string().nullable(), at: z.string() }),
  ),
  files: z.array(
    z.object({ id: z.string(), fileName: z.string(), sizeBytes: z.number().int(), sha256: z.string(), createdAt: z.string() }),
  ),
  availableTransitions: z.array(z.string()),
  createdAt: z.string(),
});
export type Rectification = z.infer<typeof rectification>;

// ---- risk monitoring ----

export const riskSignalInput = z.object({
  product: text(200),
  hazard: text(500),
  source: oneOf(SIGNAL_SOURCES),
  description: text(2000),
  reportedOn: date,
  /** The monitoring sample behind the signal, when it came from a monitoring test. */
  sampleRef: optionalText(100),
});
export const signalGradeInput = z.object({
  severity: z.number().int().min(1).max(4),
  likelihood: z.number().int().min(1).max(4),
});
export const signalListQuery = listQuery.extend({ status: oneOf(SIGNAL_STATES).optional() });
export const riskSignal = z.object({
  id: z.string(),
  code: z.string(),
  regionCode: z.string(),
  product: z.string(),
  hazard: z.string(),
  source: oneOf(SIGNAL_SOURCES),
  description: z.string(),
  reportedOn: z.string(),
  sampleRef: z.string().nullable(),
  severity: z.number().int().nullable(),
  likelihood: z.number().int().nullable(),
  grade: oneOf(SIGNAL_GRADES).nullable(),
  status: oneOf(SIGNAL_STATES),
  planId: z.string().nullable(),
  createdAt: z.string(),
});
export type RiskSignal = z.infer<typeof riskSignal>;

// ---- publication ----

/** One published result as the public sees it: no inspector names, no personal data. */
export const publicResult = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(['inspection', 'productCheck']),
  planName: z.string().nullable(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  subject: z.string(),
  checkedOn: z.string(),
  result: z.string(),
  publishedAt: z.string(),
});
export type PublicResult = z.infer<typeof publicResult>;
export const publicResultQuery = z.object({
  /** Keyset cursor: the last row's `publishedAt|id` of the page before. */
  after: z.string().max(100).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  kind: z.enum(['inspection', 'productCheck']).default('inspection'),
});
export const publicResultPage = z.object({ data: z.array(publicResult), next: z.string().nullable() });

export const overdueItem = z.object({
  id: z.string(),
  kind: z.enum(['inspection', 'productCheck', 'objectionDecision']),
  code: z.string(),
  enterpriseName: z.string(),
  dueOn: z.string(),
  flaggedAt: z.string().nullable(),
});
export type OverdueItem = z.infer<typeof overdueItem>;

/** A published draw: the plan's strata records and the inspector draws, each a `drawRecord`. */
export const publicDraw = z.object({
  planId: z.string(),
  code: z.string(),
  name: z.string(),
  seedSource: z.string().nullable(),
  seedAnnouncedOn: z.string().nullable(),
  poolHash: z.string(),
  committedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  records: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['targets', 'inspectors']),
      stratum: z.string(),
      poolSize: z.number(),
      /**
       * The published result as people read it, in the record's order: each drawn id (a credit
       * code, an inspector's id) with its public name — the enterprise's name, the inspector's
       * number in the public directory of law-enforcement officers (执法证号).
       */
      result: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
});
export type PublicDraw = z.infer<typeof publicDraw>;
export const publicDrawList = z.array(
  z.object({ planId: z.string(), code: z.string(), name: z.string(), drawnAt: z.string().nullable(), poolHash: z.string() }),
);
