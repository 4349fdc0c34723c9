/**
 * Whether an error means the database connection is gone or cannot be made (a failover, a
 * restart, a DBA's pg_terminate_backend, PgBouncer going away) rather than a fault of the
 * request: such a request is answered 503 "try again", not 500.
 */
const LOST_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
]);
const LOST_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const LOST_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
  /is not currently accepting connections/,
];

export function isConnectionLoss(err: unknown): boolean {
  // Drizzle wraps the driver's error (DrizzleQueryError.cause): look down the chain.
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && (LOST_SQLSTATES.has(e.code) || LOST_ERRNOS.has(e.code))) return true;
    if (typeof e.message === 'string' && LOST_MESSAGES.some((m) => m.test(e!.message as string))) return true;
    e = e.cause as typeof e;
  }
  return false;
}
