import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { PrismaClient } from '../../generated/prisma/client';

/**
 * Connection pool settings. A connection attempt that gets no answer (a server behind a dead
 * route, a failover in progress) gives up after CONNECT_TIMEOUT_MS, so a request fails with
 * SERVICE_UNAVAILABLE instead of hanging; idle connections are closed after IDLE_TIMEOUT_MS and
 * TCP keep-alive notices a peer that vanished.
 */
export const POOL_SETTINGS = {
  connectionTimeoutMillis: 5_000,
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
