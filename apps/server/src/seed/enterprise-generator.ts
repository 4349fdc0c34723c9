import { makeCreditCode } from '@qd/core';
import { seededRandom } from './random.js';

/**
 * Plausible enterprises of the zone's industries (nylon chemicals, equipment manufacturing …),
 * each with a valid credit code. Used by the demo seed and by the benchmark's 100k load.
 */
const INDUSTRIES = [
  {
    section: 'C',
    codes: ['2651', '2821', '2929'],
    words: ['尼龙', '尼龙新材料', '工程塑料', '化纤', '锦纶'],
    products: '尼龙66切片、工业丝',
  },
  {
    section: 'C',
    codes: ['3411', '3511', '3599'],
    words: ['装备', '重工', '机械', '智能装备', '液压'],
    products: '矿山机械、液压支架',
  },
  {
    section: 'C',
    codes: ['3821', '3831', '3849'],
    words: ['电气', '电缆', '开关', '变压器', '输配电'],
    products: '高压开关、电缆',
  },
  { section: 'C', codes: ['3443', '3421'], words: ['阀门', '泵业', '精密', '铸造'], products: '工业阀门、铸件' },
  { section: 'C', codes: ['1331', '1431', '1512'], words: ['食品', '芝麻油', '粮油', '饮品'], products: '小磨香油、食品' },
  { section: 'I', codes: ['6513', '6531'], words: ['软件', '信息技术', '数据', '智能科技'], products: '工业软件、信息系统集成' },
  { section: 'M', codes: ['7452', '7484'], words: ['检测', '工程技术', '设计研究'], products: '检验检测服务' },
  { section: 'E', codes: ['4710', '4851'], words: ['建设', '建工', '路桥'], products: '房屋建筑、市政工程' },
  { section: 'N', codes: ['7721', '7724'], words: ['环保', '水处理', '节能'], products: '污水处理、固废处置' },
] as const;
const PREFIXES = ['平顶山', '鹰城', '高新', '中原', '豫', '平高', '神鹰', '湛河', '白龟湖', '尧山'];
const SUFFIXES = ['有限公司', '科技有限公司', '股份有限公司', '制造有限公司', '集团有限公司'];
const STREETS = ['火炬路', '创业路', '建设路', '神马大道', '高新路', '新华路', '湛南路'];
const SIZES = ['large', 'medium', 'small', 'small', 'micro', 'micro'] as const;
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞'];

export interface GeneratedEnterprise {
  name: string;
  creditCode: string;
  regionCode: string;
  industrySection: string;
  industryCode: string;
  size: string;
  address: string;
  foundedOn: string;
  status: 'active';
  legalRepresentative: string;
  mainProducts: string;
  contactName: string;
  contactPhone: string;
}

export function generateEnterprises(count: number, regionCode: string, seed = 410471, serialBase = 0): GeneratedEnterprise[] {
  const rnd = seededRandom(seed);
  const out: GeneratedEnterprise[] = [];
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    const industry = rnd.pick(INDUSTRIES);
    let name = `${rnd.pick(PREFIXES)}${rnd.pick(industry.words)}${rnd.pick(SUFFIXES)}`;
    // Names repeat at scale; a branch number keeps each one unique as real registrations are.
    if (names.has(name)) name = name.replace(/有限公司$/, `${i}分公司`);
    names.add(name);
    const year = rnd.int(1992, 2023);
    const person = () => rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.next() < 0.5 ? rnd.pick(GIVEN) : '');
    out.push({
      name,
      creditCode: makeCreditCode(regionCode, serialBase + i + 1),
      regionCode,
      industrySection: industry.section,
      industryCode: rnd.pick(industry.codes),
      size: rnd.pick(SIZES),
      address: `河南省平顶山市高新区${rnd.pick(STREETS)}${rnd.int(1, 999)}号`,
      foundedOn: `${year}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
      status: 'active',
      legalRepresentative: person(),
      mainProducts: industry.products,
      contactName: person(),
      contactPhone: `1${rnd.pick(['37', '38', '39', '58', '86'])}${String(rnd.int(0, 99_999_999)).padStart(8, '0')}`,
    });
  }
  return out;
}
