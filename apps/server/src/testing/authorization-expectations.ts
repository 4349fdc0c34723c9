import type { Role } from '@qd/core';
import type { Hints } from './json-schema-arbitrary.js';

/**
 * Who may call each operation of the API, declared once per operation (`METHOD /path` as in
 * /api/openapi.json). authorization-matrix.test.ts calls every operation as anonymous, every demo
 * role, a user of another organization of the same kind and every role of a sibling region,
 * against rows of the demo region that belong to the demo organizations, and checks:
 *
 * - `access: 'public'`: anyone, signed in or not, gets past authorization;
 * - `access: 'signedIn'`: any signed-in user (anonymous → 401);
 * - otherwise `pass`: the roles that get past authorization on the demo row (2xx, or 400/409/422
 *   from the use-case's own checks); `see`: roles that see the row but may not do this (403 on
 *   their own row, 404 outside their scope); `hidden`: roles for whom the demo row is someone
 *   else's (404); every other role → 403; anonymous → 401;
 * - `region`: the row belongs to a region: a `pass`/`see` role of the sibling region gets 404;
 * - `org`: of `pass`/`see`, the roles bound to their organization (or assignment, for experts):
 *   another organization's user of that role gets 404;
 * - `owner`: the row belongs to one user (a notification): everyone else gets 404.
 */
export interface Expectation {
  access?: 'public' | 'signedIn';
  pass: readonly Role[];
  see?: readonly Role[];
  hidden?: readonly Role[];
  org?: readonly Role[];
  region?: boolean;
  owner?: string;
  /** Statuses that are this operation's own answer to a valid request (log-in: wrong password). */
  passWith?: readonly number[];
}

const ALL: readonly Role[] = [
  'sysadmin',
  'secadmin',
  'auditor',
  'office',
  'dept',
  'enterprise',
  'institution',
  'expert',
  'leader',
];
const PUBLIC: Expectation = { access: 'public', pass: ALL };
const SIGNED_IN: Expectation = { access: 'signedIn', pass: ALL };

/**
 * Body fields a schema-derived example cannot guess (cross-field rules of the contracts): merged
 * over the example so that the body is valid and the use-case's authorization is what answers.
 */
export function bodyOverrides(h: Hints): Record<string, Record<string, unknown>> {
  return {
    // A plain role: an administrator role is the security administrator's to grant (tested in users.test.ts).
    'POST /api/v1/users': { roles: ['leader'] },
    'POST /api/v1/regions': { code: '410499', name: '测试区' },
    'POST /api/v1/enterprises': { industrySection: 'C', industryCode: '2651' },
    'PUT /api/v1/enterprises/{id}': { industrySection: 'C', industryCode: '2651' },
    'POST /api/v1/supervision/product-checks': { samplers: ['张三', '李四'], fromGoodsForSale: true, freeOfCharge: true },
    'POST /api/v1/governance/meetings/{id}/resolutions': {
      text: '决议',
      tasks: [{ title: '任务', leadDepartmentId: h.departmentId, deadline: { date: '2026-12-31' }, expectedOutput: '成果' }],
    },
  };
}

export const AUTHORIZATION_EXPECTATIONS: Record<string, Expectation> = {
  // ---- auth
  'POST /api/v1/auth/login': { ...PUBLIC, passWith: [401, 429] }, // a wrong password is the log-in's own answer
  'POST /api/v1/auth/logout': SIGNED_IN,
  'GET /api/v1/auth/me': SIGNED_IN,
  'POST /api/v1/auth/change-password': SIGNED_IN,
  // ---- users
  'GET /api/v1/users': { pass: ['sysadmin', 'secadmin'] },
  'POST /api/v1/users': { pass: ['sysadmin'] },
  'GET /api/v1/users/{id}': { pass: ['sysadmin', 'secadmin'], region: true },
  'PATCH /api/v1/users/{id}': { pass: ['sysadmin'], region: true },
  'PUT /api/v1/users/{id}/roles': { pass: ['secadmin'], region: true },
  'POST /api/v1/users/{id}/unlock': { pass: ['secadmin'], region: true },
  'POST /api/v1/users/{id}/reset-password': { pass: ['secadmin'], region: true },
  // ---- audit
  'GET /api/v1/audit': { pass: ['auditor'] },
  'POST /api/v1/audit/verify': { pass: ['auditor'] },
  // ---- regions
  'GET /api/v1/regions': { pass: ['sysadmin', 'office', 'dept', 'enterprise', 'institution', 'expert', 'leader'] },
  'POST /api/v1/regions': { pass: ['sysadmin'] },
  'GET /api/v1/regions/tree': { pass: ['sysadmin', 'office', 'dept', 'enterprise', 'institution', 'expert', 'leader'] },
  // ---- registry
  'GET /api/v1/registry/summary': { pass: ['sysadmin', 'office', 'dept', 'enterprise', 'institution', 'expert', 'leader'] },
  // ---- enterprises
  'GET /api/v1/enterprises/export': { pass: ['office', 'dept'] },
  'POST /api/v1/enterprises/import': { pass: ['office'] },
  'GET /api/v1/enterprises': { pass: ['sysadmin', 'office', 'dept', 'enterprise', 'institution', 'expert', 'leader'] },
  'POST /api/v1/enterprises': { pass: ['office'] },
  'GET /api/v1/enterprises/{id}': {
    pass: ['sysadmin', 'office', 'dept', 'enterprise', 'leader'],
    hidden: ['institution', 'expert'],
    org: ['enterprise'],
    region: true,
  },
  'PUT /api/v1/enterprises/{id}': { pass: ['office'], region: true },
  // ---- departments
  'GET /api/v1/departments': { pass: ['sysadmin', 'office', 'dept', 'enterprise', 'institution', 'expert', 'leader'] },
  'POST /api/v1/departments': { pass: ['office'] },
  'GET /api/v1/departments/{id}': {
    pass: ['sysadmin', 'office', 'dept', 'leader'],
    hidden: ['enterprise', 'institution', 'expert'],
    region: true,
  },
  'PUT /api/v1/departments/{id}': { pass: ['office'], region: true },
  // ---- institutions
  'GET /api/v1/institutions': { pass: ['sysadmin', 'office', 'dept', 'enterprise', 'institution', 'expert', 'leader'] },
  'POST /api/v1/institutions': { pass: ['office'] },
  'GET /api/v1/institutions/{id}': {
    pass: ['sysadmin', 'office', 'dept', 'institution', 'leader'],
    hidden: ['enterprise', 'expert'],
    org: ['institution'],
    region: true,
  },
  'PUT /api/v1/institutions/{id}': { pass: ['office'], region: true },
  // ---- organizations
  'GET /api/v1/organizations/{id}/contacts': {
    pass: ['sysadmin', 'office', 'dept', 'enterprise', 'leader'],
    hidden: ['institution', 'expert'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/organizations/{id}/contacts': {
    pass: ['office', 'enterprise'],
    see: ['sysadmin', 'dept', 'leader'],
    hidden: ['institution', 'expert'],
    org: ['enterprise'],
    region: true,
  },
  // ---- contacts
  'PUT /api/v1/contacts/{id}': {
    pass: ['office', 'enterprise'],
    see: ['sysadmin', 'dept', 'leader'],
    hidden: ['institution', 'expert'],
    org: ['enterprise'],
    region: true,
  },
  'DELETE /api/v1/contacts/{id}': {
    pass: ['office', 'enterprise'],
    see: ['sysadmin', 'dept', 'leader'],
    hidden: ['institution', 'expert'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/contacts/{id}/reveal': { pass: ['office'], region: true },
  // ---- experts
  'GET /api/v1/experts': { pass: ['sysadmin', 'office', 'dept', 'enterprise', 'institution', 'expert', 'leader'] },
  'POST /api/v1/experts': { pass: ['office'] },
  'GET /api/v1/experts/{id}': {
    pass: ['sysadmin', 'office', 'dept', 'expert', 'leader'],
    hidden: ['enterprise', 'institution'],
    org: ['expert'],
    region: true,
  },
  'PUT /api/v1/experts/{id}': { pass: ['office'], region: true },
  // ---- calendar
  'GET /api/v1/calendar': SIGNED_IN,
  'PUT /api/v1/calendar/{year}': { pass: ['office'] },
  // ---- notifications
  'GET /api/v1/notifications': SIGNED_IN,
  'GET /api/v1/notifications/unread-count': SIGNED_IN,
  'POST /api/v1/notifications/{id}/read': { pass: [], owner: 'office' },
  'POST /api/v1/notifications/read-all': SIGNED_IN,
  // ---- awards
  'GET /api/v1/awards/programmes': { pass: ['office', 'leader'] },
  'POST /api/v1/awards/programmes': { pass: ['office'] },
  'PUT /api/v1/awards/programmes/{id}': { pass: ['office'], region: true },
  'POST /api/v1/awards/programmes/{id}/cycles': { pass: ['office'], region: true },
  'GET /api/v1/awards/cycles': { pass: ['office', 'leader'] },
  'GET /api/v1/awards/cycles/open': { pass: ['enterprise'] },
  'GET /api/v1/awards/cycles/{id}': { pass: ['office', 'enterprise', 'leader'], region: true },
  'POST /api/v1/awards/cycles/{id}/open': { pass: ['office'], region: true },
  'GET /api/v1/awards/applications': { pass: ['office', 'enterprise', 'leader'] },
  'POST /api/v1/awards/cycles/{id}/applications': { pass: ['enterprise'], region: true },
  'GET /api/v1/awards/applications/{id}': { pass: ['office', 'enterprise', 'leader'], org: ['enterprise'], region: true },
  'PUT /api/v1/awards/applications/{id}': { pass: ['enterprise'], org: ['enterprise'], region: true },
  'POST /api/v1/awards/applications/{id}/submit': { pass: ['enterprise'], org: ['enterprise'], region: true },
  'GET /api/v1/awards/applications/{id}/eligibility': {
    pass: ['office', 'enterprise', 'leader'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/awards/applications/{id}/eligibility-decision': { pass: ['office'], region: true },
  'POST /api/v1/awards/applications/{id}/transitions': {
    pass: ['enterprise'],
    see: ['office', 'expert', 'leader'],
    org: ['enterprise', 'expert'],
    region: true,
  },
  'GET /api/v1/awards/applications/{id}/next-level-cycles': { pass: ['office', 'leader'], region: true },
  'POST /api/v1/awards/applications/{id}/recommend-next': { pass: ['office', 'leader'], region: true },
  'GET /api/v1/awards/enterprises/{id}/ladder': { pass: ['office', 'enterprise', 'leader'], org: ['enterprise'], region: true },
  'GET /api/v1/awards/applications/{id}/attachments': {
    pass: ['office', 'enterprise', 'expert', 'leader'],
    org: ['enterprise', 'expert'],
    region: true,
  },
  'POST /api/v1/awards/applications/{id}/attachments': { pass: ['enterprise'], org: ['enterprise'], region: true },
  'GET /api/v1/awards/applications/{id}/attachments/{fileId}': {
    pass: ['office', 'enterprise', 'expert', 'leader'],
    org: ['enterprise', 'expert'],
    region: true,
  },
  'DELETE /api/v1/awards/applications/{id}/attachments/{fileId}': { pass: ['enterprise'], org: ['enterprise'], region: true },
  'GET /api/v1/awards/applications/{id}/certificate': {
    pass: ['office', 'enterprise', 'leader'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/awards/cycles/{id}/review-groups': { pass: ['office'], region: true },
  'GET /api/v1/awards/applications/{id}/review-group': { pass: ['office'], region: true },
  'POST /api/v1/awards/applications/{id}/review-group/members': { pass: ['office'], region: true },
  'POST /api/v1/awards/applications/{id}/review-group/members/{expertId}/remove': { pass: ['office'], region: true },
  'GET /api/v1/awards/my-reviews': { pass: ['expert'] },
  'POST /api/v1/awards/my-interests': { pass: ['expert'] },
  'POST /api/v1/awards/applications/{id}/declaration': { pass: ['expert'], org: ['expert'], region: true },
  'GET /api/v1/awards/applications/{id}/review': { pass: ['expert'], org: ['expert'], region: true },
  'PUT /api/v1/awards/applications/{id}/my-scores': { pass: ['expert'], org: ['expert'], region: true },
  'GET /api/v1/awards/applications/{id}/consensus': { pass: ['expert'], org: ['expert'], region: true },
  'PUT /api/v1/awards/applications/{id}/consensus': { pass: ['expert'], org: ['expert'], region: true },
  'PUT /api/v1/awards/applications/{id}/site-review': { pass: ['expert'], org: ['expert'], region: true },
  'PUT /api/v1/awards/applications/{id}/feedback': { pass: ['expert'], org: ['expert'], region: true },
  'GET /api/v1/awards/cycles/{id}/ranking': { pass: ['office', 'leader'], region: true },
  'POST /api/v1/awards/cycles/{id}/selection': { pass: ['office', 'leader'], region: true },
  'POST /api/v1/awards/cycles/{id}/notice': { pass: ['office', 'leader'], region: true },
  'GET /api/v1/awards/cycles/{id}/objections': { pass: ['office'], region: true },
  'POST /api/v1/awards/objections/{id}/handling': { pass: ['office'], region: true },
  'GET /api/v1/awards/objections/{id}/evidence/{fileId}': { pass: [], hidden: ['office'] },
  'POST /api/v1/awards/cycles/{id}/announce': { pass: ['office', 'leader'], region: true },
  // ---- awards (public)
  'GET /api/v1/public/awards/notices': PUBLIC,
  'GET /api/v1/public/awards/revocations': PUBLIC,
  'GET /api/v1/public/awards/cycles/{id}/recommendations': PUBLIC,
  'POST /api/v1/public/awards/notices/{id}/evidence': PUBLIC,
  // The demo cycle is not under public notice: to the public its notice does not exist.
  'POST /api/v1/public/awards/notices/{id}/applications/{applicationId}/objections': { ...PUBLIC, passWith: [404] },
  // ---- services (public)
  'GET /api/v1/public/services/catalogue': PUBLIC,
  'GET /api/v1/public/services/figures': PUBLIC,
  // ---- services
  'GET /api/v1/services/catalogue': { pass: ['office', 'dept', 'enterprise', 'institution', 'leader'] },
  'POST /api/v1/services/catalogue': { pass: ['office'] },
  'GET /api/v1/services/catalogue/{id}': { pass: ['office', 'dept', 'enterprise', 'institution', 'leader'], region: true },
  'PUT /api/v1/services/catalogue/{id}': { pass: ['office'], region: true },
  'GET /api/v1/services/requests': { pass: ['office', 'enterprise', 'institution', 'leader'] },
  'POST /api/v1/services/requests': { pass: ['enterprise'] },
  'GET /api/v1/services/requests/{id}': {
    pass: ['office', 'enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'GET /api/v1/services/requests/{id}/proposal': { pass: ['office'], region: true },
  'POST /api/v1/services/requests/{id}/accept': {
    pass: ['office'],
    see: ['enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/decline': {
    pass: ['office'],
    see: ['enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/dispatch': {
    pass: ['office'],
    see: ['enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/transfer': {
    pass: ['office'],
    see: ['enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/merge': {
    pass: ['office'],
    see: ['enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/close': {
    pass: ['office'],
    see: ['enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/notes': {
    pass: ['office'],
    see: ['enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/questions': {
    pass: ['office'],
    see: ['enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/answers': {
    pass: ['enterprise'],
    see: ['office', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/rate': {
    pass: ['enterprise'],
    see: ['office', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/reopen': {
    pass: ['enterprise'],
    see: ['office', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/institution-accept': {
    pass: ['institution'],
    see: ['office', 'enterprise', 'leader'],
    org: ['institution', 'enterprise'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/hand-back': {
    pass: ['institution'],
    see: ['office', 'enterprise', 'leader'],
    org: ['institution', 'enterprise'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/progress': {
    pass: ['institution'],
    see: ['office', 'enterprise', 'leader'],
    org: ['institution', 'enterprise'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/quotation': {
    pass: ['institution'],
    see: ['office', 'enterprise', 'leader'],
    org: ['institution', 'enterprise'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/done': {
    pass: ['institution'],
    see: ['office', 'enterprise', 'leader'],
    org: ['institution', 'enterprise'],
    region: true,
  },
  'POST /api/v1/services/requests/{id}/attachments': {
    pass: ['office', 'enterprise'],
    see: ['institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'GET /api/v1/services/requests/{id}/attachments/{attachmentId}': {
    pass: ['office', 'enterprise', 'institution', 'leader'],
    org: ['enterprise', 'institution'],
    region: true,
  },
  'GET /api/v1/services/board': { pass: ['office', 'leader'] },
  'GET /api/v1/services/board/export': { pass: ['office', 'leader'] },
  'GET /api/v1/services/api-clients': { pass: ['office'] },
  'POST /api/v1/services/api-clients': { pass: ['office'] },
  'POST /api/v1/services/api-clients/{id}/revoke': { pass: ['office'], region: true },
  // ---- supervision
  'GET /api/v1/supervision/items': { pass: ['office', 'dept', 'enterprise', 'leader'] },
  'POST /api/v1/supervision/items': { pass: ['office'] },
  'PUT /api/v1/supervision/items/{id}': { pass: ['office'], region: true },
  'GET /api/v1/supervision/targets': { pass: ['office', 'dept', 'enterprise', 'leader'] },
  'POST /api/v1/supervision/targets/sync': { pass: ['office'] },
  'PUT /api/v1/supervision/targets/{enterpriseId}': { pass: ['office'], region: true },
  'GET /api/v1/supervision/inspectors': { pass: ['office', 'dept', 'leader'], hidden: ['enterprise'] },
  'POST /api/v1/supervision/inspectors': { pass: ['office'] },
  'GET /api/v1/supervision/inspectors/{id}': { pass: ['office', 'leader'], hidden: ['dept', 'enterprise'], region: true },
  'PUT /api/v1/supervision/inspectors/{id}': { pass: ['office'], region: true },
  'GET /api/v1/supervision/plans': { pass: ['office', 'dept', 'leader'], hidden: ['enterprise'] },
  'POST /api/v1/supervision/plans': { pass: ['office'] },
  'GET /api/v1/supervision/plans/{id}': {
    pass: ['office', 'dept', 'leader'],
    hidden: ['enterprise'],
    org: ['dept'],
    region: true,
  },
  'POST /api/v1/supervision/plans/{id}/commit': { pass: ['office'], region: true },
  'POST /api/v1/supervision/plans/{id}/seed': { pass: ['office'], region: true },
  'POST /api/v1/supervision/plans/{id}/draw-targets': { pass: ['office'], region: true },
  'POST /api/v1/supervision/plans/{id}/draw-inspectors': { pass: ['office'], region: true },
  'POST /api/v1/supervision/plans/{id}/close': { pass: ['office'], region: true },
  'GET /api/v1/supervision/inspections': { pass: ['office', 'dept', 'enterprise', 'leader'] },
  'GET /api/v1/supervision/inspections/{id}': {
    pass: ['office', 'enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/inspections/{id}/record': { pass: ['office'], hidden: ['dept'], region: true },
  'POST /api/v1/supervision/inspections/{id}/publish': { pass: ['office'], region: true },
  'GET /api/v1/supervision/product-checks': { pass: ['office', 'dept', 'enterprise', 'leader'] },
  'POST /api/v1/supervision/product-checks': { pass: ['office'] },
  'GET /api/v1/supervision/product-checks/{id}': {
    pass: ['office', 'enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/product-checks/{id}/results': {
    pass: ['office'],
    see: ['enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  // The office corrects recorded results (the old ones kept); the firm and the leader only see the check.
  'POST /api/v1/supervision/product-checks/{id}/correction': {
    pass: ['office'],
    see: ['enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/product-checks/{id}/notify': {
    pass: ['office'],
    see: ['enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/product-checks/{id}/objection': {
    pass: ['enterprise'],
    see: ['office', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/product-checks/{id}/decision': {
    pass: ['office'],
    see: ['enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/product-checks/{id}/retest': {
    pass: ['office', 'enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/product-checks/{id}/close': {
    pass: ['office'],
    see: ['enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/product-checks/{id}/publish': { pass: ['office'], region: true },
  'POST /api/v1/supervision/product-checks/{id}/rectification': { pass: ['office'], region: true },
  'GET /api/v1/supervision/rectifications': { pass: ['office', 'dept', 'enterprise', 'leader'] },
  'GET /api/v1/supervision/rectifications/{id}': {
    pass: ['office', 'enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/rectifications/{id}/steps/{transition}': {
    pass: ['enterprise'],
    see: ['office', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'POST /api/v1/supervision/rectifications/{id}/evidence': {
    pass: ['enterprise'],
    see: ['office', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'GET /api/v1/supervision/rectifications/{id}/files/{fileId}': {
    pass: ['office', 'enterprise', 'leader'],
    hidden: ['dept'],
    org: ['enterprise'],
    region: true,
  },
  'GET /api/v1/supervision/signals': { pass: ['office', 'leader'] },
  'POST /api/v1/supervision/signals': { pass: ['office'] },
  'GET /api/v1/supervision/signals/{id}': { pass: ['office', 'leader'], region: true },
  'POST /api/v1/supervision/signals/{id}/grade': { pass: ['office'], see: ['leader'], region: true },
  'POST /api/v1/supervision/signals/{id}/plan': { pass: ['office'], see: ['leader'], region: true },
  'POST /api/v1/supervision/signals/{id}/close': { pass: ['office'], see: ['leader'], region: true },
  'GET /api/v1/supervision/overdue': { pass: ['office', 'leader'] },
  'GET /api/v1/supervision/settings': { pass: ['office', 'dept', 'leader'] },
  'PUT /api/v1/supervision/settings': { pass: ['office'] },
  // ---- supervision (public)
  'GET /api/v1/public/supervision/results': PUBLIC,
  'GET /api/v1/public/supervision/draws': PUBLIC,
  'GET /api/v1/public/supervision/draws/{id}': PUBLIC,
  'GET /api/v1/public/supervision/draw-records/{id}': PUBLIC,
  // ---- governance
  'GET /api/v1/governance/group': { pass: ['office', 'dept', 'leader'] },
  'POST /api/v1/governance/group/members': { pass: ['office'] },
  'POST /api/v1/governance/group/members/{id}/end': { pass: ['office'], region: true },
  'GET /api/v1/governance/meetings': { pass: ['office', 'dept', 'leader'] },
  'POST /api/v1/governance/meetings': { pass: ['office'] },
  'GET /api/v1/governance/meetings/{id}': { pass: ['office', 'dept', 'leader'], region: true },
  'PUT /api/v1/governance/meetings/{id}/attendance': { pass: ['office'], region: true },
  'PUT /api/v1/governance/meetings/{id}/minutes': { pass: ['office'], region: true },
  'POST /api/v1/governance/meetings/{id}/transitions': { pass: ['office'], region: true },
  'POST /api/v1/governance/meetings/{id}/resolutions': { pass: ['office'], region: true },
  'GET /api/v1/governance/tasks': { pass: ['office', 'dept', 'leader'] },
  'GET /api/v1/governance/tasks/board': { pass: ['office', 'dept', 'leader'] },
  'GET /api/v1/governance/tasks/{id}': { pass: ['office', 'dept', 'leader'], org: ['dept'], region: true },
  'POST /api/v1/governance/tasks/{id}/progress': { pass: ['dept'], org: ['dept'], region: true },
  'POST /api/v1/governance/tasks/{id}/transitions': { pass: ['office', 'dept'], org: ['dept'], region: true },
  'POST /api/v1/governance/tasks/{id}/attachments': { pass: ['dept'], org: ['dept'], region: true },
  'GET /api/v1/governance/tasks/{id}/attachments/{fileId}': { pass: ['office', 'dept', 'leader'], org: ['dept'], region: true },
  'GET /api/v1/governance/assessment-sources': { pass: ['office', 'dept', 'leader'] },
  'GET /api/v1/governance/assessments': { pass: ['office', 'dept', 'leader'] },
  'POST /api/v1/governance/assessments': { pass: ['office'] },
  'GET /api/v1/governance/assessments/{year}': { pass: ['office', 'dept', 'leader'], region: true },
  'PUT /api/v1/governance/assessments/{year}': { pass: ['office'] },
  'PUT /api/v1/governance/assessments/{year}/values': { pass: ['office'], region: true },
  'POST /api/v1/governance/assessments/{year}/compute': { pass: ['office'], region: true },
  'POST /api/v1/governance/assessments/{year}/lock': { pass: ['office'], region: true },
  'POST /api/v1/governance/assessments/{year}/appeals': { pass: ['dept'], region: true },
  'POST /api/v1/governance/assessments/{year}/appeals/{id}/decision': { pass: ['office'], region: true },
  'GET /api/v1/governance/budget/lines': { pass: ['office', 'leader'] },
  'POST /api/v1/governance/budget/lines': { pass: ['office'] },
  'GET /api/v1/governance/budget/lines/{id}': { pass: ['office', 'leader'], region: true },
  'POST /api/v1/governance/budget/lines/{id}/commitments': { pass: ['office'], region: true },
  'POST /api/v1/governance/budget/lines/{id}/payments': { pass: ['office'], region: true },
  'POST /api/v1/governance/budget/lines/{id}/commitments/{commitmentId}/release': { pass: ['office'], region: true },
  'POST /api/v1/governance/budget/lines/{id}/entries/{entryId}/documents': { pass: ['office'], region: true },
  'GET /api/v1/governance/budget/lines/{id}/entries/{entryId}/documents/{fileId}': { pass: ['office', 'leader'], region: true },
  'POST /api/v1/governance/budget/reallocations': { pass: [], hidden: ['office'] },
  'GET /api/v1/governance/reports/{year}': { pass: ['office', 'leader'] },
  'GET /api/v1/governance/reports/{year}/pdf': { pass: ['office', 'leader'] },
  'GET /api/v1/governance/overview': { pass: ['office', 'leader'] },
};
