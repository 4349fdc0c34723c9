import { z } from 'zod';
import { ROLE_CODES, PERMISSIONS } from './permissions.js';
import { checkPassword } from './password-policy.js';
import { listQuery } from '../shared/list.js';

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, { error: 'username.format' });

export const loginRequest = z.object({
  username: z.string().trim().min(1, { error: 'validation.required' }).max(64),
  password: z.string().min(1, { error: 'validation.required' }).max(256),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const roleCode = z.enum(ROLE_CODES, { error: 'validation.invalidOption' });
export const permissionName = z.enum(PERMISSIONS);

export const me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  roles: z.array(roleCode),
  permissions: z.array(permissionName),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof me>;

export const loginResponse = z.object({ user: me, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponse>;

/** A new password checked against the policy; the user name check needs the service's context. */
export const newPassword = z
  .string()
  .max(256)
  .superRefine((value, ctx) => {
    const problem = checkPassword(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, { error: 'validation.required' }),
  newPassword,
});

export const userStatus = z.enum(['active', 'disabled']);

export const userCreateRequest = z.object({
  username,
  displayName: z.string().trim().min(1, { error: 'validation.required' }).max(64),
  password: newPassword,
  regionCode: z.string().regex(/^\d{6}$/, { error: 'regionCode.format' }),
  organizationId: z.uuid().nullable().optional(),
  roles: z.array(roleCode).min(1, { error: 'roles.empty' }),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{7,20}$/, { error: 'phone.format' })
    .optional(),
});
export type UserCreateRequest = z.infer<typeof userCreateRequest>;

export const userUpdateRequest = z.object({
  displayName: z.string().trim().min(1, { error: 'validation.required' }).max(64).optional(),
  status: userStatus.optional(),
  organizationId: z.uuid().nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\- ]{7,20}$/, { error: 'phone.format' })
    .nullable()
    .optional(),
});

export const userRolesRequest = z.object({ roles: z.array(roleCode).min(1, { error: 'roles.empty' }) });
export const resetPasswordRequest = z.object({ newPassword });

export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  regionCode: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  roles: z.array(roleCode),
  status: userStatus,
  phone: z.string().nullable(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof user>;

export const userListQuery = listQuery.extend({
  role: roleCode.optional(),
  status: userStatus.optional(),
});

export const auditOutcome = z.enum(['success', 'failure', 'denied']);
export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: auditOutcome,
  detail: z.record(z.string(), z.unknown()).nullable(),
  clientIp: z.string().nullable(),
  regionCode: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListQuery = listQuery.extend({
  action: z.string().max(64).optional(),
  outcome: auditOutcome.optional(),
  actorName: z.string().max(64).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;
