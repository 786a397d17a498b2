import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { ConfigError, parseConfig } from './config/config.schema';
import { HealthService } from './modules/health/health.service';

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
  await app.listen(config.port, config.host);
  const logger = new Logger('Bootstrap');
  logger.log(`Passerelle API listening on http://${config.host}:${config.port}/graphql`);

  // SIGTERM/SIGINT: readiness turns false at once and the API keeps serving for the grace
  // period, so load balancers stop routing to it and requests already sent are answered; then
  // WebSocket subscriptions close (1001, clients reconnect elsewhere), the HTTP server stops
  // accepting and drains in-flight requests, and Apollo, Redis and Prisma close.
  let isStopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (isStopping) return;
    isStopping = true;
    setTimeout(() => process.exit(1), config.shutdownGraceMs + SHUTDOWN_TIMEOUT_MS).unref();
    logger.log(`${signal} received: draining for ${config.shutdownGraceMs} ms, then stopping`);
    app.get(HealthService).markShuttingDown();
    await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
    await app.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
}

void main().catch((error: unknown) => {
  console.error('Passerelle API failed to start:', error);
  process.exit(1);
});
