/** Drizzle tables of the governance module (exported to drizzle-kit through platform/db/schema.ts). */
export {};
