import type { FormRule } from 'antd';
import { ORGANIZATION_ROLES, checkRoleCombination, translate, type Locale, type Role } from '@qd/core';

/** At least one role, and never two of the separated administrator roles in one account. */
export function roleRules(locale: Locale): FormRule[] {
  return [
    {
      validator(_, roles: Role[] | undefined) {
        const problem = checkRoleCombination(roles ?? []);
        return problem ? Promise.reject(new Error(translate(problem, locale))) : Promise.resolve();
      },
    },
  ];
}

export function needsOrganization(roles: readonly Role[] | undefined): boolean {
  return (roles ?? []).some((r) => ORGANIZATION_ROLES.includes(r));
}
