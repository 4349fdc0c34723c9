import { sql } from 'drizzle-orm';
import { searchGramsColumn } from '../../platform/db/keyword-search.js';
import { boolean, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
  codeType: text('code_type', { enum: ['gbt2260', 'functional_zone'] }).notNull(),
});

/**
 * Enterprises, government departments and service institutions share one table: they are all
 * organizations a user can belong to, and lists, search and scoping work the same for each.
 * Kind-specific columns stay null for the other kinds.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['enterprise', 'department', 'institution'] }).notNull(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    creditCode: text('credit_code'),
    address: text('address'),
    status: text('status', { enum: ['active', 'suspended', 'closed'] }).notNull(),
    // enterprise
    industrySection: text('industry_section'),
    industryCode: text('industry_code'),
    size: text('size'),
    foundedOn: date('founded_on', { mode: 'string' }),
    legalRepresentative: text('legal_representative'),
    mainProducts: text('main_products'),
    // department
    inLeadershipGroup: boolean('in_leadership_group').notNull().default(false),
    leadershipRole: text('leadership_role'),
    responsibilities: text('responsibilities'),
    // institution
    nqiCategories: text('nqi_categories')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    qualifications: text('qualifications'),
    /** The name's one- and two-character pieces for the keyword search (platform/db/keyword-search.ts). */
    searchGrams: searchGramsColumn(sql`name`),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('organizations_credit_code_uq').on(t.creditCode),
    index('organizations_region_kind_idx').on(t.regionCode, t.kind, t.createdAt),
    index('organizations_region_prefix_idx').on(sql`${t.regionCode} text_pattern_ops`),
    // keyword search: gram index for "name contains", pattern index for "credit code starts with"
    index('organizations_search_grams_idx').using('gin', t.searchGrams),
    index('organizations_credit_code_prefix_idx').on(sql`${t.creditCode} text_pattern_ops`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    position: text('position'),
    phone: text('phone').notNull(),
    email: text('email'),
    isPrimary: boolean('is_primary').notNull().default(false),
    status: text('status', { enum: ['active', 'removed'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('contacts_org_idx').on(t.organizationId)],
);

export interface PastEmploymentRow {
  organizationName: string;
  creditCode?: string | null;
  from?: string | null;
  to?: string | null;
  relation: string;
}

export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    title: text('title').notNull(),
    specialties: text('specialties').array().notNull(),
    industrySections: text('industry_sections').array().notNull(),
    affiliationOrganizationId: uuid('affiliation_organization_id').references(() => organizations.id),
    affiliationName: text('affiliation_name').notNull(),
    /** Past employers and other ties, kept for the conflict-of-interest checks of award reviews. */
    pastEmployments: jsonb('past_employments').$type<PastEmploymentRow[]>().notNull(),
    phone: text('phone'),
    email: text('email'),
    userId: uuid('user_id'),
    status: text('status', { enum: ['active', 'inactive'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('experts_region_idx').on(t.regionCode)],
);
