import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { PrismaClient } from '../../generated/prisma/client';

/**
 * The one Prisma client of the process (PostgreSQL through @prisma/adapter-pg). It connects on
 * the first query, so the API boots (and the schema prints) without a database, and disconnects
 * only after the HTTP server has finished its in-flight requests.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@InjectConfig() config: AppConfig) {
    super({ adapter: new PrismaPg({ connectionString: config.databaseUrl }) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
