import { Injectable } from '@nestjs/common';
import {
  type Actor,
  addCommentInputSchema,
  assertCan,
  assertCanChangeComment,
  assertCanComment,
  assertCanReply,
  assertCanUpvoteComment,
  DomainError,
  DomainErrorCode,
  editCommentInputSchema,
  isContentVisibleTo,
  type Language,
  parseConsultationSettings,
  shouldHoldForReview,
  validateInput,
} from '@passerelle/domain';
import { isUuid, unknownReference } from '../../common/graphql/ids';
import { renderMarkdown } from '../../common/markdown/markdown';
import { type Page, pageArgs, toPage } from '../votes/page';
import { type CommentRecord, CommentsRepository, type CommentThread } from './comments.repository';
import { WatchComments } from './use-cases/watch-comments';

export const COMMENTS_PAGE = { first: 50, max: 100 };
export const USER_COMMENTS_PAGE = { first: 20, max: 50 };

@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly live: WatchComments,
  ) {}

  async add(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<CommentRecord> {
    assertCan(actor, 'comment.create');
    const author = actor as NonNullable<Actor>;
    const data = validateInput(addCommentInputSchema, input, lang);
    const proposal = await this.comments.findProposalWithPhases(data.proposalId);
    // Hidden proposals (moderation) take comments from no one who cannot see them.
    if (!proposal || !isContentVisibleTo(actor, proposal)) {
      throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    }
    assertCanComment(actor, proposal, proposal.consultation.phases, now);
    const parentId = data.parentId ?? null;
    if (parentId) {
      const parent = await this.comments.findById(parentId);
      if (!parent) throw unknownReference('parentId', DomainErrorCode.COMMENT_NOT_FOUND, lang);
      assertCanReply(parent, proposal.id, lang);
    }
    const settings = parseConsultationSettings(proposal.consultation.settings);
    const comment = await this.comments.create(
      {
        proposalId: proposal.id,
        authorId: author.id,
        parentId,
        body: data.body,
        bodyHtml: renderMarkdown(data.body),
        stance: data.stance ?? 'NONE',
      },
      now,
      (authorState) => shouldHoldForReview(settings, authorState),
    );
    await this.live.announce(comment); // after the commit
    return comment;
  }

  async edit(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<CommentRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const data = validateInput(editCommentInputSchema, input, lang);
    const comment = await this.existing(data.commentId, lang);
    assertCanChangeComment(actor, comment);
    const edited = await this.comments.edit(
      comment.id,
      actor.id,
      { body: data.body, bodyHtml: renderMarkdown(data.body), stance: data.stance },
      now,
    );
    if (!edited) throw new DomainError(DomainErrorCode.COMMENT_DELETED, undefined, lang);
    return edited;
  }

  async delete(
    actor: Actor,
    commentId: string,
    lang: Language,
    now = new Date(),
  ): Promise<CommentRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const comment = await this.existing(commentId, lang);
    assertCanChangeComment(actor, comment);
    const deleted = await this.comments.softDelete(comment.id, actor.id, now);
    if (!deleted) throw new DomainError(DomainErrorCode.COMMENT_DELETED, undefined, lang);
    return deleted;
  }

  /** Upvotes (true) or removes the upvote (false); both idempotent. */
  async setUpvote(
    actor: Actor,
    commentId: string,
    upvote: boolean,
    lang: Language,
  ): Promise<CommentRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    const comment = await this.existing(commentId, lang);
    if (upvote) {
      assertCanUpvoteComment(actor, comment);
      await this.comments.upvote(comment.id, actor.id);
    } else {
      await this.comments.removeUpvote(comment.id, actor.id);
    }
    return (await this.comments.findById(comment.id)) as CommentRecord;
  }

  /**
   * A page of the proposal's top-level comments, oldest first, with the replies of its comments
   * down to `replyDepth` levels, their authors and the viewer's upvotes, read by one statement
   * (the resolver primes its loaders with them).
   */
  async thread(
    proposalId: string,
    first: number | null | undefined,
    after: string | null | undefined,
    lang: Language,
    options: { replyDepth: number; viewerId: string | null },
  ): Promise<{ page: Page<CommentRecord>; thread: CommentThread }> {
    const page = pageArgs(first, after, COMMENTS_PAGE, lang);
    const thread = await this.comments.findThread(
      proposalId,
      page.after,
      page.take,
      options.replyDepth,
      options.viewerId,
    );
    return {
      page: toPage(thread.topLevel, page.take, thread.total, (row) => ({
        at: row.createdAt,
        id: row.id,
      })),
      thread,
    };
  }

  async byAuthor(
    authorId: string,
    first: number | null | undefined,
    after: string | null | undefined,
    lang: Language,
  ): Promise<Page<CommentRecord>> {
    const page = pageArgs(first, after, USER_COMMENTS_PAGE, lang);
    const [rows, total] = await Promise.all([
      this.comments.findByAuthor(authorId, page.after, page.take + 1),
      this.comments.countByAuthor(authorId),
    ]);
    return toPage(rows, page.take, total, (row) => ({ at: row.createdAt, id: row.id }));
  }

  private async existing(commentId: string, lang: Language): Promise<CommentRecord> {
    const comment = isUuid(commentId) ? await this.comments.findById(commentId) : null;
    if (!comment) throw new DomainError(DomainErrorCode.COMMENT_NOT_FOUND, undefined, lang);
    return comment;
  }
}
