import { describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  ROLES,
  ROLE_CODES,
  rolePermissions,
  SEPARATED_DUTIES,
  can,
  canAny,
  checkRoleCombination,
  permissionsOf,
  type Permission,
  type Role,
} from './permissions.js';

describe('roles and permissions', () => {
  it('gives every role only known permissions and a name in both languages', () => {
    for (const role of ROLE_CODES) {
      expect(ROLES[role].zh.length).toBeGreaterThan(0);
      expect(ROLES[role].en.length).toBeGreaterThan(0);
      for (const p of ROLES[role].permissions) expect(PERMISSIONS).toContain(p);
    }
  });

  it('unions the permissions of several roles, sorted and without repeats', () => {
    const perms = permissionsOf(['office', 'dept']);
    expect(perms).toEqual([...new Set([...rolePermissions('office'), ...rolePermissions('dept')])].sort());
    expect(perms.filter((p) => p === 'registry.read')).toHaveLength(1);
    expect(permissionsOf([])).toEqual([]);
    expect(permissionsOf(['auditor'])).toEqual(['audit.read', 'audit.verify']);
  });

  it('lets the office reveal contacts but not a department officer', () => {
    expect(permissionsOf(['office'])).toContain('registry.contact.reveal');
    expect(permissionsOf(['dept'])).not.toContain('registry.contact.reveal');
    expect(permissionsOf(['dept'])).not.toContain('registry.enterprise.write');
  });

  it('binds enterprise, institution and expert users to their own organization only', () => {
    for (const role of ['enterprise', 'institution', 'expert'] as const) {
      expect(permissionsOf([role])).toContain('registry.own.read');
      expect(permissionsOf([role])).not.toContain('registry.read');
    }
  });

  describe('separation of duties (system, security, audit administrators)', () => {
    it('refuses any two of the three administrator roles in one account', () => {
      expect(checkRoleCombination(['sysadmin', 'secadmin'])).toBe('roles.separatedDuties');
      expect(checkRoleCombination(['sysadmin', 'auditor'])).toBe('roles.separatedDuties');
      expect(checkRoleCombination(['secadmin', 'auditor'])).toBe('roles.separatedDuties');
      expect(checkRoleCombination(['office', 'sysadmin', 'secadmin', 'auditor'])).toBe('roles.separatedDuties');
    });

    it('allows one administrator role, also beside ordinary roles, and repeats of the same one', () => {
      for (const role of SEPARATED_DUTIES) {
        expect(checkRoleCombination([role])).toBeNull();
        expect(checkRoleCombination([role, 'leader'])).toBeNull();
        expect(checkRoleCombination([role, role])).toBeNull();
      }
      expect(checkRoleCombination(['office', 'leader'])).toBeNull();
    });

    it('refuses an empty role list', () => {
      expect(checkRoleCombination([])).toBe('roles.empty');
    });

    it('gives no administrator role the duties of another; only reading the user list is shared', () => {
      const SHARED_READ: Permission[] = ['identity.user.read'];
      for (const a of SEPARATED_DUTIES) {
        for (const b of SEPARATED_DUTIES) {
          if (a === b) continue;
          const overlap = permissionsOf([a]).filter((p) => permissionsOf([b]).includes(p));
          expect(
            overlap.filter((p) => !SHARED_READ.includes(p)),
            `${a} / ${b}`,
          ).toEqual([]);
        }
      }
      const sys = permissionsOf(['sysadmin']);
      const sec = permissionsOf(['secadmin']);
      const aud = permissionsOf(['auditor']);
      expect(sys).not.toContain('identity.role.assign');
      expect(sys).not.toContain('identity.user.unlock');
      expect(sys).not.toContain('audit.read');
      expect(sec).not.toContain('identity.user.manage');
      expect(sec).not.toContain('audit.read');
      expect(aud).not.toContain('identity.user.read');
      expect(aud).not.toContain('identity.user.manage');
      expect(aud).not.toContain('identity.role.assign');
    });

    it('keeps the audit permissions with the auditor alone', () => {
      const holders = (p: Permission) => ROLE_CODES.filter((r: Role) => permissionsOf([r]).includes(p));
      expect(holders('audit.read')).toEqual(['auditor']);
      expect(holders('audit.verify')).toEqual(['auditor']);
      expect(holders('identity.role.assign')).toEqual(['secadmin']);
      expect(holders('identity.user.manage')).toEqual(['sysadmin']);
    });
  });

  it('answers can / canAny from the permission list', () => {
    const actor = { permissions: permissionsOf(['dept']) };
    expect(can(actor, 'registry.read')).toBe(true);
    expect(can(actor, 'registry.import')).toBe(false);
    expect(canAny(actor, ['registry.import', 'registry.export'])).toBe(true);
    expect(canAny(actor, ['registry.import', 'audit.read'])).toBe(false);
    expect(canAny(actor, [])).toBe(false);
  });
});
