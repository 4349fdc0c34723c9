import { makeCreditCode, type NqiCategory } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { generateEnterprises } from '../../seed/enterprise-generator.js';
import * as repo from './registry.repo.js';
import { contacts, experts, organizations } from './registry.tables.js';

export const DEMO_REGION = '410471';

const REGIONS: repo.RegionRow[] = [
  { code: '410000', name: '河南省', parentCode: null, level: 'province', codeType: 'gbt2260' },
  { code: '410400', name: '平顶山市', parentCode: '410000', level: 'city', codeType: 'gbt2260' },
  { code: '410471', name: '平顶山高新技术产业开发区', parentCode: '410400', level: 'county', codeType: 'functional_zone' },
  { code: '410402', name: '新华区', parentCode: '410400', level: 'county', codeType: 'gbt2260' },
  { code: '410411', name: '湛河区', parentCode: '410400', level: 'county', codeType: 'gbt2260' },
];

/** The leadership group: the administrative committee leads, 13 departments are members, the office sits in the market-supervision branch. */
const DEPARTMENTS: { name: string; shortName: string; role: 'leader' | 'office' | 'member'; duty: string }[] = [
  { name: '平顶山高新技术产业开发区管理委员会', shortName: '管委会', role: 'leader', duty: '领导小组组长单位，统筹质量强区工作' },
  {
    name: '平顶山市市场监督管理局高新技术产业开发区分局',
    shortName: '高新市场监管分局',
    role: 'office',
    duty: '领导小组办公室；质量监管、标准、计量、认证、特种设备',
  },
  { name: '高新区党政办公室', shortName: '党政办', role: 'member', duty: '督查督办、综合协调' },
  { name: '高新区经济发展局', shortName: '经发局', role: 'member', duty: '产业发展、品牌培育' },
  { name: '高新区财政金融局', shortName: '财政局', role: 'member', duty: '质量工作经费和质量奖奖金保障' },
  { name: '高新区科技创新局', shortName: '科创局', role: 'member', duty: '科技创新、标准研制支持' },
  { name: '高新区规划建设局', shortName: '规建局', role: 'member', duty: '工程质量监督、竣工验收备案' },
  { name: '平顶山市生态环境局高新区分局', shortName: '生态环境分局', role: 'member', duty: '空气、水、土壤环境质量' },
  { name: '高新区应急管理局', shortName: '应急局', role: 'member', duty: '安全生产' },
  { name: '高新区商务局', shortName: '商务局', role: 'member', duty: '老字号、服务业质量' },
  { name: '高新区社会事业局', shortName: '社会事业局', role: 'member', duty: '教育、卫生等公共服务质量' },
  { name: '高新区城市管理局', shortName: '城管局', role: 'member', duty: '市政设施与城市服务质量' },
  { name: '国家税务总局平顶山高新技术产业开发区税务局', shortName: '税务局', role: 'member', duty: '企业质量投入税收政策落实' },
  { name: '平顶山市公安局高新区分局', shortName: '公安分局', role: 'member', duty: '打击质量违法犯罪' },
];

const INSTITUTIONS: { name: string; categories: NqiCategory[]; qualifications: string }[] = [
  {
    name: '平顶山市质量技术监督检验测试中心',
    categories: ['testing', 'metrology'],
    qualifications: 'CMA、CNAS 检验检测机构资质',
  },
  { name: '平顶山市标准化研究所', categories: ['standardization'], qualifications: '标准化技术服务' },
  {
    name: '河南省锅炉压力容器检验技术科学研究院平顶山分院',
    categories: ['special_equipment'],
    qualifications: '特种设备检验检测机构核准',
  },
  { name: '中原认证服务（平顶山）有限公司', categories: ['certification'], qualifications: 'CNCA 批准认证机构' },
  { name: '鹰城品牌发展促进中心', categories: ['brand'], qualifications: '品牌培育咨询' },
  { name: '平顶山卓越绩效管理咨询有限公司', categories: ['quality_management'], qualifications: '卓越绩效、六西格玛培训' },
  { name: '平顶山高新区知识产权服务中心', categories: ['intellectual_property'], qualifications: '专利代理、商标服务' },
  { name: '河南鹰城律师事务所', categories: ['legal'], qualifications: '律师事务所执业许可' },
];

const EXPERTS = [
  {
    name: '赵建国',
    title: 'senior',
    specialties: ['卓越绩效', '质量管理'],
    sections: ['C'],
    affiliation: '平顶山学院',
    past: ['平顶山尼龙新材料有限公司'],
  },
  {
    name: '钱慧敏',
    title: 'senior',
    specialties: ['化工工艺', '标准化'],
    sections: ['C'],
    affiliation: '河南城建学院',
    past: [],
  },
  {
    name: '孙立新',
    title: 'associate_senior',
    specialties: ['机械制造', '质量工程'],
    sections: ['C'],
    affiliation: '平顶山市质量技术监督检验测试中心',
    past: ['鹰城重工机械有限公司'],
  },
  {
    name: '李雪梅',
    title: 'senior',
    specialties: ['财务管理', '绩效评价'],
    sections: ['J', 'M'],
    affiliation: '河南理工会计师事务所',
    past: [],
  },
  {
    name: '周海涛',
    title: 'associate_senior',
    specialties: ['信息化', '数字化转型'],
    sections: ['I'],
    affiliation: '平顶山职业技术学院',
    past: ['高新软件科技有限公司'],
  },
  {
    name: '吴卫东',
    title: 'senior',
    specialties: ['电气工程', '计量'],
    sections: ['C', 'D'],
    affiliation: '平顶山供电公司',
    past: [],
  },
  {
    name: '郑秀兰',
    title: 'intermediate',
    specialties: ['食品安全', '质量管理体系'],
    sections: ['C'],
    affiliation: '平顶山市食品检验所',
    past: ['豫芝麻油食品有限公司'],
  },
  {
    name: '王志强',
    title: 'senior',
    specialties: ['工程质量', '建筑施工'],
    sections: ['E'],
    affiliation: '平顶山市建设工程质量监督站',
    past: [],
  },
  {
    name: '陈丽娟',
    title: 'associate_senior',
    specialties: ['顾客满意度', '品牌管理'],
    sections: ['F', 'L'],
    affiliation: '鹰城品牌发展促进中心',
    past: [],
  },
  {
    name: '冯国栋',
    title: 'senior',
    specialties: ['环境工程', '节能减排'],
    sections: ['N'],
    affiliation: '平顶山市环境监测站',
    past: [],
  },
];

export interface DemoRegistryIds {
  officeDepartmentId: string;
  institutionId: string;
  enterpriseId: string;
  expertIds: string[];
}

export const DEMO_ENTERPRISE_COUNT = 200;

/** The demo district: regions, the leadership group, the NQI station's institutions, enterprises, experts. */
export async function seedDemoRegistry(tx: Executor, enterpriseCount = DEMO_ENTERPRISE_COUNT): Promise<DemoRegistryIds> {
  const now = new Date();
  await repo.insertRegions(tx, REGIONS);

  const departmentRows = DEPARTMENTS.map((d, i) => ({
    id: newId(),
    kind: 'department' as const,
    regionCode: DEMO_REGION,
    name: d.name,
    shortName: d.shortName,
    creditCode: makeCreditCode(DEMO_REGION, 900_000 + i, '11'),
    status: 'active' as const,
    address: '河南省平顶山市高新区火炬路1号',
    inLeadershipGroup: true,
    leadershipRole: d.role,
    responsibilities: d.duty,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insert(organizations).values(departmentRows);

  const institutionRows = INSTITUTIONS.map((inst, i) => ({
    id: newId(),
    kind: 'institution' as const,
    regionCode: DEMO_REGION,
    name: inst.name,
    creditCode: makeCreditCode(DEMO_REGION, 800_000 + i),
    status: 'active' as const,
    address: '河南省平顶山市高新区质量基础设施一站式服务站',
    nqiCategories: inst.categories,
    qualifications: inst.qualifications,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insert(organizations).values(institutionRows);

  const generated = generateEnterprises(enterpriseCount, DEMO_REGION);
  // The zone's flagship: the one enterprise in the city holding all three levels of quality award.
  generated[0] = {
    ...generated[0]!,
    name: '平顶山神马尼龙新材料有限公司',
    industrySection: 'C',
    industryCode: '2651',
    size: 'large',
    mainProducts: '尼龙66盐、工程塑料',
  };
  const enterpriseRows = generated.map((e) => ({
    id: newId(),
    kind: 'enterprise' as const,
    regionCode: e.regionCode,
    name: e.name,
    creditCode: e.creditCode,
    address: e.address,
    status: e.status,
    industrySection: e.industrySection,
    industryCode: e.industryCode,
    size: e.size,
    foundedOn: e.foundedOn,
    legalRepresentative: e.legalRepresentative,
    mainProducts: e.mainProducts,
    createdAt: now,
    updatedAt: now,
  }));
  await repo.bulkInsertEnterprises(tx, enterpriseRows);
  await tx.insert(contacts).values(
    enterpriseRows.map((row, i) => ({
      id: newId(),
      organizationId: row.id,
      regionCode: row.regionCode,
      name: generated[i]!.contactName,
      position: '质量负责人',
      phone: generated[i]!.contactPhone,
      isPrimary: true,
      createdAt: now,
      updatedAt: now,
    })),
  );

  const expertRows = EXPERTS.map((x, i) => ({
    id: newId(),
    regionCode: DEMO_REGION,
    name: x.name,
    title: x.title,
    specialties: x.specialties,
    industrySections: x.sections,
    affiliationOrganizationId: null,
    affiliationName: x.affiliation,
    pastEmployments: x.past.map((p) => ({ organizationName: p, from: '2010-01-01', to: '2018-12-31', relation: 'employee' })),
    phone: `1390375${String(1000 + i).padStart(4, '0')}`,
    email: null,
    status: 'active' as const,
    createdAt: now,
    updatedAt: now,
  }));
  await tx.insert(experts).values(expertRows);

  return {
    officeDepartmentId: departmentRows[1]!.id,
    institutionId: institutionRows[0]!.id,
    enterpriseId: enterpriseRows[0]!.id,
    expertIds: expertRows.map((e) => e.id),
  };
}

/** Links an expert record to the user account that reviews as that expert. */
export async function linkExpertUser(tx: Executor, expertId: string, userId: string): Promise<void> {
  await repo.updateExpert(tx, expertId, { userId });
}

/** Adds `count` generated enterprises in bulk (the benchmark's and `qd seed --scale`'s load). */
export async function seedScaleEnterprises(tx: Executor, count: number, regionCode: string, serialBase: number): Promise<void> {
  const now = new Date();
  const rows = generateEnterprises(count, regionCode, serialBase + 7, serialBase).map((e) => ({
    id: newId(),
    kind: 'enterprise' as const,
    ...e,
    createdAt: now,
    updatedAt: now,
  }));
  await repo.bulkInsertEnterprises(tx, rows);
}
