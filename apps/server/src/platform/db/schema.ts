/** Every table of every module, for Drizzle's typed queries and drizzle-kit's migrations. */
export * from '../audit/audit.tables.js';
export * from '../../modules/identity/identity.tables.js';
export * from '../../modules/registry/registry.tables.js';
export * from '../../modules/awards/awards.tables.js';
export * from '../../modules/services/services.tables.js';
export * from '../../modules/supervision/supervision.tables.js';
export * from '../../modules/governance/governance.tables.js';
export * from '../files/files.tables.js';
export * from '../calendar/calendar.tables.js';
export * from '../notifications/notifications.tables.js';
