import { z } from 'zod';
import { listQuery } from '../shared/list.js';
import { NQI_CATEGORY_CODES } from '../registry/nqi-categories.js';
import { attributeDefinitions } from './attributes.js';
import { ASSIGNMENT_STATUSES, REQUEST_STATES } from './lifecycle.js';
import { STEPS, timeLimits } from './time-limits.js';

// ---- catalogue ----

export const serviceCode = z.string().regex(/^[A-Z][A-Z0-9-]{1,31}$/, { error: 'services.catalogue.codeFormat' });

export const catalogueServiceInput = z.object({
  code: serviceCode,
  category: z.enum(NQI_CATEGORY_CODES),
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(''),
  keywords: z.array(z.string().trim().min(1).max(30)).max(10).default([]),
  attributes: attributeDefinitions.default([]),
  institutionIds: z.array(z.uuid()).max(50).default([]),
  charge: z.enum(['free', 'charged']),
  timeLimits,
  status: z.enum(['active', 'retired']).default('active'),
});
export type CatalogueServiceInput = z.infer<typeof catalogueServiceInput>;

export const catalogueService = catalogueServiceInput.extend({
  id: z.uuid(),
  regionCode: z.string(),
  institutions: z.array(z.object({ id: z.uuid(), name: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CatalogueService = z.infer<typeof catalogueService>;

export const catalogueQuery = listQuery.extend({
  category: z.enum(NQI_CATEGORY_CODES).optional(),
  status: z.enum(['active', 'retired']).optional(),
});
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

// ---- requests ----

const attributeInput = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));

export const requestSubmitInput = z.object({
  serviceId: z.uuid(),
  description: z.string().trim().min(1).max(4000),
  attributes: attributeInput.default({}),
  contactName: z.string().trim().min(1).max(50),
  contactPhone: z.string().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, { error: 'phone.format' }),
  contactEmail: z.email({ error: 'email.format' }).nullish(),
  preferredContact: z.enum(['phone', 'email', 'visit', 'online']),
  address: z.string().trim().max(200).nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  long: z.number().min(-180).max(180).nullish(),
});
export type RequestSubmitInput = z.infer<typeof requestSubmitInput>;

export const requestListQuery = listQuery.extend({
  state: z.enum(REQUEST_STATES).optional(),
  category: z.enum(NQI_CATEGORY_CODES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type RequestListQuery = z.infer<typeof requestListQuery>;

export const requestSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  state: z.enum(REQUEST_STATES),
  category: z.string(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  enterpriseName: z.string().nullable(),
  handlerName: z.string().nullable(),
  institutionNames: z.array(z.string()),
  step: z.enum(STEPS).nullable(),
  stepDeadline: z.string().nullable(),
  /** Working days left on the current step (negative: late), null when no step is running. */
  workingDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  submittedAt: z.string(),
  source: z.enum(['web', 'open311']),
});
export type RequestSummary = z.infer<typeof requestSummary>;

export const assignment = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  reason: z.string().nullable(),
  quotationFen: z.number().int().nullable(),
  result: z.string().nullable(),
  createdAt: z.string(),
});

export const timelineEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: z.string(),
  actorName: z.string().nullable(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  institutionName: z.string().nullable(),
  text: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  internal: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const requestDetail = requestSummary.extend({
  description: z.string(),
  attributes: attributeInput,
  /** The attribute values as the service's questions and option names put them, for display. */
  attributeLabels: z.array(z.object({ code: z.string(), name: z.string(), value: z.string() })),
  contactName: z.string().nullable(),
  /** Masked unless the caller is the station or the enterprise itself. */
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  preferredContact: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  long: z.number().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  declineReason: z.string().nullable(),
  mergedIntoNumber: z.string().nullable(),
  completedAt: z.string().nullable(),
  assignments: z.array(assignment),
  attachments: z.array(
    z.object({
      id: z.uuid(),
      fileName: z.string(),
      contentType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      kind: z.enum(['request', 'result']),
      uploadedByName: z.string().nullable(),
      institutionName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  timeline: z.array(timelineEntry),
  /** The workflow steps the caller may take now (buttons). */
  actions: z.array(z.string()),
});
export type RequestDetail = z.infer<typeof requestDetail>;

export const reasonInput = z.object({ reason: z.string().trim().min(1).max(1000) });
export const dispatchInput = z.object({ institutionIds: z.array(z.uuid()).min(1).max(10) });
export const transferInput = dispatchInput.extend({ reason: z.string().trim().min(1).max(1000) });
export const mergeInput = z.object({ targetNumber: z.string().trim().min(1).max(40) });
export const textInput = z.object({ text: z.string().trim().min(1).max(4000) });
export const quotationInput = z.object({
  amountFen: z.number().int().min(0).max(100_000_000_00),
  text: z.string().trim().max(1000).nullish(),
});
export const rateInput = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).nullish() });

export const dispatchProposal = z.array(
  z.object({
    institutionId: z.uuid(),
    name: z.string(),
    openCount: z.number().int(),
    onTimeRate: z.number().nullable(),
    score: z.number(),
    listedForService: z.boolean(),
  }),
);

// ---- board ----

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' });
export const boardQuery = z
  .object({ from: month.optional(), to: month.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: 'validation.invalid', path: ['to'] });
const rateFigures = z.object({
  completed: z.number().int(),
  onTimeRate: z.number().nullable(),
  averageHandlingHours: z.number().nullable(),
  satisfaction: z.number().nullable(),
});
export const board = z.object({
  openByStage: z.array(z.object({ state: z.string(), category: z.string(), count: z.number().int() })),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  overall: rateFigures.extend({ submitted: z.number().int() }),
  byCategory: z.array(rateFigures.extend({ category: z.string(), submitted: z.number().int() })),
  byInstitution: z.array(rateFigures.extend({ institutionId: z.string(), name: z.string(), dispatched: z.number().int() })),
  byMonth: z.array(rateFigures.extend({ month: z.string(), submitted: z.number().int() })),
  overdueList: z.array(requestSummary),
});
export type Board = z.infer<typeof board>;

export const publicFigures = z.object({
  byMonth: z.array(
    z.object({
      month: z.string(),
      submitted: z.number().int(),
      completed: z.number().int(),
      onTimeRate: z.number().nullable(),
      satisfaction: z.number().nullable(),
    }),
  ),
});

// ---- Open311 clients ----

export const apiClientInput = z.object({ name: z.string().trim().min(1).max(100) });
export const apiClient = z.object({
  id: z.uuid(),
  name: z.string(),
  keyPrefix: z.string(),
  status: z.enum(['active', 'revoked']),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const issuedApiClient = apiClient.extend({ apiKey: z.string() });
