import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, node-postgres a Buffer: callers always get a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Every file the platform keeps (evidence, attachments, reports): in the database by default
 * (ARCHITECTURE §5 — one backup, written in the use-case's transaction, shared by every
 * instance). Modules link to a file from their own tables and authorize access themselves.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Hex SHA-256 of the content, checked again on every read. */
    sha256: text('sha256').notNull(),
    /**
     * The whole content, for files stored before chunking (kept readable as they are); null when
     * the content is in file_chunks.
     */
    content: bytea('content'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('stored_files_region_idx').on(t.regionCode), index('stored_files_sha256_idx').on(t.sha256)],
);

/**
 * A file's content in pieces of at most CHUNK_BYTES, in order of seq. An upload writes its pieces
 * as they arrive, each in its own short statement, so one large file never holds the embedded
 * database (one connection) for longer than one piece; the stored_files row that points to them is
 * written later in the use-case's transaction. Pieces with no stored_files row belong to an
 * upload that was refused or is still running (see file-chunks.ts for their cleanup).
 */
export const fileChunks = pgTable(
  'file_chunks',
  {
    fileId: uuid('file_id').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] }), index('file_chunks_created_idx').on(t.createdAt)],
);
