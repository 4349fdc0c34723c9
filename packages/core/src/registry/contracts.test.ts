import { describe, expect, it } from 'vitest';
// Through the package entry, as the server and web use it: that also installs the Zod message map.
import {
  contactInput,
  creditCode,
  departmentInput,
  enterpriseInput,
  expertInput,
  institutionInput,
  organizationListQuery,
  todayInShanghai,
  type EnterpriseInput,
} from '../index.js';

const good = {
  name: '平顶山神马尼龙新材料有限公司',
  creditCode: '914104711234567890',
  regionCode: '410471',
  industrySection: 'C',
  industryCode: '2651',
  size: 'large',
  address: '河南省平顶山市高新区火炬路1号',
  foundedOn: '1996-12-18',
};

/** path → message key of each issue, for compact assertions. */
function issuesOf(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
}

describe('registry contracts', () => {
  const valid = { ...good, creditCode: '9144030071526726XG' };

  it('accepts a complete enterprise and fills the default status', () => {
    const parsed = enterpriseInput.parse(valid) as EnterpriseInput;
    expect(parsed.status).toBe('active');
    expect(parsed.creditCode).toBe('9144030071526726XG');
  });

  it('normalizes the credit code before checking it', () => {
    expect(creditCode.parse(' 9144030071526726xg ')).toBe('9144030071526726XG');
    expect(enterpriseInput.parse({ ...valid, creditCode: '9144030071526726xg' }).creditCode).toBe('9144030071526726XG');
  });

  it('reports creditCode.checkDigit on a wrong check character', () => {
    expect(issuesOf(enterpriseInput, { ...valid, creditCode: '914403001922038217' })).toEqual([
      ['creditCode', 'creditCode.checkDigit'],
    ]);
    expect(issuesOf(enterpriseInput, { ...valid, creditCode: '91440300192203821' })).toEqual([
      ['creditCode', 'creditCode.length'],
    ]);
    expect(issuesOf(enterpriseInput, { ...valid, creditCode: '91440300192203821O' })).toEqual([
      ['creditCode', 'creditCode.charset'],
    ]);
  });

  it('reports industry.code when the code is outside the chosen section', () => {
    expect(issuesOf(enterpriseInput, { ...valid, industrySection: 'C', industryCode: '6513' })).toEqual([
      ['industryCode', 'industry.code'],
    ]);
    expect(issuesOf(enterpriseInput, { ...valid, industrySection: 'I', industryCode: '6513' })).toEqual([]);
    expect(issuesOf(enterpriseInput, { ...valid, industryCode: '26x' })).toEqual([['industryCode', 'industry.code']]);
    expect(issuesOf(enterpriseInput, { ...valid, industrySection: 'Z' })).toEqual([['industrySection', 'industry.section']]);
  });

  it('rejects dates that do not exist, with one reason', () => {
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: '2023-02-30' })).toEqual([['foundedOn', 'date.invalid']]);
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: '2023-13-01' })).toEqual([['foundedOn', 'date.invalid']]);
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: '2023/02/01' })).toEqual([['foundedOn', 'date.invalid']]);
    // A malformed date is not also "in the future".
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: 'yesterday' })).toEqual([['foundedOn', 'date.invalid']]);
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: '9999-99-99' })).toEqual([['foundedOn', 'date.invalid']]);
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: '2024-02-29' })).toEqual([]);
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: '2023-02-29' })).toEqual([['foundedOn', 'date.invalid']]);
  });

  it('rejects a founding date in the future but accepts today (Asia/Shanghai)', () => {
    const nextYear = `${Number(todayInShanghai().slice(0, 4)) + 1}-01-01`;
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: nextYear })).toEqual([['foundedOn', 'date.future']]);
    expect(issuesOf(enterpriseInput, { ...valid, foundedOn: todayInShanghai() })).toEqual([]);
  });

  it('reports every missing required field as required', () => {
    const issues = issuesOf(enterpriseInput, {});
    for (const field of ['name', 'creditCode', 'regionCode', 'industrySection', 'industryCode', 'size', 'address', 'foundedOn']) {
      expect(issues).toContainEqual([field, 'validation.required']);
    }
    expect(issuesOf(enterpriseInput, { ...valid, name: '   ' })).toEqual([['name', 'validation.required']]);
  });

  it('checks region code shape, size and status options, text length', () => {
    expect(issuesOf(enterpriseInput, { ...valid, regionCode: '41047' })).toEqual([['regionCode', 'regionCode.format']]);
    expect(issuesOf(enterpriseInput, { ...valid, size: 'huge' })).toEqual([['size', 'validation.invalidOption']]);
    expect(issuesOf(enterpriseInput, { ...valid, status: 'gone' })).toEqual([['status', 'validation.invalidOption']]);
    expect(issuesOf(enterpriseInput, { ...valid, name: '企'.repeat(129) })).toEqual([['name', 'validation.tooLong']]);
  });

  it('validates departments, institutions, contacts and experts', () => {
    expect(departmentInput.parse({ name: '经发局', regionCode: '410471' })).toMatchObject({
      inLeadershipGroup: false,
      status: 'active',
    });
    expect(issuesOf(departmentInput, { name: '经发局', regionCode: '410471', creditCode: '914403001922038217' })).toEqual([
      ['creditCode', 'creditCode.checkDigit'],
    ]);
    expect(
      issuesOf(institutionInput, { name: '检测中心', regionCode: '410471', creditCode: '914403001922038216', nqiCategories: [] }),
    ).toEqual([['nqiCategories', 'validation.required']]);
    expect(
      issuesOf(institutionInput, {
        name: '检测中心',
        regionCode: '410471',
        creditCode: '914403001922038216',
        nqiCategories: ['magic'],
      }),
    ).toEqual([['nqiCategories.0', 'validation.invalidOption']]);
    expect(issuesOf(contactInput, { name: '张经理', phone: '138-1234-5678' })).toEqual([]);
    expect(issuesOf(contactInput, { name: '张经理', phone: 'call me' })).toEqual([['phone', 'phone.format']]);
    expect(issuesOf(contactInput, { name: '张经理', phone: '13812345678', email: 'nope' })).toEqual([['email', 'email.format']]);
    const expert = {
      name: '赵建国',
      regionCode: '410471',
      title: 'senior',
      specialties: ['卓越绩效'],
      affiliationName: '平顶山学院',
    };
    expect(issuesOf(expertInput, expert)).toEqual([]);
    expect(
      issuesOf(expertInput, {
        ...expert,
        pastEmployments: [{ organizationName: '某公司', from: '2019-01-01', to: '2018-01-01' }],
      }),
    ).toEqual([['pastEmployments.0.to', 'validation.invalid']]);
  });

  it('pages lists: defaults, coercion from the query string, at most 200 per page', () => {
    expect(organizationListQuery.parse({})).toMatchObject({ current: 1, pageSize: 20 });
    expect(organizationListQuery.parse({ current: '3', pageSize: '50', sort: '-name' })).toMatchObject({
      current: 3,
      pageSize: 50,
      sort: '-name',
    });
    expect(organizationListQuery.parse({ pageSize: '200' }).pageSize).toBe(200);
    expect(issuesOf(organizationListQuery, { pageSize: '201' })).toEqual([['pageSize', 'validation.tooBig']]);
    expect(issuesOf(organizationListQuery, { current: '0' })).toEqual([['current', 'validation.tooSmall']]);
    expect(issuesOf(organizationListQuery, { sort: 'name;drop' })).toEqual([['sort', 'validation.invalidFormat']]);
    expect(organizationListQuery.parse({ inLeadershipGroup: 'true' }).inLeadershipGroup).toBe(true);
    expect(organizationListQuery.parse({ inLeadershipGroup: 'false' }).inLeadershipGroup).toBe(false);
  });
});
