import type { Organization } from '@qd/core';
import type { OrganizationWithRegion } from './registry.repo.js';

export function toOrganization(row: OrganizationWithRegion): Organization {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    shortName: row.shortName,
    creditCode: row.creditCode,
    regionCode: row.regionCode,
    regionName: row.regionName,
    address: row.address,
    status: row.status,
    industrySection: row.industrySection,
    industryCode: row.industryCode,
    size: row.size,
    foundedOn: row.foundedOn,
    legalRepresentative: row.legalRepresentative,
    mainProducts: row.mainProducts,
    inLeadershipGroup: row.inLeadershipGroup,
    leadershipRole: row.leadershipRole,
    responsibilities: row.responsibilities,
    nqiCategories: row.nqiCategories,
    qualifications: row.qualifications,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
