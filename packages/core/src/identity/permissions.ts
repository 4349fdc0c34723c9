import { AWARD_PERMISSIONS, AWARD_ROLE_PERMISSIONS } from '../awards/permissions.js';
import { GOVERNANCE_PERMISSIONS, GOVERNANCE_ROLE_PERMISSIONS } from '../governance/permissions.js';
import { SERVICES_PERMISSIONS, SERVICES_ROLE_PERMISSIONS } from '../services/permissions.js';
import { SUPERVISION_PERMISSIONS, SUPERVISION_ROLE_PERMISSIONS } from '../supervision/permissions.js';

/**
 * Permission names and the roles that hold them. The server authorizes every use-case with
 * these names and the web app shows menus and buttons by the same names; the server stays the
 * authority. System, security and audit administration are three separate roles (MLPS level 3
 * separation of duties): none of them holds another's permissions.
 */
const FOUNDATION_PERMISSIONS = [
  'registry.read', // regions, organizations, experts of the caller's region
  'registry.own.read', // only the caller's own organization
  'registry.own.write', // the caller's own organization's profile and contacts
  'registry.region.manage',
  'registry.enterprise.write',
  'registry.department.write',
  'registry.institution.write',
  'registry.expert.write',
  'registry.contact.write',
  'registry.contact.reveal',
  'registry.import',
  'registry.export',
  'identity.user.read',
  'identity.user.manage', // create, edit, disable accounts (system admin)
  'identity.role.assign', // grant and withdraw roles (security admin)
  'identity.user.unlock', // unlock accounts, reset passwords, end sessions (security admin)
  'audit.read',
  'audit.verify',
  'calendar.manage', // the region's holidays and adjusted working days (office)
] as const;

/**
 * The foundation's names, then each feature module's (declared in `<module>/permissions.ts`
 * beside the module's rules, with the roles that hold them).
 */
export const PERMISSIONS = [
  ...FOUNDATION_PERMISSIONS,
  ...AWARD_PERMISSIONS,
  ...SERVICES_PERMISSIONS,
  ...SUPERVISION_PERMISSIONS,
  ...GOVERNANCE_PERMISSIONS,
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const MODULE_ROLE_PERMISSIONS: readonly Partial<Record<string, readonly Permission[]>>[] = [
  AWARD_ROLE_PERMISSIONS,
  SERVICES_ROLE_PERMISSIONS,
  SUPERVISION_ROLE_PERMISSIONS,
  GOVERNANCE_ROLE_PERMISSIONS,
];

export const ROLES = {
  sysadmin: {
    zh: '系统管理员',
    en: 'System administrator',
    permissions: ['identity.user.read', 'identity.user.manage', 'registry.read', 'registry.region.manage'],
  },
  secadmin: {
    zh: '安全管理员',
    en: 'Security administrator',
    permissions: ['identity.user.read', 'identity.role.assign', 'identity.user.unlock'],
  },
  auditor: {
    zh: '审计管理员',
    en: 'Audit administrator',
    permissions: ['audit.read', 'audit.verify'],
  },
  office: {
    zh: '质量办工作人员',
    en: 'Quality office officer',
    permissions: [
      'registry.read',
      'registry.enterprise.write',
      'registry.department.write',
      'registry.institution.write',
      'registry.expert.write',
      'registry.contact.write',
      'registry.contact.reveal',
      'registry.import',
      'registry.export',
      'calendar.manage',
    ],
  },
  dept: {
    zh: '部门工作人员',
    en: 'Department officer',
    permissions: ['registry.read', 'registry.export'],
  },
  enterprise: {
    zh: '企业用户',
    en: 'Enterprise user',
    permissions: ['registry.own.read', 'registry.own.write'],
  },
  institution: {
    zh: '服务机构人员',
    en: 'Institution staff',
    permissions: ['registry.own.read', 'registry.own.write'],
  },
  expert: {
    zh: '评审专家',
    en: 'Award expert',
    permissions: ['registry.own.read'],
  },
  leader: {
    zh: '领导',
    en: 'Leader',
    permissions: ['registry.read'],
  },
} as const satisfies Record<string, { zh: string; en: string; permissions: readonly (typeof FOUNDATION_PERMISSIONS)[number][] }>;

export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];

/** Roles whose users belong to one organization (their data scope narrows to it). */
export const ORGANIZATION_ROLES: readonly Role[] = ['enterprise', 'institution', 'dept'];

/** The three administrator roles may not be combined in one account. */
export const SEPARATED_DUTIES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/** Everything a role holds: its foundation permissions and every module's grants to it. */
export function rolePermissions(role: Role): Permission[] {
  return [...ROLES[role].permissions, ...MODULE_ROLE_PERMISSIONS.flatMap((grants) => grants[role] ?? [])];
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) for (const p of rolePermissions(role)) set.add(p);
  return [...set].sort();
}

/** null when the role set is allowed, else why not. */
export function checkRoleCombination(roles: readonly Role[]): 'roles.separatedDuties' | 'roles.empty' | null {
  if (roles.length === 0) return 'roles.empty';
  // Distinct roles: a list naming the same administrator role twice holds one duty, not two.
  return new Set(roles.filter((r) => SEPARATED_DUTIES.includes(r))).size > 1 ? 'roles.separatedDuties' : null;
}

/** Who is acting: what every service method receives and authorizes against. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  regionCode: string;
  organizationId: string | null;
  roles: Role[];
  permissions: Permission[];
}

export function can(actor: Pick<Actor, 'permissions'>, permission: Permission): boolean {
  return actor.permissions.includes(permission);
}

export function canAny(actor: Pick<Actor, 'permissions'>, permissions: readonly Permission[]): boolean {
  return permissions.some((p) => actor.permissions.includes(p));
}
