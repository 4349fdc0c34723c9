import { describe, expect, it } from 'vitest';
import { attributeDefinition, attributeDefinitions, validateAttributeValues, type AttributeDefinition } from './attributes.js';
import { formatRequestNumber, parseRequestNumber } from './request-number.js';
import { rankInstitutions } from './dispatch-ranking.js';

const defs: AttributeDefinition[] = [
  { code: 'product', name: '产品名称', datatype: 'string', required: true, order: 1, values: [] },
  { code: 'samples', name: '样品数量', datatype: 'number', required: true, order: 2, values: [] },
  { code: 'wanted_by', name: '期望完成时间', datatype: 'datetime', required: false, order: 3, values: [] },
  { code: 'notes', name: '补充说明', datatype: 'text', required: false, order: 4, values: [] },
  {
    code: 'kind',
    name: '检测类型',
    datatype: 'singlevaluelist',
    required: true,
    order: 5,
    values: [
      { key: 'full', name: '全项' },
      { key: 'part', name: '部分项目' },
    ],
  },
  {
    code: 'standards',
    name: '依据标准',
    datatype: 'multivaluelist',
    required: false,
    order: 6,
    values: [
      { key: 'gb', name: '国家标准' },
      { key: 'hb', name: '行业标准' },
    ],
  },
];

describe('attribute values', () => {
  it('accepts typed JSON and Open311 strings alike, normalized', () => {
    expect(validateAttributeValues(defs, { product: ' 尼龙切片 ', samples: 3, kind: 'full', standards: ['gb', 'gb'] })).toEqual({
      ok: true,
      values: { product: '尼龙切片', samples: 3, kind: 'full', standards: ['gb'] },
    });
    expect(
      validateAttributeValues(defs, {
        product: 'x',
        samples: '12',
        kind: 'part',
        standards: 'gb,hb',
        wanted_by: '2026-01-05T10:00:00+08:00',
        notes: '',
      }),
    ).toEqual({
      ok: true,
      values: { product: 'x', samples: 12, kind: 'part', standards: ['gb', 'hb'], wanted_by: '2026-01-05T10:00:00+08:00' },
    });
  });

  it('names every bad field', () => {
    const r = validateAttributeValues(defs, {
      samples: 'many',
      kind: 'other',
      wanted_by: '5 January',
      extra: 'x',
      standards: ['xx'],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { path: 'attributes.extra', message: 'services.attribute.unknown' },
      { path: 'attributes.product', message: 'validation.required' },
      { path: 'attributes.samples', message: 'services.attribute.notNumber' },
      { path: 'attributes.wanted_by', message: 'services.attribute.notDatetime' },
      { path: 'attributes.kind', message: 'services.attribute.notOption' },
      { path: 'attributes.standards', message: 'services.attribute.notOption' },
    ]);
  });

  it('checks definitions: list options, duplicate codes', () => {
    expect(attributeDefinition.safeParse({ code: 'k', name: 'K', datatype: 'singlevaluelist', order: 1 }).success).toBe(false);
    expect(attributeDefinition.safeParse({ code: 'Bad', name: 'K', datatype: 'string', order: 1 }).success).toBe(false);
    const twice = attributeDefinitions.safeParse([defs[0], defs[0]]);
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.message).toBe('services.attribute.duplicateCode');
  });
});

describe('request numbers', () => {
  it('formats and parses per region and year', () => {
    expect(formatRequestNumber('410471', 2026, 42)).toBe('FW410471-2026-000042');
    expect(parseRequestNumber('FW410471-2026-000042')).toEqual({ regionCode: '410471', year: 2026, serial: 42 });
    expect(parseRequestNumber('FW41047-2026-1')).toBeNull();
    expect(() => formatRequestNumber('410471', 2026, 0)).toThrow();
  });
});

describe('dispatch proposal', () => {
  it('prefers listed, less loaded, more punctual institutions', () => {
    const ranked = rankInstitutions([
      { institutionId: 'a', name: 'A', openCount: 5, completed: 10, onTime: 10, listedForService: true },
      { institutionId: 'b', name: 'B', openCount: 0, completed: 10, onTime: 9, listedForService: true },
      { institutionId: 'c', name: 'C', openCount: 0, completed: 0, onTime: 0, listedForService: false },
    ]);
    expect(ranked.map((r) => r.institutionId)).toEqual(['b', 'a', 'c']);
    expect(ranked[0]!.onTimeRate).toBe(0.9);
    expect(ranked[2]!.onTimeRate).toBeNull();
  });
});
