/** What other modules and the platform may use of identity. */
export { createAuthService, type AuthService } from './auth.service.js';
export { createUsersService, type UsersService } from './users.service.js';
export { createAuditService, verifyAuditLog, type AuditService } from './audit.service.js';
export { authRoutes } from './auth.routes.js';
export { usersRoutes } from './users.routes.js';
export { auditRoutes } from './audit.routes.js';
export { seedDemoUsers, type DemoUserSpec } from './identity.seed.js';
export { countUsers } from './identity.repo.js';
export { identityJobs, SESSION_RETENTION_DAYS } from './identity.jobs.js';
export { activeUsersWithRole } from './identity.repo.js';
