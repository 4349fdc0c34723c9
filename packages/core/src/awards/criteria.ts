import { z } from 'zod';
import type { MessageKey } from '../shared/messages.js';

/**
 * Performance-excellence criteria as versioned data. A cycle pins one version by id, so a score
 * sheet is always read against the table it was given under. The built-in versions are below;
 * another (a local rulebook, a revised standard) is loaded from JSON through `criteriaVersion`.
 *
 * Item kinds: `process` items are judged on approach–deployment–learning–integration (ADLI,
 * 方法-展开-学习-整合), `results` items on level–trend–comparison–integration (LeTCI,
 * 水平-趋势-对比-整合); the kind picks the band descriptions the UI shows.
 */

export const ITEM_KINDS = ['process', 'results'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

const text = (max: number) =>
  z.string().trim().min(1, { error: 'validation.required' }).max(max, { error: 'validation.tooLong' });
const points = z.number().int().min(1).max(1000);

export const criteriaItem = z.object({
  /** Unique within the version; what score entries refer to (`4.4.2`). */
  id: text(16),
  name: z.object({ zh: text(64), en: text(128).optional() }),
  points,
  kind: z.enum(ITEM_KINDS),
});

export const criteriaCategory = z.object({
  id: text(16),
  name: z.object({ zh: text(64), en: text(128) }),
  points,
  items: z.array(criteriaItem).min(1).max(30),
});

const criteriaVersionShape = z.object({
  /** e.g. `GB/T 19580-2012`; a cycle stores this id. */
  id: text(64),
  name: z.object({ zh: text(128), en: text(128) }),
  total: points,
  /** The point values come from a secondary source: the UI says "verify against the official text". */
  verify: z.boolean(),
  note: z.object({ zh: text(500), en: text(500) }).optional(),
  categories: z.array(criteriaCategory).min(1).max(20),
});

export type CriteriaItem = z.infer<typeof criteriaItem>;
export type CriteriaCategory = z.infer<typeof criteriaCategory>;
export type CriteriaVersion = z.infer<typeof criteriaVersionShape>;

export interface CriteriaIssue {
  path: (string | number)[];
  message: MessageKey;
}

/**
 * What is wrong with a version's arithmetic and ids: items must add up to their category,
 * categories to the total; ids unique (categories among categories, items among items).
 */
export function criteriaVersionIssues(version: CriteriaVersion): CriteriaIssue[] {
  const issues: CriteriaIssue[] = [];
  const categoryIds = new Set<string>();
  const itemIds = new Set<string>();
  version.categories.forEach((category, c) => {
    if (categoryIds.has(category.id)) issues.push({ path: ['categories', c, 'id'], message: 'awards.criteria.duplicateId' });
    categoryIds.add(category.id);
    category.items.forEach((item, i) => {
      if (itemIds.has(item.id))
        issues.push({ path: ['categories', c, 'items', i, 'id'], message: 'awards.criteria.duplicateId' });
      itemIds.add(item.id);
    });
    const sum = category.items.reduce((s, item) => s + item.points, 0);
    if (sum !== category.points) issues.push({ path: ['categories', c, 'points'], message: 'awards.criteria.itemSum' });
  });
  const sum = version.categories.reduce((s, category) => s + category.points, 0);
  if (sum !== version.total) issues.push({ path: ['total'], message: 'awards.criteria.categorySum' });
  return issues;
}

/** A criteria version as loaded from JSON: shape, then sums and ids. */
export const criteriaVersion = criteriaVersionShape.superRefine((v, ctx) => {
  for (const issue of criteriaVersionIssues(v)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

export interface FlatCriteriaItem extends CriteriaItem {
  categoryId: string;
}

/** The items in order, each with its category id. */
export function criteriaItems(version: CriteriaVersion): FlatCriteriaItem[] {
  return version.categories.flatMap((category) => category.items.map((item) => ({ ...item, categoryId: category.id })));
}

/** Points by item kind, e.g. GB/T 19580-2012 → { process: 600, results: 400 }. */
export function pointsByKind(version: CriteriaVersion): Record<ItemKind, number> {
  const sums: Record<ItemKind, number> = { process: 0, results: 0 };
  for (const item of criteriaItems(version)) sums[item.kind] += item.points;
  return sums;
}

// ---- built-in versions ----

const P = 'process' as const;
const R = 'results' as const;

/**
 * GB/T 19580-2012 卓越绩效评价准则, 7 categories and 23 items, as commonly reproduced
 * (DOMAIN §2). Verify the item points against the official text before a real cycle.
 */
export const GBT_19580_2012: CriteriaVersion = {
  id: 'GB/T 19580-2012',
  name: { zh: 'GB/T 19580-2012 卓越绩效评价准则', en: 'GB/T 19580-2012 Criteria for performance excellence' },
  total: 1000,
  verify: true,
  note: {
    zh: '条目分值依据常见转载版本，请以标准正式文本核对。',
    en: 'Item points follow commonly reproduced copies of the standard; verify against the official text.',
  },
  categories: [
    {
      id: '4.1',
      name: { zh: '领导', en: 'Leadership' },
      points: 110,
      items: [
        { id: '4.1.1', name: { zh: '高层领导的作用', en: 'Role of senior leaders' }, points: 50, kind: P },
        { id: '4.1.2', name: { zh: '组织治理', en: 'Organizational governance' }, points: 30, kind: P },
        { id: '4.1.3', name: { zh: '社会责任', en: 'Social responsibility' }, points: 30, kind: P },
      ],
    },
    {
      id: '4.2',
      name: { zh: '战略', en: 'Strategy' },
      points: 90,
      items: [
        { id: '4.2.1', name: { zh: '战略制定', en: 'Strategy development' }, points: 40, kind: P },
        { id: '4.2.2', name: { zh: '战略部署', en: 'Strategy deployment' }, points: 50, kind: P },
      ],
    },
    {
      id: '4.3',
      name: { zh: '顾客与市场', en: 'Customers and markets' },
      points: 90,
      items: [
        { id: '4.3.1', name: { zh: '顾客和市场的了解', en: 'Understanding customers and markets' }, points: 40, kind: P },
        { id: '4.3.2', name: { zh: '顾客关系与顾客满意', en: 'Customer relationships and satisfaction' }, points: 50, kind: P },
      ],
    },
    {
      id: '4.4',
      name: { zh: '资源', en: 'Resources' },
      points: 130,
      items: [
        { id: '4.4.1', name: { zh: '人力资源', en: 'Human resources' }, points: 60, kind: P },
        { id: '4.4.2', name: { zh: '财务资源', en: 'Financial resources' }, points: 15, kind: P },
        { id: '4.4.3', name: { zh: '信息和知识资源', en: 'Information and knowledge resources' }, points: 20, kind: P },
        { id: '4.4.4', name: { zh: '技术资源', en: 'Technology resources' }, points: 15, kind: P },
        { id: '4.4.5', name: { zh: '基础设施', en: 'Infrastructure' }, points: 10, kind: P },
        { id: '4.4.6', name: { zh: '相关方关系', en: 'Relationships with stakeholders' }, points: 10, kind: P },
      ],
    },
    {
      id: '4.5',
      name: { zh: '过程管理', en: 'Process management' },
      points: 100,
      items: [
        { id: '4.5.1', name: { zh: '过程的识别与设计', en: 'Process identification and design' }, points: 50, kind: P },
        { id: '4.5.2', name: { zh: '过程的实施与改进', en: 'Process implementation and improvement' }, points: 50, kind: P },
      ],
    },
    {
      id: '4.6',
      name: { zh: '测量、分析与改进', en: 'Measurement, analysis and improvement' },
      points: 80,
      items: [
        { id: '4.6.1', name: { zh: '测量、分析和评价', en: 'Measurement, analysis and review' }, points: 40, kind: P },
        { id: '4.6.2', name: { zh: '改进与创新', en: 'Improvement and innovation' }, points: 40, kind: P },
      ],
    },
    {
      id: '4.7',
      name: { zh: '结果', en: 'Results' },
      points: 400,
      items: [
        { id: '4.7.1', name: { zh: '产品和服务结果', en: 'Product and service results' }, points: 80, kind: R },
        { id: '4.7.2', name: { zh: '顾客与市场结果', en: 'Customer and market results' }, points: 80, kind: R },
        { id: '4.7.3', name: { zh: '财务结果', en: 'Financial results' }, points: 80, kind: R },
        { id: '4.7.4', name: { zh: '资源结果', en: 'Resource results' }, points: 60, kind: R },
        { id: '4.7.5', name: { zh: '过程有效性结果', en: 'Process effectiveness results' }, points: 50, kind: R },
        { id: '4.7.6', name: { zh: '领导方面的结果', en: 'Leadership results' }, points: 50, kind: R },
      ],
    },
  ],
};

/**
 * A category-level version: one item per category, carrying the category's id, name and points,
 * for frameworks whose item split a programme does not use.
 */
function categoryLevel(
  id: string,
  name: CriteriaVersion['name'],
  note: NonNullable<CriteriaVersion['note']>,
  categories: readonly [string, string, string, number, ItemKind][],
): CriteriaVersion {
  return {
    id,
    name,
    total: categories.reduce((s, c) => s + c[3], 0),
    verify: true,
    note,
    categories: categories.map(([cid, zh, en, pts, kind]) => ({
      id: cid,
      name: { zh, en },
      points: pts,
      items: [{ id: cid, name: { zh, en }, points: pts, kind }],
    })),
  };
}

/** Baldrige Excellence Framework category weights (120/85/85/90/85/85/450). */
export const BALDRIGE_CATEGORIES = categoryLevel(
  'Baldrige',
  { zh: '波多里奇卓越框架（类目级）', en: 'Baldrige Excellence Framework (category level)' },
  {
    zh: '仅含类目分值（120/85/85/90/85/85/450），每个类目作为一个评分条目；请以当期框架文本核对。',
    en: 'Category weights only (120/85/85/90/85/85/450), each category scored as one item; verify against the current framework.',
  },
  [
    ['1', '领导', 'Leadership', 120, P],
    ['2', '战略', 'Strategy', 85, P],
    ['3', '顾客', 'Customers', 85, P],
    ['4', '测量、分析与知识管理', 'Measurement, analysis, and knowledge management', 90, P],
    ['5', '员工', 'Workforce', 85, P],
    ['6', '运营', 'Operations', 85, P],
    ['7', '结果', 'Results', 450, R],
  ],
);

/** EFQM Model (2020 edition) criterion weights (100/100/100/200/100/200/200). */
export const EFQM_CATEGORIES = categoryLevel(
  'EFQM 2020',
  { zh: 'EFQM 卓越模式 2020（准则级）', en: 'EFQM Model 2020 (criterion level)' },
  {
    zh: '仅含准则分值（100/100/100/200/100/200/200），每个准则作为一个评分条目；EFQM 以 RADAR 评分，此处沿用本平台的过程/结果评分带；请以当期模式文本核对。',
    en: 'Criterion weights only (100/100/100/200/100/200/200), each criterion scored as one item; EFQM scores with RADAR, here the platform’s process/results bands are used; verify against the current model.',
  },
  [
    ['1', '目的、愿景与战略', 'Purpose, vision and strategy', 100, P],
    ['2', '组织文化与领导力', 'Organisational culture and leadership', 100, P],
    ['3', '利益相关方参与', 'Engaging stakeholders', 100, P],
    ['4', '创造可持续价值', 'Creating sustainable value', 200, P],
    ['5', '驱动绩效与变革', 'Driving performance and transformation', 100, P],
    ['6', '利益相关方感知', 'Stakeholder perceptions', 200, R],
    ['7', '战略与运营绩效', 'Strategic and operational performance', 200, R],
  ],
);

export const DEFAULT_CRITERIA_VERSION_ID = GBT_19580_2012.id;

/** The versions the platform ships; a region's own versions are loaded beside them. */
export const BUILT_IN_CRITERIA_VERSIONS: readonly CriteriaVersion[] = [GBT_19580_2012, BALDRIGE_CATEGORIES, EFQM_CATEGORIES];

export function builtInCriteriaVersion(id: string): CriteriaVersion | undefined {
  return BUILT_IN_CRITERIA_VERSIONS.find((v) => v.id === id);
}

// ---- scoring bands (help text) ----

export interface ScoringBand {
  min: number;
  max: number;
  process: { zh: string; en: string };
  results: { zh: string; en: string };
}

/**
 * The six bands an examiner chooses within (DOMAIN §2). A percentage is a best fit inside a
 * band, not the output of a formula; these texts are the UI's help.
 */
export const SCORING_BANDS: readonly ScoringBand[] = [
  {
    min: 0,
    max: 5,
    process: { zh: '没有系统的方法；信息是零散的、个别的', en: 'No systematic approach; information is anecdotal' },
    results: { zh: '没有结果或结果很差', en: 'No results or poor results' },
  },
  {
    min: 10,
    max: 25,
    process: {
      zh: '开始有系统的方法，应对条目的基本要求',
      en: 'The beginning of a systematic approach to the basic requirements of the item',
    },
    results: { zh: '结果很少，几乎没有趋势或对比信息', en: 'Few results, with little trend or comparison information' },
  },
  {
    min: 30,
    max: 45,
    process: {
      zh: '有效的、系统的方法应对条目的基本要求，但仍有若干差距',
      en: 'An effective, systematic approach to the basic requirements, with some gaps',
    },
    results: { zh: '多数方面有良好水平，开始显现趋势', en: 'Good levels in many areas; early trends' },
  },
  {
    min: 50,
    max: 65,
    process: {
      zh: '有效的、系统的方法应对条目的总体要求，展开良好',
      en: 'An effective, systematic approach to the overall requirements, well deployed',
    },
    results: { zh: '大多数方面水平良好，趋势持续改进', en: 'Good levels and improving trends in most areas' },
  },
  {
    min: 70,
    max: 85,
    process: {
      zh: '有效的、系统的方法应对条目的多重要求，有创新，并与组织需要整合',
      en: 'An effective, systematic approach responsive to the multiple requirements, with innovation, integrated with organizational needs',
    },
    results: {
      zh: '良好至卓越的水平，持续保持，在对比中处于领先',
      en: 'Good to excellent levels, sustained, leading in comparisons',
    },
  },
  {
    min: 90,
    max: 100,
    process: {
      zh: '完全应对条目的各项要求，全面展开，全组织范围的创新与整合',
      en: 'Fully responsive to all requirements, fully deployed, organization-wide innovation and integration',
    },
    results: { zh: '卓越的水平，处于标杆领先地位', en: 'Excellent levels; benchmark leadership' },
  },
];

/** The band a percentage falls in (the bands cover 0–100 in steps of 5 without gaps). */
export function bandOf(percentage: number): ScoringBand | undefined {
  return SCORING_BANDS.find((b) => percentage >= b.min && percentage <= b.max);
}
