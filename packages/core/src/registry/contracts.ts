import { z } from 'zod';
import { checkCreditCode, normalizeCreditCode } from './credit-code.js';
import { INDUSTRY_SECTION_CODES, isIndustryCodeInSection, type IndustrySection } from './industry.js';
import { NQI_CATEGORY_CODES } from './nqi-categories.js';
import { REGION_CODE_TYPES, REGION_LEVELS, isRegionCode } from './region-code.js';
import { isoDate, pastIsoDate } from '../shared/dates.js';
import { listQuery } from '../shared/list.js';

/** An enum whose missing value says "required" and whose wrong value says `key`. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T, key = 'validation.invalidOption') {
  return z.enum(values, { error: (issue) => (issue.input === undefined || issue.input === null ? 'validation.required' : key) });
}

export const creditCode = z
  .string({ error: 'validation.required' })
  .transform(normalizeCreditCode)
  .superRefine((value, ctx) => {
    const problem = checkCreditCode(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const regionCode = z.string().refine(isRegionCode, { error: 'regionCode.format' });
const requiredText = (max: number) =>
  z
    .string({ error: 'validation.required' })
    .trim()
    .min(1, { error: 'validation.required' })
    .max(max, { error: 'validation.tooLong' });
const optionalText = (max: number) => z.string().trim().max(max, { error: 'validation.tooLong' }).nullable().optional();
export const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{7,20}$/, { error: 'phone.format' });
export const email = z.string().trim().email({ error: 'email.format' });

// ---- regions ----
export const region = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  level: z.enum(REGION_LEVELS),
  codeType: z.enum(REGION_CODE_TYPES),
});
export type Region = z.infer<typeof region>;
export type RegionNode = Region & { children: RegionNode[] };
export const regionNode: z.ZodType<RegionNode> = region.extend({
  children: z.lazy(() => z.array(regionNode)),
});
export const regionCreateRequest = z.object({
  code: regionCode,
  name: requiredText(64),
  codeType: z.enum(REGION_CODE_TYPES).optional(),
});

// ---- organizations ----
export const ORGANIZATION_KINDS = ['enterprise', 'department', 'institution'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export const ORGANIZATION_STATUSES = ['active', 'suspended', 'closed'] as const;
export const LEADERSHIP_ROLES = ['leader', 'office', 'member'] as const;

export const enterpriseSize = oneOf(ENTERPRISE_SIZES);
export const organizationStatus = oneOf(ORGANIZATION_STATUSES);
export const industrySection = oneOf(INDUSTRY_SECTION_CODES as [IndustrySection, ...IndustrySection[]], 'industry.section');

export const enterpriseInput = z
  .object({
    name: requiredText(128),
    creditCode,
    regionCode,
    industrySection,
    industryCode: z
      .string()
      .trim()
      .regex(/^\d{2,4}$/, { error: 'industry.code' }),
    size: enterpriseSize,
    address: requiredText(256),
    foundedOn: pastIsoDate,
    status: organizationStatus.default('active'),
    legalRepresentative: optionalText(64),
    mainProducts: optionalText(512),
  })
  .superRefine((v, ctx) => {
    // A malformed code is already reported by the field itself: report it once.
    if (
      v.industrySection &&
      /^\d{2,4}$/.test(v.industryCode ?? '') &&
      !isIndustryCodeInSection(v.industrySection, v.industryCode)
    ) {
      ctx.addIssue({ code: 'custom', path: ['industryCode'], message: 'industry.code' });
    }
  });
export type EnterpriseInput = z.infer<typeof enterpriseInput>;

export const departmentInput = z.object({
  name: requiredText(128),
  shortName: optionalText(32),
  creditCode: creditCode.nullable().optional(),
  regionCode,
  address: optionalText(256),
  status: organizationStatus.default('active'),
  inLeadershipGroup: z.boolean().default(false),
  leadershipRole: oneOf(LEADERSHIP_ROLES).nullable().optional(),
  responsibilities: optionalText(2000),
});
export type DepartmentInput = z.infer<typeof departmentInput>;

export const institutionInput = z.object({
  name: requiredText(128),
  creditCode,
  regionCode,
  address: optionalText(256),
  status: organizationStatus.default('active'),
  nqiCategories: z.array(oneOf(NQI_CATEGORY_CODES)).min(1, { error: 'validation.required' }),
  qualifications: optionalText(1000),
});
export type InstitutionInput = z.infer<typeof institutionInput>;

export const organization = z.object({
  id: z.string(),
  kind: z.enum(ORGANIZATION_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string().nullable(),
  status: organizationStatus,
  industrySection: z.string().nullable(),
  industryCode: z.string().nullable(),
  size: z.string().nullable(),
  foundedOn: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  mainProducts: z.string().nullable(),
  inLeadershipGroup: z.boolean(),
  leadershipRole: z.string().nullable(),
  responsibilities: z.string().nullable(),
  nqiCategories: z.array(z.string()),
  qualifications: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organization>;

export const organizationListQuery = listQuery.extend({
  status: organizationStatus.optional(),
  regionCode: regionCode.optional(),
  industrySection: industrySection.optional(),
  size: enterpriseSize.optional(),
  nqiCategory: z.enum(NQI_CATEGORY_CODES).optional(),
  inLeadershipGroup: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type OrganizationListQuery = z.infer<typeof organizationListQuery>;

// ---- contacts ----
export const contactInput = z.object({
  name: requiredText(64),
  position: optionalText(64),
  phone,
  email: email.nullable().optional(),
  isPrimary: z.boolean().default(false),
});
export type ContactInput = z.infer<typeof contactInput>;
/**
 * An edit: phone and e-mail travel masked, so a client cannot send them back; absent means
 * "keep the stored value", null (e-mail) means "clear it".
 */
export const contactUpdateInput = contactInput.extend({ phone: phone.optional() });
export type ContactUpdateInput = z.infer<typeof contactUpdateInput>;

export const contact = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  position: z.string().nullable(),
  /** Always masked (138****5678); the full number comes only from the audited reveal call. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isPrimary: z.boolean(),
});
export type Contact = z.infer<typeof contact>;
export const revealedPhone = z.object({ id: z.string(), phone: z.string() });

// ---- experts ----
export const pastEmployment = z
  .object({
    organizationName: requiredText(128),
    creditCode: creditCode.nullable().optional(),
    from: isoDate.nullable().optional(),
    to: isoDate.nullable().optional(),
    relation: z.enum(['employee', 'consultant', 'board', 'investor']).default('employee'),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.invalid' });
  });

export const EXPERT_TITLES = ['senior', 'associate_senior', 'intermediate', 'other'] as const;

export const expertInput = z.object({
  name: requiredText(64),
  regionCode,
  title: oneOf(EXPERT_TITLES),
  specialties: z.array(requiredText(64)).min(1, { error: 'validation.required' }).max(20),
  industrySections: z.array(industrySection).default([]),
  affiliationOrganizationId: z.uuid().nullable().optional(),
  affiliationName: requiredText(128),
  pastEmployments: z.array(pastEmployment).max(30).default([]),
  phone: phone.nullable().optional(),
  email: email.nullable().optional(),
  status: z.enum(['active', 'inactive']).default('active'),
});
export type ExpertInput = z.infer<typeof expertInput>;

export const expert = z.object({
  id: z.string(),
  name: z.string(),
  regionCode: z.string(),
  title: z.string(),
  specialties: z.array(z.string()),
  industrySections: z.array(z.string()),
  affiliationOrganizationId: z.string().nullable(),
  affiliationName: z.string(),
  pastEmployments: z.array(
    z.object({
      organizationName: z.string(),
      creditCode: z.string().nullable().optional(),
      from: z.string().nullable().optional(),
      to: z.string().nullable().optional(),
      relation: z.string(),
    }),
  ),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
});
export type Expert = z.infer<typeof expert>;

export const expertListQuery = listQuery.extend({
  status: z.enum(['active', 'inactive']).optional(),
  industrySection: industrySection.optional(),
});

// ---- import ----
export const importRowError = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowError>;
export const importResult = z.object({
  imported: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportResult = z.infer<typeof importResult>;

export const registrySummary = z.object({
  region: region,
  enterprises: z.number().int(),
  departments: z.number().int(),
  leadershipGroupMembers: z.number().int(),
  institutions: z.number().int(),
  experts: z.number().int(),
  enterprisesBySection: z.array(z.object({ section: z.string(), count: z.number().int() })),
});
export type RegistrySummary = z.infer<typeof registrySummary>;
