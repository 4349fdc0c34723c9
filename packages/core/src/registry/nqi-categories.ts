/** The nine service categories of the NQI one-stop service station (DOMAIN.md §4). */
export const NQI_CATEGORIES = {
  testing: { zh: '检验检测', en: 'Inspection and testing' },
  standardization: { zh: '标准化建设', en: 'Standardization' },
  certification: { zh: '认证认可', en: 'Certification and accreditation' },
  metrology: { zh: '计量技术', en: 'Metrology' },
  special_equipment: { zh: '特种设备技术', en: 'Special equipment' },
  brand: { zh: '品牌培育', en: 'Brand cultivation' },
  quality_management: { zh: '质量管理提升', en: 'Quality-management improvement' },
  intellectual_property: { zh: '知识产权', en: 'Intellectual property' },
  legal: { zh: '法律法规咨询', en: 'Laws and regulations' },
} as const;

export type NqiCategory = keyof typeof NQI_CATEGORIES;
export const NQI_CATEGORY_CODES = Object.keys(NQI_CATEGORIES) as [NqiCategory, ...NqiCategory[]];
