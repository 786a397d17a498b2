import { Injectable } from '@nestjs/common';
import {
  type Actor,
  answerCoAuthorInvitationInputSchema,
  assertCanInviteCoAuthor,
  assertCoAuthorRoom,
  canEditProposal,
  canInviteCoAuthors,
  COAUTHOR_SEAT_STATUSES,
  type CoAuthorStatus,
  DomainError,
  DomainErrorCode,
  EDITABLE_PROPOSAL_STATUSES,
  inviteCoAuthorInputSchema,
  isSuspended,
  type Language,
  removeCoAuthorInputSchema,
  validateInput,
} from '@passerelle/domain';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type UserRecord } from '../users/users.repository';
import { type CoAuthorRecord, ProposalCoAuthorsRepository } from './proposal-coauthors.repository';
import { type ProposalRecord } from './proposals.repository';
import { ProposalsService } from './proposals.service';

/**
 * What the co-author notices say: `title` and `authorName` are what the Notification fields and
 * the e-mails read; `proposalTitle` and `actorName` name the same, as the amendment notices do.
 */
function noticePayload(proposal: Pick<ProposalRecord, 'id' | 'title'>, actorName: string) {
  return {
    proposalId: proposal.id,
    title: proposal.title,
    proposalTitle: proposal.title,
    authorName: actorName,
    actorName,
  };
}

function signedIn(actor: Actor, lang: Language): NonNullable<Actor> {
  if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
  return actor;
}

/**
 * Co-authoring a proposal (issue 11): its author invites active participants, who accept or
 * decline; accepted co-authors edit the proposal (updateProposal) but neither withdraw it, nor
 * invite others, nor decide amendments. The author removes anyone; a co-author may leave.
 */
@Injectable()
export class ProposalCoAuthorsService {
  constructor(
    private readonly coAuthors: ProposalCoAuthorsRepository,
    private readonly proposals: ProposalsService,
  ) {}

  /**
   * The author invites an existing, active account (USER_NOT_FOUND otherwise), while the
   * proposal is editable; COAUTHOR_ALREADY for a pending or accepted one (inviting someone who
   * declined invites them again), COAUTHOR_LIMIT past COAUTHORS_MAX. Notifies the invitee.
   */
  async invite(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ProposalRecord> {
    const author = signedIn(actor, lang);
    const data = validateInput(inviteCoAuthorInputSchema, input, lang);
    const proposal = await this.proposals.get(actor, data.proposalId, lang);
    assertCanInviteCoAuthor(actor, proposal, data.userId);
    const invitee = await this.coAuthors.findInvitee(data.userId);
    if (!invitee || invitee.deletedAt !== null || isSuspended(invitee, now)) {
      throw new DomainError(DomainErrorCode.USER_NOT_FOUND, undefined, lang);
    }
    const actorName = await this.coAuthors.displayName(author.id);
    const invited = await this.coAuthors.invite(
      { proposalId: proposal.id, userId: invitee.id, invitedById: author.id, at: now },
      (locked, rows) => {
        // Again under the lock: the status or the invitations may have changed meanwhile.
        assertCanInviteCoAuthor(actor, locked, invitee.id);
        const current = rows.find((row) => row.userId === invitee.id);
        if (current && COAUTHOR_SEAT_STATUSES.includes(current.status)) {
          throw new DomainError(DomainErrorCode.COAUTHOR_ALREADY, undefined, lang);
        }
        assertCoAuthorRoom(
          rows.filter((row) => COAUTHOR_SEAT_STATUSES.includes(row.status)).length,
          lang,
        );
      },
      (locked) => ({
        userId: invitee.id,
        kind: 'COAUTHOR_INVITED',
        payload: noticePayload(locked, actorName),
      }),
    );
    if (!invited) throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    return invited;
  }

  /**
   * The invitee accepts or declines a pending invitation (COAUTHOR_INVITATION_NOT_FOUND when
   * they have none on this proposal). Notifies the proposal's author.
   */
  async answer(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ProposalRecord> {
    const invitee = signedIn(actor, lang);
    const data = validateInput(answerCoAuthorInvitationInputSchema, input, lang);
    // The answer is the proposal: a hidden one stays out of reach (PROPOSAL_NOT_FOUND).
    await this.proposals.get(actor, data.proposalId, lang);
    const notFound = () =>
      new DomainError(DomainErrorCode.COAUTHOR_INVITATION_NOT_FOUND, undefined, lang);
    const actorName = await this.coAuthors.displayName(invitee.id);
    const answered = await this.coAuthors.answer(
      { proposalId: data.proposalId, userId: invitee.id, accept: data.accept, at: now },
      (_proposal, row) => {
        if (row?.status !== 'INVITED') throw notFound();
      },
      (proposal) => ({
        userId: proposal.authorId,
        kind: 'COAUTHOR_ANSWERED',
        payload: { ...noticePayload(proposal, actorName), accepted: data.accept },
      }),
    );
    if (!answered) throw notFound();
    return answered;
  }

  /**
   * The author removes a co-author or withdraws an invitation; a co-author (or invitee) removes
   * themself. Anyone else: NOT_ALLOWED. COAUTHOR_NOT_FOUND when the person has no row.
   */
  async remove(actor: Actor, input: unknown, lang: Language): Promise<ProposalRecord> {
    const remover = signedIn(actor, lang);
    const data = validateInput(removeCoAuthorInputSchema, input, lang);
    const isLeaving = remover.id === data.userId;
    // The answer is the proposal: leaving, too, needs one the viewer can see (a hidden one waits).
    const proposalId = (await this.proposals.get(actor, data.proposalId, lang)).id;
    const removed = await this.coAuthors.remove(
      { proposalId, userId: data.userId },
      (proposal, row) => {
        if (!isLeaving && proposal.authorId !== remover.id) {
          throw new DomainError(DomainErrorCode.NOT_ALLOWED, undefined, lang);
        }
        if (!row) throw new DomainError(DomainErrorCode.COAUTHOR_NOT_FOUND, undefined, lang);
      },
    );
    if (!removed) {
      throw new DomainError(
        isLeaving ? DomainErrorCode.COAUTHOR_NOT_FOUND : DomainErrorCode.PROPOSAL_NOT_FOUND,
        undefined,
        lang,
      );
    }
    return removed;
  }

  /** Accepted co-authors, in order of acceptance (batched). */
  coAuthorsOf(proposal: ProposalRecord, loaders: LoaderRegistry): Promise<UserRecord[]> {
    return this.acceptedLoader(loaders).load(proposal.id);
  }

  /** Pending and declined invitations, for the proposal's author only (others get []). */
  async invitationsOf(
    actor: Actor,
    proposal: ProposalRecord,
    loaders: LoaderRegistry,
  ): Promise<CoAuthorRecord[]> {
    if (actor === null || actor.id !== proposal.authorId) return [];
    return loaders
      .get('proposals.coAuthorInvitationsByProposalId', (ids: readonly string[]) =>
        this.coAuthors.findInvitationsByProposalIds(ids),
      )
      .load(proposal.id);
  }

  /** The viewer's own invitation or co-authorship on the proposal (batched), else null. */
  viewerStatus(
    actor: Actor,
    proposal: ProposalRecord,
    loaders: LoaderRegistry,
  ): Promise<CoAuthorStatus | null> {
    if (actor === null || actor.id === proposal.authorId) return Promise.resolve(null);
    const viewerId = actor.id;
    return loaders
      .get(`proposals.coAuthorStatusOf:${viewerId}`, (ids: readonly string[]) =>
        this.coAuthors.findStatusesOf(viewerId, ids),
      )
      .load(proposal.id);
  }

  /**
   * Whether the viewer may edit the proposal now: its author, or an accepted co-author (read
   * through the batched viewer status only when the rest of the rule allows it).
   */
  async canEdit(actor: Actor, proposal: ProposalRecord, loaders: LoaderRegistry): Promise<boolean> {
    if (actor === null || !EDITABLE_PROPOSAL_STATUSES.includes(proposal.status)) return false;
    if (canEditProposal(actor, proposal)) return true;
    const status = await this.viewerStatus(actor, proposal, loaders);
    return canEditProposal(actor, {
      ...proposal,
      coAuthorIds: status === 'ACCEPTED' ? [actor.id] : [],
    });
  }

  /** The author, while the proposal is editable. */
  canInvite(actor: Actor, proposal: ProposalRecord): boolean {
    return canInviteCoAuthors(actor, proposal);
  }

  private acceptedLoader(loaders: LoaderRegistry) {
    return loaders.get('proposals.coAuthorsByProposalId', (ids: readonly string[]) =>
      this.coAuthors.findAcceptedByProposalIds(ids),
    );
  }
}
