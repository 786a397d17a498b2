import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { JobsService } from '../../common/jobs/jobs.service';
import { PrivacyService } from './privacy.service';

export const RETENTION_QUEUE = 'retention-purge';
/** Every day at 03:30 (JOBS_TIME_ZONE, Europe/Paris), a quiet hour. */
export const RETENTION_CRON = '30 3 * * *';

/**
 * The daily retention purge (a pg-boss cron queue): auth events, sent or failed e-mails, stale
 * refresh and account tokens and OpenID Connect attempts older than their configured periods
 * (RETENTION_*_DAYS) are deleted in bounded statements (PrivacyRepository.purge).
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly jobs: JobsService,
    private readonly privacy: PrivacyService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: RETENTION_QUEUE,
      options: { policy: 'singleton', retryLimit: 2, expireInSeconds: 30 * 60 },
      cron: RETENTION_CRON,
      handle: async () => {
        await this.run(new Date());
      },
    });
  }

  async run(now: Date): Promise<void> {
    const counts = await this.privacy.purgeExpired(now);
    this.logger.log(`Retention purge: ${JSON.stringify(counts)}`);
  }
}
