import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertAmendmentChanges,
  assertAmendmentCurrent,
  assertCanDecideAmendment,
  assertCoAuthorRoom,
  decideAmendmentInputSchema,
  DomainError,
  DomainErrorCode,
  isOpenToAmendments,
  type Language,
  validateInput,
} from '@passerelle/domain';
import { type LoaderRegistry } from '../../../common/dataloader/loader-registry';
import { renderMarkdown } from '../../../common/markdown/markdown';
import { ViewerModeration } from '../../consultations/viewer-moderation';
import {
  type AcceptanceInvitation,
  AmendmentGuardFailed,
  AmendmentsRepository,
} from '../amendments.repository';
import {
  type AmendmentContext,
  AmendmentsService,
  noticePayload,
  textsOf,
} from '../amendments.service';
import { type AmendmentRecord } from '../models/amendment.model';

type Decision = 'ACCEPTED' | 'REJECTED';

/**
 * The proposal's author — or a moderator of its consultation, giving a reason — accepts an
 * amendment (applied as a new revision credited to the decider and the amendment) or rejects
 * it. Co-authors, the amendment's author and everyone else are refused (NOT_ALLOWED).
 */
@Injectable()
export class DecideAmendment {
  constructor(
    private readonly amendments: AmendmentsRepository,
    private readonly service: AmendmentsService,
    private readonly viewer: ViewerModeration,
  ) {}

  /**
   * Accepts an amendment written on the proposal's current revision (AMENDMENT_OUTDATED
   * otherwise: its author rebases it first). One transaction: the amendment (guarded on its
   * status and version), the proposal (guarded on the revision, so of two amendments of one
   * revision accepted at once exactly one wins), the new revision, the optional co-author
   * invitation of the amendment's author, and the notices.
   */
  async accept(
    actor: Actor,
    input: unknown,
    lang: Language,
    loaders: LoaderRegistry,
    now = new Date(),
  ): Promise<AmendmentRecord> {
    const { context, data, deciderId } = await this.check(actor, input, lang, loaders);
    const { amendment, proposal, state } = context;
    if (amendment.erasedAt)
      throw new DomainError(DomainErrorCode.AMENDMENT_CLOSED, undefined, lang);
    assertAmendmentCurrent(amendment, state, lang);
    const texts = textsOf(amendment);
    // Nothing to apply any more (e.g. the author made the same edit meanwhile): rebase or reject.
    assertAmendmentChanges(textsOf(proposal), texts, lang);
    // Only the proposal's author invites co-authors: a moderator deciding in their place does not.
    if (data.inviteAuthorAsCoAuthor && deciderId !== proposal.authorId) {
      throw new DomainError(DomainErrorCode.NOT_ALLOWED, undefined, lang);
    }
    const invitation = data.inviteAuthorAsCoAuthor
      ? await this.invitation(context, deciderId, lang, now)
      : null;
    try {
      const accepted = await this.amendments.accept(
        amendment,
        this.decision(data, deciderId, now),
        { ...texts, bodyHtml: renderMarkdown(texts.body) },
        invitation,
        this.notices(context, 'ACCEPTED', data.reason ?? null),
      );
      // The answer's `proposal` is the new revision.
      this.service.forget(proposal.id, loaders);
      return accepted;
    } catch (error) {
      if (!(error instanceof AmendmentGuardFailed)) throw error;
      if (error.guard === 'amendment') {
        throw await this.service.guardError(amendment.id, data.expectedVersion, lang);
      }
      // The proposal moved on (another amendment or an edit won) or closed meanwhile.
      this.service.forget(proposal.id, loaders);
      const current = await this.service
        .context(actor, amendment.id, lang, loaders)
        .catch(() => null);
      throw new DomainError(
        current && !isOpenToAmendments(current.state)
          ? DomainErrorCode.AMENDMENT_CLOSED
          : DomainErrorCode.AMENDMENT_OUTDATED,
        undefined,
        lang,
      );
    }
  }

  /** Rejects an amendment (any revision), with the decider's reason when they give one. */
  async reject(
    actor: Actor,
    input: unknown,
    lang: Language,
    loaders: LoaderRegistry,
    now = new Date(),
  ): Promise<AmendmentRecord> {
    const { context, data, deciderId } = await this.check(actor, input, lang, loaders);
    const rejected = await this.amendments.reject(
      this.decision(data, deciderId, now),
      this.notices(context, 'REJECTED', data.reason ?? null),
    );
    if (!rejected) {
      throw await this.service.guardError(context.amendment.id, data.expectedVersion, lang);
    }
    return rejected;
  }

  /** Input rules, the amendment and its proposal, and the decision rule with the viewer's moderation. */
  private async check(actor: Actor, input: unknown, lang: Language, loaders: LoaderRegistry) {
    const data = validateInput(decideAmendmentInputSchema, input, lang);
    const context = await this.service.context(actor, data.amendmentId, lang, loaders);
    const moderation = await this.viewer.in(actor, context.proposal.consultationId, loaders);
    assertCanDecideAmendment(
      actor,
      context.amendment,
      context.state,
      { moderation, expectedVersion: data.expectedVersion, reason: data.reason },
      lang,
    );
    return { context, data, deciderId: (actor as NonNullable<Actor>).id };
  }

  private decision(
    data: { amendmentId: string; expectedVersion: number; reason?: string | null },
    deciderId: string,
    at: Date,
  ) {
    return {
      amendmentId: data.amendmentId,
      expectedVersion: data.expectedVersion,
      deciderId,
      reason: data.reason ?? null,
      at,
    };
  }

  /** AMENDMENT_DECIDED to the amendment's author. */
  private notices(context: AmendmentContext, decision: Decision, reason: string | null) {
    return [
      {
        userId: context.amendment.authorId,
        kind: 'AMENDMENT_DECIDED' as const,
        payload: {
          ...noticePayload(context.proposal, context.amendment.id, null),
          decision,
          ...(reason ? { reason } : {}),
        },
      },
    ];
  }

  /**
   * The co-author invitation of the amendment's author: none when they already co-author the
   * proposal or are invited, or when their account is deleted or suspended; COAUTHOR_LIMIT
   * (the whole acceptance rolled back) when the proposal has no seat left.
   */
  private async invitation(
    context: AmendmentContext,
    deciderId: string,
    lang: Language,
    now: Date,
  ): Promise<AcceptanceInvitation | null> {
    const { amendment, proposal } = context;
    // A deleted or suspended account is not invited (as inviteCoAuthor refuses it).
    if (!(await this.amendments.isInvitable(amendment.authorId, now))) return null;
    const existing = await this.amendments.findCoAuthor(proposal.id, amendment.authorId);
    if (existing && existing.status !== 'DECLINED') return null;
    const inviterName = await this.amendments.displayNameOf(deciderId);
    return {
      userId: amendment.authorId,
      // Counted under the proposal's lock, in the acceptance's transaction (the repository).
      assertRoom: (seats) => assertCoAuthorRoom(seats, lang),
      notice: {
        userId: amendment.authorId,
        kind: 'COAUTHOR_INVITED',
        payload: noticePayload(proposal, amendment.id, inviterName),
      },
    };
  }
}
