/** Drizzle tables of the services module (exported to drizzle-kit through platform/db/schema.ts). */
export {};
