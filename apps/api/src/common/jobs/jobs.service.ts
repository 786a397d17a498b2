import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import PgBoss from 'pg-boss';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';

/** pg-boss keeps its tables in their own schema, created and migrated by pg-boss itself. */
export const JOBS_SCHEMA = 'pgboss';
/** Between two attempts to start the queue while the database is unreachable. */
const START_RETRY_MS = 5_000;
/** Cron schedules run in French time (e.g. the 07:00 daily digest). */
export const JOBS_TIME_ZONE = 'Europe/Paris';
/** Longest wait for the running jobs on shutdown. */
const STOP_TIMEOUT_MS = 10_000;

export interface QueueDefinition<T extends object> {
  name: string;
  options: Omit<PgBoss.Queue, 'name'>;
  /** One job at a time per process; a thrown error fails the job (pg-boss retries it). */
  handle: (data: T) => Promise<void>;
  /** Runs once the worker listens, e.g. to catch up on work missed while the API was down. */
  onStart?: () => Promise<void>;
  /**
   * A cron expression (in JOBS_TIME_ZONE): pg-boss then queues one job per tick, whatever the
   * number of API processes (the schedule lives in the database).
   */
  cron?: string;
}

/**
 * The background job queue (pg-boss, PostgreSQL-backed). Feature modules register their queues
 * while the application initialises; once it has booted the queue starts in the background (the
 * API, like Prisma, boots without a database: starting is retried until it succeeds) and stops
 * with the application, letting the running job finish. With JOBS_ENABLED=false nothing starts
 * and `send` is a no-op.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly queues: QueueDefinition<object>[] = [];
  private boss: PgBoss | null = null;
  private isStarted = false;
  private isStopping = false;
  private starting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  get isEnabled(): boolean {
    return this.config.jobsEnabled;
  }

  /** Declares a queue and its worker; call before the application has booted. */
  register<T extends object>(queue: QueueDefinition<T>): void {
    this.queues.push(queue as unknown as QueueDefinition<object>);
  }

  onApplicationBootstrap(): void {
    if (this.isEnabled) this.starting = this.start();
  }

  /**
   * Queues a job. Returns its id, or null when the queue refused it (e.g. a stately queue that
   * already holds one for the same singletonKey) or is not running.
   */
  async send(name: string, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    if (!this.boss || !this.isStarted) return null;
    return this.boss.send(name, data, options);
  }

  async onModuleDestroy(): Promise<void> {
    this.isStopping = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.starting;
    const boss = this.boss;
    this.boss = null;
    if (boss && this.isStarted) {
      this.isStarted = false;
      await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
    }
  }

  private async start(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'passerelle-jobs',
      max: 3,
      // The cron clock runs only when a queue has a schedule (opinion groups run on votes).
      schedule: this.queues.some((queue) => queue.cron !== undefined),
    });
    boss.on('error', (error) => this.logger.error(`Job queue error: ${error.message}`));
    try {
      await boss.start();
      for (const queue of this.queues) {
        await boss.createQueue(queue.name, { name: queue.name, ...queue.options });
        if (queue.cron) await boss.schedule(queue.name, queue.cron, {}, { tz: JOBS_TIME_ZONE });
      }
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      if (this.isStopping) return;
      this.logger.warn(`Job queue not started (${(error as Error).message}); retrying`);
      this.retryTimer = setTimeout(() => {
        this.starting = this.start();
      }, START_RETRY_MS);
      return;
    }
    this.boss = boss;
    this.isStarted = true;
    for (const queue of this.queues) {
      await boss.work<object>(
        queue.name,
        { batchSize: 1, pollingIntervalSeconds: 1 },
        async ([job]) => {
          if (job) await queue.handle(job.data);
        },
      );
    }
    this.logger.log(`Job queue started (${this.queues.map((q) => q.name).join(', ')})`);
    for (const queue of this.queues) {
      await queue.onStart?.().catch((error: unknown) => {
        this.logger.error(`Catch-up of ${queue.name} failed: ${(error as Error).message}`);
      });
    }
  }
}
