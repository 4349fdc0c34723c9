import { describe, expect, it } from 'vitest';
import { ENTERPRISE_COLUMNS, SIZE_LABELS, STATUS_LABELS, codeFromLabel, enterpriseColumnOf } from './enterprise-columns.js';

describe('enterprise spreadsheet columns', () => {
  it('finds a column by its Chinese or English header, ignoring case and spaces', () => {
    expect(enterpriseColumnOf('统一社会信用代码')).toBe('creditCode');
    expect(enterpriseColumnOf(' 企业 名称 ')).toBe('name');
    expect(enterpriseColumnOf('Credit code')).toBe('creditCode');
    expect(enterpriseColumnOf('CREDITCODE')).toBe('creditCode');
    expect(enterpriseColumnOf('founded on')).toBe('foundedOn');
    expect(enterpriseColumnOf('备注')).toBeNull();
  });

  it('maps every column back to itself from either header', () => {
    for (const c of ENTERPRISE_COLUMNS) {
      expect(enterpriseColumnOf(c.zh)).toBe(c.key);
      expect(enterpriseColumnOf(c.en)).toBe(c.key);
    }
  });

  it('reads a size or status from its code or label in either language', () => {
    expect(codeFromLabel(SIZE_LABELS, '小型')).toBe('small');
    expect(codeFromLabel(SIZE_LABELS, 'medium')).toBe('medium');
    expect(codeFromLabel(SIZE_LABELS, ' Large ')).toBe('large');
    expect(codeFromLabel(STATUS_LABELS, '在业')).toBe('active');
    expect(codeFromLabel(STATUS_LABELS, '注销')).toBe('closed');
    expect(codeFromLabel(SIZE_LABELS, '巨型')).toBe('巨型');
  });
});
