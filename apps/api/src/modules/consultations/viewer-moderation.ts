import { Injectable } from '@nestjs/common';
import { type Actor, can, type ConsultationModeration, isSuspended } from '@passerelle/domain';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { PrismaService } from '../../common/prisma/prisma.service';
import { type LocalModeration } from './consultation-moderators.repository';

const NOT_LOCAL: ConsultationModeration = { isLocalModerator: false };

/** The consultation each proposal read by this request's comment thread belongs to. */
const threadConsultations = new WeakMap<LoaderRegistry, Map<string, string>>();
/** What a proposal's own statement already told of the viewer, per consultation. */
const primed = new WeakMap<LoaderRegistry, Map<string, ConsultationModeration>>();

/**
 * What the proposal page needs to know of the viewer as a local moderator of one consultation,
 * read once per request in one statement, and only for a signed-in account without the
 * platform-wide moderation role.
 */
@Injectable()
export class ViewerModeration {
  constructor(private readonly prisma: PrismaService) {}

  /** The viewer's local moderation (consultations and suspension), one statement per request. */
  localModeration(actorId: string, loaders: LoaderRegistry): Promise<LocalModeration> {
    return loaders
      .get('proposalPage.viewerModeration', (ids: readonly string[]) =>
        Promise.all(ids.map((id) => this.read(id))),
      )
      .load(actorId);
  }

  /** Like ConsultationModeratorsRepository.localModeration, in one statement (no relation query). */
  private async read(userId: string, now = new Date()): Promise<LocalModeration> {
    const rows = await this.prisma.$queryRaw<
      {
        suspendedAt: Date | null;
        suspendedUntil: Date | null;
        consultationIds: string[];
      }[]
    >`
      SELECT u."suspendedAt", u."suspendedUntil",
        coalesce(array_agg(cm."consultationId"::text) FILTER (WHERE cm."consultationId" IS NOT NULL),
          '{}'::text[]) AS "consultationIds"
      FROM "users" u LEFT JOIN "consultation_moderators" cm ON cm."userId" = u."id"
      WHERE u."id" = ${userId}::uuid AND u."deletedAt" IS NULL
      GROUP BY u."id"`;
    const row = rows[0];
    if (!row) return { consultationIds: [], isSuspended: false };
    return { consultationIds: row.consultationIds, isSuspended: isSuspended(row, now) };
  }

  /**
   * The domain's ConsultationModeration context of the viewer in this consultation. Anonymous
   * visitors and platform moderators need no read (the role decides for them).
   */
  async in(
    actor: Actor,
    consultationId: string,
    loaders: LoaderRegistry,
  ): Promise<ConsultationModeration> {
    if (actor === null || can(actor, 'moderation.act')) return NOT_LOCAL;
    const known = primed.get(loaders)?.get(consultationId);
    if (known) return known;
    const local = await this.localModeration(actor.id, loaders);
    return {
      isLocalModerator: local.consultationIds.includes(consultationId),
      isSuspended: local.isSuspended,
    };
  }

  /**
   * What the proposal page's statement read of the viewer in its consultation (the page then
   * costs no statement more for this; other proposals fall back on the per-request read).
   */
  prime(loaders: LoaderRegistry, consultationId: string, moderation: ConsultationModeration): void {
    let map = primed.get(loaders);
    if (!map) {
      map = new Map();
      primed.set(loaders, map);
    }
    map.set(consultationId, moderation);
  }

  /** Tells the comments' fields which consultation this proposal's thread belongs to. */
  rememberThread(loaders: LoaderRegistry, proposalId: string, consultationId: string): void {
    let map = threadConsultations.get(loaders);
    if (!map) {
      map = new Map();
      threadConsultations.set(loaders, map);
    }
    map.set(proposalId, consultationId);
  }

  /** The consultation of a proposal whose thread this request read, if any. */
  threadConsultation(loaders: LoaderRegistry, proposalId: string): string | undefined {
    return threadConsultations.get(loaders)?.get(proposalId);
  }
}
