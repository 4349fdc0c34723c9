/** Drizzle tables of the awards module (exported to drizzle-kit through platform/db/schema.ts). */
export {};
