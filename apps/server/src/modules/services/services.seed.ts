import {
  buildWorkingCalendar,
  CN_HOLIDAY_SCHEDULES,
  DEFAULT_TIME_LIMITS,
  formatRequestNumber,
  stepDeadline,
  stepOf,
  todayInShanghai,
  type AttributeDefinition,
  type NqiCategory,
  type RequestState,
} from '@qd/core';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { DemoSeedContext } from '../../platform/server-module.js';
import { listActiveInstitutions } from '../registry/index.js';
import * as repo from './services.repo.js';
import { serviceRequestCounters } from './services.tables.js';

const list = (code: string, name: string, values: [string, string][], required = true): AttributeDefinition => ({
  code,
  name,
  datatype: 'singlevaluelist',
  required,
  order: 0,
  values: values.map(([key, n]) => ({ key, name: n })),
});

/** One or two services per category, as a real station lists them. */
const SERVICES: {
  code: string;
  category: NqiCategory;
  name: string;
  description: string;
  charge: 'free' | 'charged';
  service: number;
  attributes: AttributeDefinition[];
}[] = [
  {
    code: 'TEST-PRODUCT',
    category: 'testing',
    name: '产品质量检验检测',
    description: '依据国家、行业标准对企业产品进行委托检验，出具 CMA 检验报告。',
    charge: 'charged',
    service: 10,
    attributes: [
      { code: 'product', name: '产品名称及型号', datatype: 'string', required: true, order: 1, values: [] },
      { code: 'samples', name: '样品数量（件）', datatype: 'number', required: true, order: 2, values: [] },
      {
        ...list('scope', '检验类型', [
          ['full', '全项检验'],
          ['partial', '部分项目'],
        ]),
        order: 3,
      },
      { code: 'wanted_by', name: '期望出具报告时间', datatype: 'datetime', required: false, order: 4, values: [] },
    ],
  },
  {
    code: 'STD-DRAFT',
    category: 'standardization',
    name: '企业标准制修订辅导',
    description: '辅导企业起草、修订企业标准和团体标准，指导在企业标准信息公共服务平台自我声明公开。',
    charge: 'free',
    service: 15,
    attributes: [
      {
        ...list('kind', '标准类型', [
          ['enterprise', '企业标准'],
          ['group', '团体标准'],
        ]),
        order: 1,
      },
    ],
  },
  {
    code: 'CERT-SYSTEM',
    category: 'certification',
    name: '管理体系认证咨询',
    description: 'ISO 9001、ISO 14001、ISO 45001 等管理体系认证的政策咨询和认证机构对接。',
    charge: 'charged',
    service: 10,
    attributes: [
      {
        code: 'systems',
        name: '拟认证体系',
        datatype: 'multivaluelist',
        required: true,
        order: 1,
        values: [
          { key: 'iso9001', name: 'ISO 9001 质量管理体系' },
          { key: 'iso14001', name: 'ISO 14001 环境管理体系' },
          { key: 'iso45001', name: 'ISO 45001 职业健康安全管理体系' },
        ],
      },
    ],
  },
  {
    code: 'METRO-CALIB',
    category: 'metrology',
    name: '计量器具检定校准',
    description: '强制检定工作计量器具的检定和非强检器具的校准，上门或送检。',
    charge: 'charged',
    service: 7,
    attributes: [
      { code: 'instruments', name: '器具名称及数量', datatype: 'text', required: true, order: 1, values: [] },
      {
        ...list('onsite', '是否需要上门', [
          ['yes', '上门'],
          ['no', '送检'],
        ]),
        order: 2,
      },
    ],
  },
  {
    code: 'SE-INSPECT',
    category: 'special_equipment',
    name: '特种设备定期检验',
    description: '锅炉、压力容器、电梯、起重机械等特种设备的定期检验预约和隐患排查指导。',
    charge: 'charged',
    service: 10,
    attributes: [
      {
        ...list('equipment', '设备类别', [
          ['boiler', '锅炉'],
          ['vessel', '压力容器'],
          ['lift', '电梯'],
          ['crane', '起重机械'],
        ]),
        order: 1,
      },
    ],
  },
  {
    code: 'BRAND-PLAN',
    category: 'brand',
    name: '品牌培育诊断',
    description: '对照 GB/T 27925 开展品牌培育现状诊断，提出品牌建设路径。',
    charge: 'free',
    service: 15,
    attributes: [],
  },
  {
    code: 'QM-EXCELLENCE',
    category: 'quality_management',
    name: '卓越绩效自评辅导',
    description: '依据 GB/T 19580 指导企业开展卓越绩效自我评价，准备质量奖申报材料。',
    charge: 'free',
    service: 20,
    attributes: [{ code: 'employees', name: '员工人数', datatype: 'number', required: false, order: 1, values: [] }],
  },
  {
    code: 'IP-PATENT',
    category: 'intellectual_property',
    name: '专利申请与布局咨询',
    description: '专利挖掘、申请流程和费用减缴政策咨询，商标注册指导。',
    charge: 'free',
    service: 10,
    attributes: [
      {
        ...list('type', '类型', [
          ['invention', '发明专利'],
          ['utility', '实用新型'],
          ['design', '外观设计'],
          ['trademark', '商标'],
        ]),
        order: 1,
      },
    ],
  },
  {
    code: 'LEGAL-QUALITY',
    category: 'legal',
    name: '质量法律法规咨询',
    description: '产品质量法、标准化法、计量法等法律法规及行政处罚风险的咨询。',
    charge: 'free',
    service: 5,
    attributes: [{ code: 'question', name: '咨询的问题', datatype: 'text', required: true, order: 1, values: [] }],
  },
];

/** What an enterprise writes when it asks for each demo service (by the service's index above). */
const NEEDS = [
  '尼龙66切片新批次需出具型式检验报告，用于客户准入审核。',
  '拟制定工业丝企业标准，请协助对照国家标准确定技术指标。',
  '计划明年通过IATF 16949认证，希望了解差距评估和准备周期。',
  '车间在用电子天平和压力表需年度检定校准，共约40台件。',
  '厂区两台蒸汽锅炉定期检验即将到期，请安排检验。',
  '希望对“神马”品牌开展培育诊断，梳理品牌建设短板。',
  '准备申报区长质量奖，请辅导卓越绩效自评报告的编写。',
  '新研发的纺丝工艺拟申请发明专利，请评估可专利性。',
  '收到客户关于产品标识不规范的投诉，咨询法律责任与整改要求。',
];

/** The demo history: requests in every stage, over the last months, for the inbox and the board. */
const HISTORY: { state: RequestState; service: number; daysAgo: number; rating?: number; late?: boolean }[] = [
  { state: 'submitted', service: 0, daysAgo: 0 },
  { state: 'submitted', service: 8, daysAgo: 5 },
  { state: 'accepted', service: 1, daysAgo: 3 },
  { state: 'dispatched', service: 3, daysAgo: 2 },
  { state: 'in_service', service: 0, daysAgo: 6 },
  { state: 'in_service', service: 4, daysAgo: 30 },
  { state: 'completed', service: 2, daysAgo: 12 },
  { state: 'rated', service: 6, daysAgo: 20, rating: 5 },
  { state: 'closed', service: 0, daysAgo: 40, rating: 5 },
  { state: 'closed', service: 3, daysAgo: 70, rating: 4 },
  { state: 'closed', service: 7, daysAgo: 100, rating: 5 },
  { state: 'closed', service: 1, daysAgo: 130, rating: 3, late: true },
  { state: 'closed', service: 5, daysAgo: 160, rating: 4 },
  { state: 'closed', service: 8, daysAgo: 190, rating: 5 },
  { state: 'declined', service: 8, daysAgo: 25 },
];

const DAY = 86_400_000;

export async function seedDemoServices(tx: Executor, ctx: DemoSeedContext): Promise<void> {
  const institutions = await listActiveInstitutions(tx, ctx.regionCode);
  const serving = (c: string) => institutions.filter((i) => i.nqiCategories.includes(c));
  const services = SERVICES.map((s) => ({
    id: newId(),
    regionCode: ctx.regionCode,
    code: s.code,
    category: s.category,
    name: s.name,
    description: s.description,
    keywords: [],
    attributes: s.attributes,
    institutionIds: serving(s.category).map((i) => i.id),
    charge: s.charge,
    timeLimits: { ...DEFAULT_TIME_LIMITS, service: s.service },
    status: 'active' as const,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));
  await repo.insertServices(tx, services);

  const cal = buildWorkingCalendar(CN_HOLIDAY_SCHEDULES);
  const serials = new Map<number, number>();
  const requests: repo.RequestInsert[] = [];
  const assignments: Parameters<typeof repo.insertAssignments>[1] = [];
  const events: repo.EventInsert[] = [];
  const officeName = '质量办 王科长';
  for (const h of HISTORY) {
    const service = services[h.service]!;
    const at = new Date(ctx.now.getTime() - h.daysAgo * DAY);
    const year = Number(todayInShanghai(at).slice(0, 4));
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    const handled = h.state !== 'submitted';
    const dispatched = !['submitted', 'accepted', 'declined'].includes(h.state);
    const completed = ['completed', 'rated', 'closed'].includes(h.state);
    const step = stepOf(h.state);
    const limits = service.timeLimits;
    const id = newId();
    const completedAt = completed ? new Date(at.getTime() + (h.late ? 25 : 6) * DAY) : null;
    requests.push({
      id,
      regionCode: ctx.regionCode,
      number: formatRequestNumber(ctx.regionCode, year, serial),
      serviceId: service.id,
      category: service.category,
      state: h.state,
      source: 'web',
      enterpriseId: ctx.enterpriseId,
      enterpriseName: '平顶山神马尼龙新材料有限公司',
      submittedBy: ctx.userIds.enterprise ?? null,
      handlerId: handled ? (ctx.userIds.office ?? null) : null,
      handlerName: handled ? officeName : null,
      description: NEEDS[h.service] ?? service.name,
      attributes: {},
      contactName: '张经理',
      contactPhone: '13837512345',
      preferredContact: 'phone',
      step,
      stepStartedAt: step ? at : null,
      stepDeadline: step ? stepDeadline(cal, at, step === 'service' ? limits.service : limits[step]) : null,
      lateSteps: h.late ? 1 : 0,
      onTime: completed ? !h.late : null,
      rating: h.rating ?? null,
      ratingComment: h.rating ? '服务及时，专业' : null,
      declineReason: h.state === 'declined' ? '不属于本站服务范围，已告知向市场监管部门咨询' : null,
      submittedAt: at,
      completedAt,
      closedAt: h.state === 'closed' ? completedAt : null,
      updatedAt: at,
    });
    events.push({
      id: newId(),
      requestId: id,
      regionCode: ctx.regionCode,
      at,
      kind: 'submit',
      actorName: '神马尼龙 质量部 张经理',
      toState: 'submitted',
    });
    if (dispatched) {
      const inst = serving(service.category)[0] ?? institutions[0]!;
      assignments.push({
        id: newId(),
        requestId: id,
        regionCode: ctx.regionCode,
        institutionId: inst.id,
        institutionName: inst.name,
        status: completed ? 'done' : h.state === 'in_service' ? 'accepted' : 'pending',
        onTime: completed ? !h.late : null,
        result: completed ? '已出具报告' : null,
        createdAt: at,
        updatedAt: at,
      });
      events.push({
        id: newId(),
        requestId: id,
        regionCode: ctx.regionCode,
        at: new Date(at.getTime() + 3600_000),
        kind: 'dispatch',
        actorName: officeName,
        fromState: 'accepted',
        toState: 'dispatched',
        text: inst.name,
      });
    }
  }
  for (const r of requests) await repo.insertRequest(tx, r);
  await repo.insertAssignments(tx, assignments);
  await repo.insertEvents(tx, events);
  for (const [year, last] of serials) {
    await tx
      .insert(serviceRequestCounters)
      .values({ regionCode: ctx.regionCode, year, last })
      .onConflictDoUpdate({
        target: [serviceRequestCounters.regionCode, serviceRequestCounters.year],
        set: { last: sql`excluded.last` },
      });
  }
}
