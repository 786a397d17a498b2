import { Prisma } from '../../generated/prisma/client';
import { isDatabaseUnavailable, isUniqueViolation } from './prisma-errors';

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('failed', { code, clientVersion: 'test', meta });

/** A driver adapter error as @prisma/adapter-pg reports a PostgreSQL error (P2039 in Prisma). */
const postgresError = (originalCode: string) =>
  known('P2039', {
    driverAdapterError: {
      name: 'DriverAdapterError',
      cause: { kind: 'postgres', originalCode, originalMessage: 'x', code: originalCode },
    },
  });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['unreachable server (P1001)', known('P1001')],
    ['closed connection (P1017)', known('P1017')],
    ['pool timeout (P2024)', known('P2024')],
    [
      'adapter: DatabaseNotReachable',
      known('P2010', {
        driverAdapterError: { cause: { kind: 'DatabaseNotReachable', host: 'h', port: 1 } },
      }),
    ],
    ['57P01 administrator shutdown', postgresError('57P01')],
    ['57P03 shutting down / starting up', postgresError('57P03')],
    ['08006 connection failure', postgresError('08006')],
    ['53300 too many connections', postgresError('53300')],
    [
      'node-postgres broken client',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['node-postgres terminated', new Error('Connection terminated unexpectedly')],
    ['socket refused', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['wrapped in a cause', new Error('outer', { cause: postgresError('57P01') })],
    ['initialisation', new Prisma.PrismaClientInitializationError('cannot connect', 'test')],
  ])('%s: unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', known('P2002')],
    ['record not found', known('P2025')],
    ['syntax error 42601', postgresError('42601')],
    ['serialisation failure 40001', postgresError('40001')],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error', 'P1001'],
    ['null', null],
  ])('%s: not unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('stops on a cycle of causes', () => {
    const error = new Error('a') as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('recognises P2002, optionally on a field', () => {
    expect(isUniqueViolation(known('P2002', { target: ['email'] }), 'email')).toBe(true);
    expect(isUniqueViolation(known('P2002', { target: ['slug'] }), 'email')).toBe(false);
    expect(isUniqueViolation(known('P1001'))).toBe(false);
  });
});
