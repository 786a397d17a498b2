import {
  Args,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { type Actor, can, isContentVisibleTo, type Language } from '@passerelle/domain';
import { type GraphQLResolveInfo } from 'graphql';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { eachEvent } from '../../common/realtime/live-events';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { renderMarkdown } from '../../common/markdown/markdown';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { ViewerModeration } from '../consultations/viewer-moderation';
import { Proposal } from '../proposals/models/proposal.model';
import { Participant } from '../users/models/participant.model';
import { User } from '../users/models/user.model';
import { UsersLoaders } from '../users/users.loaders';
import { type UserRecord } from '../users/users.repository';
import { EMPTY_PAGE, type Page } from '../votes/page';
import { type CommentRecord } from './comments.repository';
import { COMMENTS_PAGE, CommentsService, USER_COMMENTS_PAGE } from './comments.service';
import { CommentsLoaders } from './comments.loaders';
import { AddCommentInput, EditCommentInput } from './dto/comment.inputs';
import { Comment, CommentConnection } from './models/comment.model';
import { askedReplyDepth } from './reply-depth';
import { WatchComments } from './use-cases/watch-comments';
import { RateLimit } from '../../common/rate-limit/rate-limit.decorator';

/**
 * Deleted comments, and hidden ones for anyone but their author and moderators, show no text. In
 * a proposal's thread read by this request, the local moderators of the proposal's consultation
 * see hidden comments too: their local moderation is read (once per request) only then.
 */
function isShown(
  comment: CommentRecord,
  actor: Actor,
  loaders: LoaderRegistry,
  viewer: ViewerModeration,
): boolean | Promise<boolean> {
  if (comment.deletedAt !== null) return false;
  if (isContentVisibleTo(actor, comment)) return true;
  if (actor === null || can(actor, 'moderation.act')) return false;
  const consultationId = viewer.threadConsultation(loaders, comment.proposalId);
  if (consultationId === undefined) return false;
  return viewer
    .in(actor, consultationId, loaders)
    .then((moderation) => isContentVisibleTo(actor, comment, moderation));
}

@Resolver(() => Comment)
export class CommentsResolver {
  constructor(
    private readonly service: CommentsService,
    private readonly loaders: CommentsLoaders,
    private readonly userLoaders: UsersLoaders,
    private readonly watchComments: WatchComments,
    private readonly viewer: ViewerModeration,
  ) {}

  @Public()
  @Subscription(() => Comment, {
    description:
      'Each new comment or reply on the proposal that becomes visible to everyone (not hidden, not awaiting review).',
    resolve: eachEvent,
  })
  commentAdded(
    @Args('proposalId', { type: () => ID }) proposalId: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<AsyncIterableIterator<CommentRecord>> {
    return this.watchComments.execute(actor, proposalId, lang);
  }

  @Mutation(() => Comment, {
    description:
      'Comments on a public proposal (or replies to one of its comments) while its consultation is not closed.',
  })
  @RateLimit('addComment')
  addComment(
    @Args('input', { type: () => AddCommentInput }) input: AddCommentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<CommentRecord> {
    return this.service.add(actor, input, lang);
  }

  @Mutation(() => Comment, { description: 'Its author edits a comment; every version is kept.' })
  editComment(
    @Args('input', { type: () => EditCommentInput }) input: EditCommentInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<CommentRecord> {
    return this.service.edit(actor, input, lang);
  }

  @Mutation(() => Comment, {
    description: 'Its author deletes a comment: text and author are hidden, replies stay.',
  })
  deleteComment(
    @Args('commentId', { type: () => ID }) commentId: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<CommentRecord> {
    return this.service.delete(actor, commentId, lang);
  }

  @Mutation(() => Comment, {
    description: "Upvotes another participant's comment; idempotent.",
  })
  upvoteComment(
    @Args('commentId', { type: () => ID }) commentId: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<CommentRecord> {
    return this.service.setUpvote(actor, commentId, true, lang);
  }

  @Mutation(() => Comment, { description: 'Removes an upvote; idempotent.' })
  removeCommentUpvote(
    @Args('commentId', { type: () => ID }) commentId: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<CommentRecord> {
    return this.service.setUpvote(actor, commentId, false, lang);
  }

  @ResolveField(() => String, { nullable: true })
  async body(
    @Parent() comment: CommentRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<string | null> {
    return (await isShown(comment, actor, loaders, this.viewer)) ? comment.body : null;
  }

  @ResolveField(() => String, { nullable: true })
  async bodyHtml(
    @Parent() comment: CommentRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<string | null> {
    if (!(await isShown(comment, actor, loaders, this.viewer))) return null;
    // Rows written before bodyHtml existed are rendered on read.
    return comment.bodyHtml || (comment.body ? renderMarkdown(comment.body) : '');
  }

  @ResolveField(() => Participant, { nullable: true })
  async author(
    @Parent() comment: CommentRecord,
    @Loaders() loaders: LoaderRegistry,
    @CurrentUser() actor: Actor,
  ): Promise<UserRecord | null> {
    if (!(await isShown(comment, actor, loaders, this.viewer))) return null;
    return this.userLoaders.byId(loaders).load(comment.authorId);
  }

  @ResolveField(() => Boolean)
  isDeleted(@Parent() comment: CommentRecord): boolean {
    return comment.deletedAt !== null;
  }

  @ResolveField(() => Boolean)
  isEdited(@Parent() comment: CommentRecord): boolean {
    return comment.editedAt !== null;
  }

  @ResolveField(() => Boolean)
  hasMyUpvote(
    @Parent() comment: CommentRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> | boolean {
    return actor ? this.loaders.upvotedBy(loaders, actor.id).load(comment.id) : false;
  }

  @ResolveField(() => Boolean)
  canEdit(@Parent() comment: CommentRecord, @CurrentUser() actor: Actor): boolean {
    return actor !== null && actor.id === comment.authorId && comment.deletedAt === null;
  }

  @ResolveField(() => [Comment])
  replies(
    @Parent() comment: CommentRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CommentRecord[]> {
    return this.loaders.replies(loaders).load(comment.id);
  }
}

/** Levels of replies the thread statement reads with the first comments (the web page asks two). */
const PREFETCHED_REPLY_LEVELS = 2;

@Resolver(() => Proposal)
export class ProposalCommentsResolver {
  constructor(
    private readonly service: CommentsService,
    private readonly loaders: CommentsLoaders,
    private readonly viewer: ViewerModeration,
  ) {}

  @ResolveField(() => CommentConnection, {
    description: 'Top-level comments, oldest first, each with its replies.',
  })
  async comments(
    @Parent() proposal: ProposalRow,
    @Lang() lang: Language,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
    @Info() info: GraphQLResolveInfo,
    @Args('first', { type: () => Int, nullable: true, defaultValue: COMMENTS_PAGE.first })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<CommentRecord>> {
    // The page with the replies, authors and upvotes its fields ask, in one statement.
    const viewerId = actor?.id ?? null;
    this.viewer.rememberThread(loaders, proposal.id, proposal.consultationId);
    const { page, thread } = await this.service.thread(proposal.id, first, after, lang, {
      replyDepth: askedReplyDepth(info, PREFETCHED_REPLY_LEVELS),
      viewerId,
    });
    this.loaders.primeThread(loaders, thread, viewerId);
    return page;
  }
}

@Resolver(() => User)
export class UserCommentsResolver {
  constructor(private readonly service: CommentsService) {}

  @ResolveField(() => CommentConnection, {
    description: "The signed-in participant's comments, newest first (empty for anyone else).",
  })
  comments(
    @Parent() user: UserRecord,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Args('first', { type: () => Int, nullable: true, defaultValue: USER_COMMENTS_PAGE.first })
    first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<Page<CommentRecord>> | Page<CommentRecord> {
    if (actor?.id !== user.id) return EMPTY_PAGE;
    return this.service.byAuthor(user.id, first, after, lang);
  }
}
