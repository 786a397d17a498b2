import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCanModerate,
  assertCanModerateConsultation,
  assertCanReport,
  assertDecisionTarget,
  can,
  canSeeHidden,
  DomainError,
  DomainErrorCode,
  type Language,
  moderationDecisionInputSchema,
  parseConsultationSettings,
  reportContentInputSchema,
  reportOpenKey,
  type ReportTargetType,
  validateInput,
} from '@passerelle/domain';
import { invalidArgument, isUuid } from '../../common/graphql/ids';
import { isUniqueViolation } from '../../common/prisma/prisma-errors';
import { liveEvents } from '../../common/realtime/live-events';
import { type ModerationQueueEventKind } from '../../common/realtime/realtime.events';
import { RealtimeService } from '../../common/realtime/realtime.service';
import { type AuditLogRecord, AuditRepository } from '../audit/audit.repository';
import {
  ConsultationModeratorsRepository,
  type LocalModeration,
} from '../consultations/consultation-moderators.repository';
import { type Page, pageArgs, toPage } from '../votes/page';
import { type NewNotification } from '../notifications/notifications.repository';
import { type AuditLogArgs, type ModerationQueueArgs } from './dto/moderation.inputs';
import {
  type ModerationTarget,
  ModerationRepository,
  type QueueRow,
  type ReportRecord,
} from './moderation.repository';

export const QUEUE_PAGE = { first: 20, max: 50 };
export const AUDIT_PAGE = { first: 50, max: 100 };

type DecisionKind = 'HIDE' | 'RESTORE' | 'DISMISS_REPORTS';

/** What the author of the content is told after each decision. */
const NOTICE = {
  HIDE: 'CONTENT_HIDDEN',
  RESTORE: 'CONTENT_RESTORED',
  APPROVE: 'CONTENT_APPROVED',
  REJECT: 'CONTENT_REJECTED',
} as const;

const NOT_FOUND: Record<ReportTargetType, DomainErrorCode> = {
  PROPOSAL: DomainErrorCode.PROPOSAL_NOT_FOUND,
  COMMENT: DomainErrorCode.COMMENT_NOT_FOUND,
  USER: DomainErrorCode.USER_NOT_FOUND,
  AMENDMENT: DomainErrorCode.AMENDMENT_NOT_FOUND,
};

function encodeQueueCursor(key: number | string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url');
}

function decodeQueueCursor(
  value: string,
  numeric: boolean,
): { key: number | string; id: string } | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [key, id] = parsed as unknown[];
    if (typeof id !== 'string' || !isUuid(id)) return null;
    if (numeric) return Number.isInteger(key) ? { key: key as number, id } : null;
    return typeof key === 'string' && !Number.isNaN(new Date(key).getTime()) ? { key, id } : null;
  } catch {
    return null;
  }
}

@Injectable()
export class ModerationService {
  constructor(
    private readonly repository: ModerationRepository,
    private readonly audit: AuditRepository,
    private readonly realtime: RealtimeService,
    private readonly localModerators: ConsultationModeratorsRepository,
  ) {}

  /**
   * Who moderates what: null for platform moderators and administrators (every consultation);
   * a local moderator's consultations otherwise. An account that moderates no consultation (or
   * is suspended) is refused here, before its input is read: strangers learn nothing.
   */
  private async moderationScope(actor: Actor, lang: Language): Promise<LocalModeration | null> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    if (can(actor, 'moderation.act')) return null;
    const local = await this.localModerators.localModeration(actor.id);
    assertCanModerateConsultation(
      actor,
      { isLocalModerator: local.consultationIds.length > 0, isSuspended: local.isSuspended },
      lang,
    );
    return local;
  }

  /** A signed-in participant reports content or an account; one open report per target. */
  async report(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ReportRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const data = validateInput(reportContentInputSchema, input, lang);
    const target = await this.visibleTarget(actor, data.targetType, data.targetId, lang);
    assertCanReport(actor, target, lang);
    const settings = parseConsultationSettings(target.consultationSettings);
    let report: ReportRecord;
    try {
      report = await this.repository.report(
        {
          targetType: data.targetType,
          targetId: data.targetId,
          reporterId: actor.id,
          reason: data.reason,
          details: data.details ?? null,
          openKey: reportOpenKey(actor.id, data.targetType, data.targetId),
        },
        settings.reportThreshold,
        now,
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError(DomainErrorCode.ALREADY_REPORTED, undefined, lang);
      }
      throw error;
    }
    await this.realtime.publish('moderation-queue', { kind: 'REPORTED' });
    return report;
  }

  /**
   * Hides, restores or dismisses the reports of a target: moderators and administrators, and a
   * consultation's local moderators for its proposals, comments and amendments (not accounts).
   */
  async decide(
    kind: DecisionKind,
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<QueueRow> {
    const scope = await this.moderationScope(actor, lang);
    const moderator = actor as NonNullable<Actor>;
    const data = validateInput(moderationDecisionInputSchema, input, lang);
    assertDecisionTarget(kind, data.targetType, lang);
    const target = await this.repository.findTarget(data.targetType, data.targetId);
    if (!target) throw new DomainError(NOT_FOUND[data.targetType], undefined, lang);
    if (scope) {
      const isLocalModerator =
        target.consultationId !== null && scope.consultationIds.includes(target.consultationId);
      assertCanModerateConsultation(
        moderator,
        { isLocalModerator, isSuspended: scope.isSuspended },
        lang,
      );
    }
    // On content held by pre-moderation, restoring approves it and hiding rejects it.
    const endsReview = target.awaitingReview && kind !== 'DISMISS_REPORTS';
    const action = endsReview ? (kind === 'RESTORE' ? 'APPROVE' : 'REJECT') : kind;
    const visibility =
      kind === 'HIDE' ? 'HIDE' : kind === 'RESTORE' || !target.awaitingReview ? 'SHOW' : 'KEEP';
    await this.repository.decide({
      targetType: data.targetType,
      targetId: data.targetId,
      visibility,
      endsReview,
      trustAuthorId: action === 'APPROVE' ? target.ownerId : null,
      status: kind === 'HIDE' ? 'ACTIONED' : 'DISMISSED',
      moderatorId: moderator.id,
      audit: {
        actorId: moderator.id,
        action,
        targetType: data.targetType,
        targetId: data.targetId,
        reason: data.reason,
      },
      notifications: this.notices(action, target, data.reason),
      at: now,
    });
    // After the commit: the queue changed, and an approved comment is new to everyone.
    await this.realtime.publish('moderation-queue', { kind: 'DECIDED' });
    if (action === 'APPROVE' && target.targetType === 'COMMENT' && target.proposalId) {
      const comment = { proposalId: target.proposalId, commentId: target.targetId };
      await this.realtime.publish('comment-added', comment, target.proposalId);
    }
    return this.item(data.targetType, data.targetId);
  }

  /**
   * Moderators and administrators (local moderators: counted over their consultations): each
   * change of the queue, with its open items after it.
   */
  async queueChanges(
    actor: Actor,
    lang: Language = 'fr',
  ): Promise<AsyncIterableIterator<{ kind: ModerationQueueEventKind; openCount: number }>> {
    const scope = await this.moderationScope(actor, lang);
    return liveEvents(this.realtime.listen('moderation-queue'), async ({ kind }) => ({
      kind,
      openCount: await this.repository.countQueue({
        consultationIds: scope?.consultationIds ?? null,
        orderBy: 'MOST_REPORTED',
        after: null,
        take: 0,
      }),
    }));
  }

  /**
   * The author is told of approvals, rejections, and of hiding or restoring that changes what
   * the public sees; dismissed reports change nothing for them.
   */
  private notices(
    action: DecisionKind | 'APPROVE' | 'REJECT',
    target: ModerationTarget,
    reason: string,
  ): NewNotification[] {
    if (action === 'DISMISS_REPORTS') return [];
    const isHidden = target.hiddenAt !== null;
    if ((action === 'HIDE' && isHidden) || (action === 'RESTORE' && !isHidden)) return [];
    return [
      {
        userId: target.ownerId,
        kind: NOTICE[action],
        payload: {
          reason,
          targetType: target.targetType,
          proposalId: target.proposalId,
          commentId: target.targetType === 'COMMENT' ? target.targetId : null,
          amendmentId: target.targetType === 'AMENDMENT' ? target.targetId : null,
          title: target.title,
        },
      },
    ];
  }

  async item(targetType: ReportTargetType, targetId: string): Promise<QueueRow> {
    return (await this.repository.findItem(targetType, targetId)) as QueueRow;
  }

  /** The queue; a local moderator's holds only the items of their consultations. */
  async queue(actor: Actor, args: ModerationQueueArgs, lang: Language): Promise<Page<QueueRow>> {
    const scope = await this.moderationScope(actor, lang);
    const orderBy = args.orderBy ?? 'MOST_REPORTED';
    const numeric = orderBy === 'MOST_REPORTED';
    const { take } = pageArgs(args.first, null, QUEUE_PAGE, lang);
    const after = args.after ? decodeQueueCursor(args.after, numeric) : null;
    if (args.after && !after) throw this.invalidCursor(lang);
    if (args.consultationId && !isUuid(args.consultationId)) {
      throw invalidArgument(
        'consultationId',
        'id',
        { fr: 'Identifiant invalide.', en: 'Invalid id.' },
        lang,
      );
    }
    const query = {
      targetType: args.targetType,
      reason: args.reason,
      consultationId: args.consultationId,
      consultationIds: scope?.consultationIds ?? null,
      awaitingReview: args.awaitingReview,
      orderBy,
      after,
      take: take + 1,
    };
    const [rows, total] = await Promise.all([
      this.repository.findQueue(query),
      this.repository.countQueue(query),
    ]);
    const nodes = rows.slice(0, take);
    const edges = nodes.map((node) => ({
      cursor: encodeQueueCursor(
        numeric ? node.openReportsCount : node.sortAt.toISOString(),
        node.targetId,
      ),
      node,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: total,
    };
  }

  async auditLog(actor: Actor, args: AuditLogArgs, lang: Language): Promise<Page<AuditLogRecord>> {
    assertCanModerate(actor);
    const page = pageArgs(args.first, args.after, AUDIT_PAGE, lang);
    if (args.actorId && !isUuid(args.actorId)) {
      throw invalidArgument(
        'actorId',
        'id',
        { fr: 'Identifiant invalide.', en: 'Invalid id.' },
        lang,
      );
    }
    const filter = {
      action: args.action,
      actorId: args.actorId,
      targetType: args.targetType,
      targetId: args.targetId,
    };
    const [rows, total] = await Promise.all([
      this.audit.findPage(filter, page.after, page.take + 1),
      this.audit.count(filter),
    ]);
    return toPage(rows, page.take, total, (row) => ({ at: row.createdAt, id: row.id }));
  }

  /** The target, if it exists and the actor may see it (hidden content: author, moderators). */
  private async visibleTarget(
    actor: NonNullable<Actor>,
    targetType: ReportTargetType,
    targetId: string,
    lang: Language,
  ): Promise<ModerationTarget> {
    const target = await this.repository.findTarget(targetType, targetId);
    const visible =
      target !== null &&
      target.isLive &&
      (target.hiddenAt === null || canSeeHidden(actor, target.ownerId));
    if (!target || !visible) throw new DomainError(NOT_FOUND[targetType], undefined, lang);
    return target;
  }

  private invalidCursor(lang: Language): DomainError {
    return invalidArgument(
      'after',
      'cursor',
      {
        fr: 'Curseur invalide : reprenez la liste depuis le début.',
        en: 'Invalid cursor: start the list again from the beginning.',
      },
      lang,
    );
  }
}
