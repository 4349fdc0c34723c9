/** What the bench (parent) and a server process (child) say to each other over IPC. */

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface ServerProcessConfig {
  /** `app`: the Quality District API with its data; `ceiling`: a bare Fastify route. */
  mode: 'app' | 'ceiling';
  database?: DatabaseTarget;
  /** Enterprises to bulk-load before listening. */
  rows: number;
  /** Password of the demo users. */
  password: string;
}

export interface LoadTiming {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface ImportTiming {
  rows: number;
  format: 'xlsx' | 'csv';
  fileMb: number;
  /** Building the file: not part of the import, shown for scale. */
  generateSeconds: number;
  /** The highest resident set size of the server process during the import. */
  peakRssMb: number;
  /** Reading the spreadsheet, until validation starts. */
  readSeconds: number;
  validateSeconds: number;
  /** The duplicate check against the database, the bulk insert and the audit record, in one transaction. */
  writeSeconds: number;
  totalSeconds: number;
}

export type Request =
  | { id: number; type: 'rss' }
  | { id: number; type: 'activity' }
  | { id: number; type: 'import'; rows: number; format: 'xlsx' | 'csv' }
  | { id: number; type: 'stop' };

export type Reply =
  | { type: 'ready'; url: string; ceilingUrl: string | null; load: LoadTiming | null }
  | { type: 'failed'; message: string }
  | { id: number; type: 'rss'; rssMb: number }
  | { id: number; type: 'activity'; started: number; answered: number }
  | { id: number; type: 'import'; timing: ImportTiming }
  | { id: number; type: 'stopped' };
