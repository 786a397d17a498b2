import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, parseConfig } from './config/config.schema';

/** Longest time a shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const app = await createApp(config, { bufferLogs: true });
  // SIGTERM/SIGINT: readiness turns false, the HTTP server stops accepting and drains its
  // in-flight requests, then Apollo stops and Prisma disconnects (see HealthService, PrismaService).
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref());
  }
  await app.listen(config.port, config.host);
  new Logger('Bootstrap').log(
    `Passerelle API listening on http://${config.host}:${config.port}/graphql`,
    'Bootstrap',
  );
}

void main().catch((error: unknown) => {
  console.error('Passerelle API failed to start:', error);
  process.exit(1);
});
