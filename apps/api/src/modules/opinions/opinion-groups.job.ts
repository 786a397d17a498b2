import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { computeOpinionGroupsFromMatrix } from '@passerelle/domain';
import { JobsService } from '../../common/jobs/jobs.service';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { OpinionsRepository } from './opinions.repository';

export const OPINION_GROUPS_QUEUE = 'opinion-groups';

export interface OpinionGroupsJobData {
  consultationId: string;
}

export interface OpinionGroupsRunSummary {
  consultationId: string;
  votesCount: number;
  groupCount: number;
  durationMs: number;
}

/**
 * The opinion-groups job: recomputes a consultation's groups and CONSENSUS / DIVISIVE figures
 * from all its votes. The queue is "stately" with the consultation as singleton key, so at most
 * one run waits and one runs per consultation: votes arriving during the debounce delay join the
 * waiting run, votes arriving during a run queue the next one.
 */
@Injectable()
export class OpinionGroupsJob implements OnModuleInit {
  private readonly logger = new Logger('OpinionGroups');

  constructor(
    private readonly jobs: JobsService,
    private readonly repository: OpinionsRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register<OpinionGroupsJobData>({
      name: OPINION_GROUPS_QUEUE,
      options: { policy: 'stately', retryLimit: 3, retryDelay: 5, expireInSeconds: 15 * 60 },
      handle: async ({ consultationId }) => {
        await this.run(consultationId);
      },
      onStart: async () => {
        await this.catchUp();
      },
    });
  }

  /**
   * Queues a run of the consultation after the debounce delay (OPINION_GROUPS_DELAY_SECONDS).
   * Never throws: a vote must not fail because of the queue; a missed run is caught up at the
   * next vote or the next start.
   */
  async schedule(consultationId: string, delaySeconds = this.config.opinionGroupsDelaySeconds) {
    if (!this.jobs.isEnabled) return;
    try {
      await this.jobs.send(
        OPINION_GROUPS_QUEUE,
        { consultationId } satisfies OpinionGroupsJobData,
        { singletonKey: consultationId, startAfter: delaySeconds },
      );
    } catch (error) {
      this.logger.error(
        `Could not queue the opinion groups of ${consultationId}: ${(error as Error).message}`,
      );
    }
  }

  /** Queues at once every consultation whose figures are behind its votes. */
  async catchUp(): Promise<number> {
    const ids = await this.repository.findStaleConsultationIds();
    for (const id of ids) await this.schedule(id, 0);
    if (ids.length > 0)
      this.logger.log(`Catching up the opinion groups of ${ids.length} consultations`);
    return ids.length;
  }

  /**
   * One run: reads the votes, computes, writes everything in one transaction. Returns null when
   * the consultation was deleted meanwhile (nothing to do, the job completes).
   */
  async run(consultationId: string): Promise<OpinionGroupsRunSummary | null> {
    const startedAt = performance.now();
    const computedAt = new Date();
    const matrix = await this.repository.readVoteMatrix(consultationId);
    const votesCount = matrix.columns.length;
    const result = computeOpinionGroupsFromMatrix(matrix);
    const isWritten = await this.repository.replaceRun(
      consultationId,
      result,
      votesCount,
      computedAt,
    );
    const durationMs = Math.round(performance.now() - startedAt);
    if (!isWritten) {
      this.logger.log(`Opinion groups of ${consultationId} skipped: consultation deleted`);
      return null;
    }
    this.logger.log(
      `Opinion groups of ${consultationId}: ${result.quality.k} groups from ${votesCount} votes on ${matrix.proposalIds.length} proposals in ${durationMs} ms`,
    );
    return { consultationId, votesCount, groupCount: result.quality.k, durationMs };
  }
}
