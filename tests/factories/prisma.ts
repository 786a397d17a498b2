import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../apps/api/src/generated/prisma/client';

let client: PrismaClient | undefined;

/** The factories' own Prisma client, on the test database set up by tests/setup (DATABASE_URL). */
export function factoryPrisma(): PrismaClient {
  if (!client) {
    const connectionString = process.env['DATABASE_URL'];
    if (!connectionString)
      throw new Error(
        'DATABASE_URL is not set: run through jest -c tests/jest.integration.config.cts',
      );
    client = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  }
  return client;
}

export async function closeFactories(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}
