import { Injectable } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  DomainErrorCode,
  isContentVisibleTo,
  isPubliclyVisible,
  type Language,
} from '@passerelle/domain';
import { isUuid } from '../../../common/graphql/ids';
import { liveEvents, readOncePerEvent } from '../../../common/realtime/live-events';
import { RealtimeService } from '../../../common/realtime/realtime.service';
import { type CommentRecord, CommentsRepository } from '../comments.repository';

/**
 * Live comments of a proposal: each new comment or reply visible to everyone (published when it
 * is created visible, or when a moderator approves a held one), sent while the subscriber may
 * read the proposal and the comment is still shown (not hidden, held or deleted meanwhile).
 */
@Injectable()
export class WatchComments {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly realtime: RealtimeService,
  ) {}

  async execute(
    actor: Actor,
    proposalId: string,
    lang: Language,
  ): Promise<AsyncIterableIterator<CommentRecord>> {
    if (!(await this.isProposalReadable(actor, proposalId))) {
      throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    }
    return liveEvents(this.realtime.listen('comment-added', proposalId), async (event) => {
      const { comment, proposal } = await this.rowsOfEvent(event);
      const isShown =
        comment !== null &&
        comment.proposalId === proposalId &&
        comment.hiddenAt === null &&
        !comment.awaitingReview &&
        comment.deletedAt === null;
      return isShown && this.isReadable(actor, proposal) ? comment : null;
    });
  }

  /** The comment and its proposal after an event, read once for all this process's subscribers. */
  private readonly rowsOfEvent = readOncePerEvent(
    async ({ proposalId, commentId }: { proposalId: string; commentId: string }) => {
      const [comment, proposal] = await Promise.all([
        this.comments.findById(commentId),
        this.comments.findProposalWithPhases(proposalId),
      ]);
      return { comment, proposal };
    },
  );

  /**
   * After a comment's transaction: subscribers of the proposal see it when everyone may read it;
   * held by pre-moderation, moderators see the queue change instead.
   */
  async announce(comment: CommentRecord): Promise<void> {
    if (comment.awaitingReview)
      return this.realtime.publish('moderation-queue', { kind: 'QUEUED' });
    if (comment.hiddenAt !== null) return;
    await this.realtime.publish(
      'comment-added',
      { proposalId: comment.proposalId, commentId: comment.id },
      comment.proposalId,
    );
  }

  private async isProposalReadable(actor: Actor, proposalId: string): Promise<boolean> {
    return this.isReadable(
      actor,
      isUuid(proposalId) ? await this.comments.findProposalWithPhases(proposalId) : null,
    );
  }

  private isReadable(
    actor: Actor,
    proposal: Awaited<ReturnType<CommentsRepository['findProposalWithPhases']>>,
  ): boolean {
    return (
      proposal !== null && isPubliclyVisible(proposal.status) && isContentVisibleTo(actor, proposal)
    );
  }
}
