import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type AmendableTexts,
  type AmendedProposal,
  amendmentDiff,
  type AmendmentDiff,
  assertAmendmentChanges,
  assertCanAmend,
  assertCanReviseAmendment,
  assertCanVoteOnAmendment,
  canAmend,
  canDecideAmendment,
  canVoteOnAmendment,
  DomainError,
  DomainErrorCode,
  isAmendingPhaseOpen,
  isAmendmentCurrent,
  isContentVisibleTo,
  isPubliclyVisible,
  type Language,
  proposeAmendmentInputSchema,
  rebaseAmendmentInputSchema,
  takesAmendments,
  validateInput,
  voteOnAmendmentInputSchema,
  withdrawAmendmentInputSchema,
} from '@passerelle/domain';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { isUuid } from '../../common/graphql/ids';
import { ConsultationsLoaders } from '../consultations/consultations.loaders';
import { ViewerModeration } from '../consultations/viewer-moderation';
import { type ProposalRecord } from '../proposals/proposals.repository';
import { AmendmentsLoaders } from './amendments.loaders';
import { AmendmentsRepository } from './amendments.repository';
import { type AmendmentRecord } from './models/amendment.model';

/** An amendment with its proposal, as the rules see them. */
export interface AmendmentContext {
  amendment: AmendmentRecord;
  proposal: ProposalRecord;
  state: AmendedProposal;
}

/** The rules' view of a proposal. */
export function amendedProposal(
  proposal: ProposalRecord,
  coAuthorIds: string[],
  amendingPhaseOpen: boolean,
): AmendedProposal {
  return {
    authorId: proposal.authorId,
    status: proposal.status,
    hiddenAt: proposal.hiddenAt,
    version: proposal.version,
    coAuthorIds,
    amendingPhaseOpen,
  };
}

export const textsOf = (row: AmendableTexts): AmendableTexts => ({
  title: row.title,
  summary: row.summary,
  body: row.body,
});

const notFound = (lang: Language) =>
  new DomainError(DomainErrorCode.AMENDMENT_NOT_FOUND, undefined, lang);

/**
 * Amendments (issue 11): proposing, voting, rebasing and withdrawing; the decisions are in
 * DecideAmendment. Each use case loads, checks the domain rule, writes in one transaction.
 */
@Injectable()
export class AmendmentsService {
  constructor(
    private readonly amendments: AmendmentsRepository,
    private readonly loaders: AmendmentsLoaders,
    private readonly consultationLoaders: ConsultationsLoaders,
    private readonly viewer: ViewerModeration,
  ) {}

  /**
   * A participant proposes new texts for a published proposal they do not author, against its
   * current revision; the proposal's author and co-authors are told in the same transaction.
   */
  async propose(
    actor: Actor,
    input: unknown,
    lang: Language,
    loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    const data = validateInput(proposeAmendmentInputSchema, input, lang);
    const proposal = await this.visibleProposal(actor, data.proposalId, loaders);
    if (!proposal) throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    const state = await this.proposalState(proposal, loaders);
    assertCanAmend(actor, state, lang);
    const { coAuthorIds } = state;
    const author = actor as NonNullable<Actor>;
    const texts = textsOf(data);
    assertAmendmentChanges(textsOf(proposal), texts, lang);
    const actorName = await this.amendments.displayNameOf(author.id);
    return this.amendments.create(
      {
        proposalId: proposal.id,
        authorId: author.id,
        baseVersion: proposal.version,
        ...texts,
        reason: data.reason,
      },
      (amendmentId) =>
        [proposal.authorId, ...coAuthorIds].map((userId) => ({
          userId,
          kind: 'AMENDMENT_PROPOSED' as const,
          payload: noticePayload(proposal, amendmentId, actorName),
        })),
    );
  }

  /**
   * Votes FOR or AGAINST an amendment, changes the vote, or withdraws it (null); the counters
   * move with the vote row under the amendment's row lock. The amendment's author and the
   * proposal's author keep one unread notice per amendment, refreshed with the counters.
   */
  async vote(
    actor: Actor,
    input: unknown,
    lang: Language,
    loaders: LoaderRegistry,
    now = new Date(),
  ): Promise<AmendmentRecord> {
    const data = validateInput(voteOnAmendmentInputSchema, input, lang);
    const { amendment, proposal, state } = await this.context(
      actor,
      data.amendmentId,
      lang,
      loaders,
    );
    assertCanVoteOnAmendment(actor, amendment, state, lang);
    const voter = actor as NonNullable<Actor>;
    const updated = await this.amendments.vote(
      amendment.id,
      voter.id,
      data.value ?? null,
      (counts) => ({
        recipientIds: [amendment.authorId, proposal.authorId].filter((id) => id !== voter.id),
        payload: {
          ...noticePayload(proposal, amendment.id, null),
          votesFor: counts.votesFor,
          votesAgainst: counts.votesAgainst,
        },
      }),
      now,
    );
    // Decided, withdrawn or hidden between the read and the vote.
    if (!updated) throw await this.guardError(amendment.id, amendment.version, lang);
    return updated;
  }

  /**
   * Its author rewrites a PENDING amendment against the proposal's current revision (it must
   * change something there); its version moves on, its votes stay.
   */
  async rebase(
    actor: Actor,
    input: unknown,
    lang: Language,
    loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    const data = validateInput(rebaseAmendmentInputSchema, input, lang);
    const { amendment, proposal, state } = await this.context(
      actor,
      data.amendmentId,
      lang,
      loaders,
    );
    assertCanReviseAmendment(actor, amendment, state, data.expectedVersion, lang);
    const texts = textsOf(data);
    assertAmendmentChanges(textsOf(proposal), texts, lang);
    const rebased = await this.amendments.rebase(amendment.id, data.expectedVersion, {
      ...texts,
      baseVersion: proposal.version,
      reason: data.reason ?? null,
    });
    if (!rebased) throw await this.guardError(amendment.id, data.expectedVersion, lang);
    return rebased;
  }

  /** Its author withdraws a PENDING amendment. */
  async withdraw(
    actor: Actor,
    input: unknown,
    lang: Language,
    loaders: LoaderRegistry,
  ): Promise<AmendmentRecord> {
    const data = validateInput(withdrawAmendmentInputSchema, input, lang);
    const { amendment, state } = await this.context(actor, data.amendmentId, lang, loaders);
    assertCanReviseAmendment(actor, amendment, state, null, lang);
    const withdrawn = await this.amendments.withdraw(amendment.id);
    if (!withdrawn) throw new DomainError(DomainErrorCode.AMENDMENT_CLOSED, undefined, lang);
    return withdrawn;
  }

  /**
   * An amendment and its proposal, when the actor may see both (a public proposal, or their own;
   * an amendment hidden by moderation: its author and the proposal's moderators):
   * AMENDMENT_NOT_FOUND otherwise, as for an unknown id.
   */
  async context(
    actor: Actor,
    amendmentId: string,
    lang: Language,
    loaders: LoaderRegistry,
  ): Promise<AmendmentContext> {
    const amendment = isUuid(amendmentId) ? await this.amendments.findById(amendmentId) : null;
    if (!amendment) throw notFound(lang);
    const proposal = await this.visibleProposal(actor, amendment.proposalId, loaders);
    if (!proposal) throw notFound(lang);
    const [visible] = await this.visibleAmendments(actor, proposal, [amendment], loaders);
    if (!visible) throw notFound(lang);
    return { amendment, proposal, state: await this.proposalState(proposal, loaders) };
  }

  /**
   * The amendments of a proposal this viewer sees: those hidden by moderation only for their
   * author and for whoever moderates the proposal's consultation (platform or local moderators).
   */
  async visibleAmendments(
    actor: Actor,
    proposal: ProposalRecord,
    rows: AmendmentRecord[],
    loaders: LoaderRegistry,
  ): Promise<AmendmentRecord[]> {
    if (rows.every((row) => isContentVisibleTo(actor, row))) return rows;
    const moderation = await this.viewer.in(actor, proposal.consultationId, loaders);
    return rows.filter((row) => isContentVisibleTo(actor, row, moderation));
  }

  /**
   * Why a guarded write found the amendment changed: STALE_VERSION (it moved on since it was
   * read), AMENDMENT_HIDDEN (hidden by moderation meanwhile), else AMENDMENT_CLOSED.
   */
  async guardError(amendmentId: string, expectedVersion: number, lang: Language) {
    const now = await this.amendments.findById(amendmentId);
    const pending = now?.status === 'PENDING';
    const code =
      pending && now.version !== expectedVersion
        ? DomainErrorCode.STALE_VERSION
        : pending && now.hiddenAt !== null
          ? DomainErrorCode.AMENDMENT_HIDDEN
          : DomainErrorCode.AMENDMENT_CLOSED;
    return new DomainError(code, undefined, lang);
  }

  /** The proposal, read fresh, when the actor may see it (public, or their own; not hidden). */
  private async visibleProposal(
    actor: Actor,
    proposalId: string,
    loaders: LoaderRegistry,
  ): Promise<ProposalRecord | null> {
    if (!isUuid(proposalId)) return null;
    const proposal = await this.loaders.proposalById(loaders).load(proposalId);
    if (!proposal) return null;
    const isListed = isPubliclyVisible(proposal.status) || actor?.id === proposal.authorId;
    if (!isListed) return null;
    if (isContentVisibleTo(actor, proposal)) return proposal;
    // A hidden proposal still opens to its consultation's local moderators.
    const moderation = await this.viewer.in(actor, proposal.consultationId, loaders);
    return isContentVisibleTo(actor, proposal, moderation) ? proposal : null;
  }

  /** Drops what this request cached of a proposal that a use case just changed. */
  forget(proposalId: string, loaders: LoaderRegistry): void {
    this.loaders.proposalById(loaders).clear(proposalId);
    this.loaders.coAuthorIdsByProposalId(loaders).clear(proposalId);
  }

  // Field resolvers' reads, batched per request.

  /** The rules' view of a proposal: its accepted co-authors and its consultation's phases now. */
  async proposalState(
    proposal: ProposalRecord,
    loaders: LoaderRegistry,
    now = new Date(),
  ): Promise<AmendedProposal> {
    const [coAuthorIds, phases] = await Promise.all([
      this.loaders.coAuthorIdsByProposalId(loaders).load(proposal.id),
      this.consultationLoaders.phasesByConsultationId(loaders).load(proposal.consultationId),
    ]);
    return amendedProposal(proposal, coAuthorIds, isAmendingPhaseOpen(phases, now));
  }

  private async proposalOf(amendment: AmendmentRecord, loaders: LoaderRegistry) {
    const proposal = await this.loaders.proposalById(loaders).load(amendment.proposalId);
    if (!proposal) throw new Error('Missing proposal of an amendment');
    return proposal;
  }

  async amendmentsOpen(proposal: ProposalRecord, loaders: LoaderRegistry): Promise<boolean> {
    return takesAmendments(await this.proposalState(proposal, loaders));
  }

  async canAmend(actor: Actor, proposal: ProposalRecord, loaders: LoaderRegistry) {
    return actor !== null && canAmend(actor, await this.proposalState(proposal, loaders));
  }

  async isOutdated(amendment: AmendmentRecord, loaders: LoaderRegistry): Promise<boolean> {
    if (amendment.status !== 'PENDING') return false;
    return !isAmendmentCurrent(amendment, await this.proposalOf(amendment, loaders));
  }

  async canVote(actor: Actor, amendment: AmendmentRecord, loaders: LoaderRegistry) {
    if (actor === null || amendment.status !== 'PENDING') return false;
    const proposal = await this.proposalOf(amendment, loaders);
    return canVoteOnAmendment(actor, amendment, await this.proposalState(proposal, loaders));
  }

  async canDecide(actor: Actor, amendment: AmendmentRecord, loaders: LoaderRegistry) {
    if (actor === null || amendment.status !== 'PENDING' || amendment.hiddenAt !== null) {
      return false;
    }
    // Never one's own amendment, moderator or not (as DecideAmendment).
    if (actor.id === amendment.authorId) return false;
    const proposal = await this.proposalOf(amendment, loaders);
    const state = await this.proposalState(proposal, loaders);
    if (state.status !== 'PUBLISHED' || state.hiddenAt !== null) return false;
    const moderation = await this.viewer.in(actor, proposal.consultationId, loaders);
    return canDecideAmendment(actor, state, moderation);
  }

  /**
   * The word diff against revision baseVersion; against the proposal's texts when that revision
   * is missing or erased (the same texts while the amendment is current).
   */
  async diff(amendment: AmendmentRecord, loaders: LoaderRegistry): Promise<AmendmentDiff> {
    if (amendment.erasedAt) return { title: [], summary: [], body: [], changedFields: [] };
    const base =
      (await this.loaders
        .revisionTexts(loaders)
        .load(`${amendment.proposalId}:${amendment.baseVersion}`)) ??
      textsOf(await this.proposalOf(amendment, loaders));
    return amendmentDiff(base, textsOf(amendment));
  }
}

/**
 * What the amendment notices say: `title` and `authorName` are what the Notification fields and
 * the e-mails read; `proposalTitle` and `actorName` name the same for readers of the payload.
 */
export function noticePayload(
  proposal: Pick<ProposalRecord, 'id' | 'title'>,
  amendmentId: string,
  actorName: string | null,
) {
  return {
    proposalId: proposal.id,
    amendmentId,
    title: proposal.title,
    proposalTitle: proposal.title,
    ...(actorName ? { authorName: actorName, actorName } : {}),
  };
}
