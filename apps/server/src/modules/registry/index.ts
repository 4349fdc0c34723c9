/** What other modules may use of the registry (ARCHITECTURE §3: never its tables or repo). */
import type { OrganizationKind } from '@qd/core';
import { isWithinRegion } from '@qd/core';
import type { Executor } from '../../platform/db/database.js';
import * as repo from './registry.repo.js';

export { createOrganizationsService, type OrganizationsService } from './organizations.service.js';
export { createContactsService, type ContactsService } from './contacts.service.js';
export { createExpertsService, type ExpertsService } from './experts.service.js';
export { createRegionsService, type RegionsService } from './regions.service.js';
export { createEnterpriseTransferService, type EnterpriseTransferService } from './enterprise-transfer.service.js';

/** Display names of a region and an organization, for identity's "who am I". */
export async function registryNames(
  db: Executor,
  regionCode: string,
  organizationId: string | null,
): Promise<{ regionName: string | null; organizationName: string | null }> {
  const [region, org] = await Promise.all([
    repo.findRegion(db, regionCode),
    organizationId ? repo.findOrganization(db, organizationId) : Promise.resolve(undefined),
  ]);
  return { regionName: region?.name ?? null, organizationName: org?.name ?? null };
}

/** The kind of an organization inside a region's subtree, or null when there is none. */
export async function findOrganizationKind(db: Executor, id: string, regionCode: string): Promise<OrganizationKind | null> {
  const org = await repo.findOrganization(db, id);
  return org && isWithinRegion(regionCode, org.regionCode) ? org.kind : null;
}
export { registryRoutes, type RegistryServices } from './registry.routes.js';
export { seedDemoRegistry, seedScaleEnterprises, linkExpertUser, DEMO_REGION, type DemoRegistryIds } from './registry.seed.js';

/** For the services module: active NQI institutions of a region's subtree (optionally serving a category). */
export function listActiveInstitutions(db: Executor, scopeRegion: string, category?: string) {
  return repo.listActiveInstitutions(db, scopeRegion, category);
}

/** For the services module: an organization's kind, name and region, or null. */
export async function findOrganizationSummary(
  db: Executor,
  id: string,
): Promise<{ id: string; kind: OrganizationKind; name: string; regionCode: string } | null> {
  const org = await repo.findOrganization(db, id);
  return org ? { id: org.id, kind: org.kind, name: org.name, regionCode: org.regionCode } : null;
}

/** Enterprises of a region subtree for the supervision target directory (id, name, credit code, industry, products, status). */
export function enterprisesForDirectory(db: Executor, scopeRegion: string): Promise<repo.DirectoryEnterpriseRow[]> {
  return repo.enterprisesForDirectory(db, scopeRegion);
}

/** Display names of organizations by id. */
export function organizationNamesByIds(db: Executor, ids: string[]): Promise<Map<string, string>> {
  return repo.organizationNamesByIds(db, ids);
}

/** A department as other modules see it (governance: the leadership group's members). */
export interface DepartmentSummary {
  id: string;
  regionCode: string;
  name: string;
  shortName: string | null;
  status: string;
  inLeadershipGroup: boolean;
  leadershipRole: string | null;
  responsibilities: string | null;
}

/** The departments of a region's subtree, leadership-group members first, then in registration order. */
export async function listDepartments(db: Executor, regionCode: string): Promise<DepartmentSummary[]> {
  const rows = await repo.listDepartmentsInRegion(db, regionCode);
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.regionCode,
    name: r.name,
    shortName: r.shortName,
    status: r.status,
    inLeadershipGroup: r.inLeadershipGroup,
    leadershipRole: r.leadershipRole,
    responsibilities: r.responsibilities,
  }));
}
/** Award reviews: the expert pool of a region subtree, an expert by their user, experts and organizations by id. */
export {
  activeExpertsIn as awardExpertPool,
  findExpertByUser as expertOfUser,
  findExpertsByIds as expertsByIds,
  findOrganizationsByIds as organizationsByIds,
  type ExpertRow as RegistryExpertRow,
  type OrganizationRow as RegistryOrganizationRow,
} from './registry.repo.js';
