import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { PrismaClient } from '../../generated/prisma/client';

/**
 * Connection pool settings. node-postgres applies `connectionTimeoutMillis` both to a connection
 * attempt that gets no answer (a server behind a dead route, a failover in progress) and to a
 * request queued for a free connection of the pool: past it the request fails with
 * SERVICE_UNAVAILABLE instead of hanging. It is long enough that a burst of votes queued behind
 * one proposal's row lock on a busy machine still gets through (a 5 s bound refused some in CI);
 * a stopped or restarting server answers at once and is not concerned. Idle connections are
 * closed after 30 s and TCP keep-alive notices a peer that vanished.
 */
export const POOL_SETTINGS = {
  connectionTimeoutMillis: 30_000,
  idleTimeoutMillis: 30_000,
  keepAlive: true,
} as const;

/**
 * The one Prisma client of the process (PostgreSQL through @prisma/adapter-pg). It connects on
 * the first query, so the API boots (and the schema prints) without a database, and disconnects
 * only after the HTTP server has finished its in-flight requests. When PostgreSQL restarts, the
 * pool's broken connections are dropped (their errors are logged, never thrown: an unhandled
 * 'error' event would end the process) and new ones are opened on the next queries.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@InjectConfig() config: AppConfig) {
    const logger = new Logger('Database');
    super({
      adapter: new PrismaPg(
        { connectionString: config.databaseUrl, ...POOL_SETTINGS },
        {
          onPoolError: (error) => logger.warn(`Idle database connection lost: ${error.message}`),
          onConnectionError: (error) => logger.warn(`Database connection lost: ${error.message}`),
        },
      ),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
