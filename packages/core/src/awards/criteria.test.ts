import { describe, expect, it } from 'vitest';
import {
  BALDRIGE_CATEGORIES,
  BUILT_IN_CRITERIA_VERSIONS,
  DEFAULT_CRITERIA_VERSION_ID,
  EFQM_CATEGORIES,
  GBT_19580_2012,
  SCORING_BANDS,
  bandOf,
  builtInCriteriaVersion,
  criteriaItems,
  criteriaVersion,
  criteriaVersionIssues,
  pointsByKind,
  type CriteriaVersion,
} from './criteria.js';

describe('GB/T 19580-2012 criteria', () => {
  const items = criteriaItems(GBT_19580_2012);

  it('has 7 categories and 23 items adding up to 1000: 600 process, 400 results', () => {
    expect(GBT_19580_2012.id).toBe('GB/T 19580-2012');
    expect(DEFAULT_CRITERIA_VERSION_ID).toBe('GB/T 19580-2012');
    expect(GBT_19580_2012.categories.map((c) => c.id)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
    expect(items).toHaveLength(23);
    expect(items.reduce((s, i) => s + i.points, 0)).toBe(1000);
    expect(GBT_19580_2012.total).toBe(1000);
    expect(pointsByKind(GBT_19580_2012)).toEqual({ process: 600, results: 400 });
    expect(criteriaVersionIssues(GBT_19580_2012)).toEqual([]);
  });

  it('gives each category the points of DOMAIN §2', () => {
    expect(Object.fromEntries(GBT_19580_2012.categories.map((c) => [c.id, [c.name.zh, c.points, c.items.length]]))).toEqual({
      '4.1': ['领导', 110, 3],
      '4.2': ['战略', 90, 2],
      '4.3': ['顾客与市场', 90, 2],
      '4.4': ['资源', 130, 6],
      '4.5': ['过程管理', 100, 2],
      '4.6': ['测量、分析与改进', 80, 2],
      '4.7': ['结果', 400, 6],
    });
  });

  it('lists every item with its points as DOMAIN §2 does', () => {
    expect(items.map((i) => `${i.name.zh} ${i.points}`)).toEqual([
      '高层领导的作用 50',
      '组织治理 30',
      '社会责任 30',
      '战略制定 40',
      '战略部署 50',
      '顾客和市场的了解 40',
      '顾客关系与顾客满意 50',
      '人力资源 60',
      '财务资源 15',
      '信息和知识资源 20',
      '技术资源 15',
      '基础设施 10',
      '相关方关系 10',
      '过程的识别与设计 50',
      '过程的实施与改进 50',
      '测量、分析和评价 40',
      '改进与创新 40',
      '产品和服务结果 80',
      '顾客与市场结果 80',
      '财务结果 80',
      '资源结果 60',
      '过程有效性结果 50',
      '领导方面的结果 50',
    ]);
  });

  it('judges 4.1–4.6 items as processes (ADLI) and 4.7 items as results (LeTCI)', () => {
    for (const item of items) {
      expect(item.kind, item.id).toBe(item.categoryId === '4.7' ? 'results' : 'process');
      expect(item.id.startsWith(`${item.categoryId}.`), item.id).toBe(true);
    }
  });

  it('is marked for verification against the official text', () => {
    expect(GBT_19580_2012.verify).toBe(true);
    expect(GBT_19580_2012.note?.en).toMatch(/verify/i);
  });
});

describe('other criteria versions', () => {
  it('carries the Baldrige and EFQM category weights, one item per category', () => {
    expect(BALDRIGE_CATEGORIES.categories.map((c) => c.points)).toEqual([120, 85, 85, 90, 85, 85, 450]);
    expect(EFQM_CATEGORIES.categories.map((c) => c.points)).toEqual([100, 100, 100, 200, 100, 200, 200]);
    for (const v of [BALDRIGE_CATEGORIES, EFQM_CATEGORIES]) {
      expect(v.total).toBe(1000);
      expect(v.categories.every((c) => c.items.length === 1 && c.items[0]!.points === c.points)).toBe(true);
    }
    expect(pointsByKind(BALDRIGE_CATEGORIES)).toEqual({ process: 550, results: 450 });
    expect(pointsByKind(EFQM_CATEGORIES)).toEqual({ process: 600, results: 400 });
  });

  it('ships only valid versions, each findable by id', () => {
    const ids = BUILT_IN_CRITERIA_VERSIONS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of BUILT_IN_CRITERIA_VERSIONS) {
      expect(criteriaVersion.safeParse(v).success, v.id).toBe(true);
      expect(builtInCriteriaVersion(v.id)).toBe(v);
    }
    expect(builtInCriteriaVersion('GB/T 19580-2004')).toBeUndefined();
  });
});

describe('criteria version contract', () => {
  const copy = (): CriteriaVersion => JSON.parse(JSON.stringify(GBT_19580_2012));
  const issues = (v: unknown) => (criteriaVersion.safeParse(v).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

  it('loads a version from JSON', () => {
    const local = { ...copy(), id: 'DB4104/T 1-2024', verify: false };
    expect(criteriaVersion.parse(JSON.parse(JSON.stringify(local))).id).toBe('DB4104/T 1-2024');
  });

  it('refuses items that do not add up to their category', () => {
    const v = copy();
    v.categories[3]!.items[1]!.points = 20;
    expect(issues(v)).toEqual([['categories.3.points', 'awards.criteria.itemSum']]);
  });

  it('refuses categories that do not add up to the total', () => {
    const v = copy();
    v.total = 900;
    expect(issues(v)).toEqual([['total', 'awards.criteria.categorySum']]);
  });

  it('refuses repeated ids', () => {
    const v = copy();
    v.categories[1]!.items[0]!.id = '4.1.1';
    v.categories[2]!.id = '4.1';
    expect(issues(v)).toEqual([
      ['categories.1.items.0.id', 'awards.criteria.duplicateId'],
      ['categories.2.id', 'awards.criteria.duplicateId'],
    ]);
  });

  it('refuses an unknown item kind and fractional points', () => {
    const v = copy() as unknown as { categories: { items: { kind: string; points: number }[] }[] };
    v.categories[0]!.items[0]!.kind = 'outcome';
    v.categories[0]!.items[1]!.points = 29.5;
    expect(issues(v).map(([path]) => path)).toEqual(['categories.0.items.0.kind', 'categories.0.items.1.points']);
  });
});

describe('scoring bands', () => {
  it('cover 0–100 in steps of 5 without gaps or overlaps, each described in both languages', () => {
    for (let p = 0; p <= 100; p += 5) {
      expect(
        SCORING_BANDS.filter((b) => p >= b.min && p <= b.max),
        String(p),
      ).toHaveLength(1);
    }
    expect(SCORING_BANDS.map((b) => `${b.min}-${b.max}`)).toEqual(['0-5', '10-25', '30-45', '50-65', '70-85', '90-100']);
    for (const b of SCORING_BANDS) {
      for (const text of [b.process, b.results]) {
        expect(/[\u4e00-\u9fff]/.test(text.zh)).toBe(true);
        expect(text.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('finds the band of a percentage', () => {
    expect(bandOf(0)?.min).toBe(0);
    expect(bandOf(25)?.min).toBe(10);
    expect(bandOf(70)?.max).toBe(85);
    expect(bandOf(100)?.min).toBe(90);
  });
});
