/** Every table of every module, for Drizzle's typed queries and drizzle-kit's migrations. */
export * from '../audit/audit.tables.js';
export * from '../../modules/identity/identity.tables.js';
export * from '../../modules/registry/registry.tables.js';
