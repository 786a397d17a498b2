import { Prisma } from '../../generated/prisma/client';

/** Whether an error is a unique-constraint violation (P2002), optionally on a given field. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002')
    return false;
  if (!field) return true;
  return JSON.stringify(error.meta ?? {}).includes(field);
}

/** Prisma codes for a database that cannot be reached or answered in time. */
const UNAVAILABLE_PRISMA_CODES = new Set([
  'P1001', // can't reach database server
  'P1002', // database server reached but timed out
  'P1008', // operations timed out
  'P1017', // server has closed the connection
  'P2024', // timed out fetching a connection from the pool
]);
/** Driver adapter error kinds meaning the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
/** Node socket errors on the way to the database. */
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** node-postgres messages for a connection that broke under a query or a transaction. */
const UNAVAILABLE_PG_MESSAGES = [
  /^Connection terminated/,
  /connection error and is not queryable/,
  /^timeout exceeded when trying to connect$/,
  /^Client was closed and is not queryable$/,
];

/**
 * A PostgreSQL SQLSTATE of an unavailable server: class 08 (connection exception), 57P01–57P03
 * (administrator shutdown, crash shutdown, cannot connect now: shutting down or starting up)
 * and 53300 (too many connections).
 */
function isUnavailableSqlState(code: unknown): boolean {
  return (
    typeof code === 'string' &&
    (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === '53300')
  );
}

/**
 * Whether an error means the database is unavailable for a moment (restarting, failing over,
 * unreachable, out of connections) rather than a bug: such requests are answered
 * SERVICE_UNAVAILABLE and may be retried. Looks through Prisma's errors, the driver adapter's
 * cause and node-postgres errors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const record = error as {
    code?: unknown;
    errorCode?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: unknown };
    cause?: unknown;
  };
  if (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    UNAVAILABLE_PRISMA_CODES.has(error.code)
  )
    return true;
  if (typeof record.kind === 'string' && UNAVAILABLE_ADAPTER_KINDS.has(record.kind)) return true;
  if (isUnavailableSqlState(record.originalCode) || isUnavailableSqlState(record.code)) return true;
  if (typeof record.code === 'string' && UNAVAILABLE_SOCKET_CODES.has(record.code)) return true;
  if (
    typeof record.message === 'string' &&
    UNAVAILABLE_PG_MESSAGES.some((pattern) => pattern.test(record.message as string))
  )
    return true;
  return (
    isDatabaseUnavailable(record.meta?.driverAdapterError, depth + 1) ||
    isDatabaseUnavailable(record.cause, depth + 1)
  );
}
