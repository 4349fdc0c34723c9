/** Drizzle tables of the supervision module (exported to drizzle-kit through platform/db/schema.ts). */
export {};
