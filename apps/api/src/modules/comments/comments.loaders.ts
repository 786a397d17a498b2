import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { UsersLoaders } from '../users/users.loaders';
import { type CommentRecord, CommentsRepository, type CommentThread } from './comments.repository';

/** Per-request batched access to replies and the viewer's upvotes. */
@Injectable()
export class CommentsLoaders {
  constructor(
    private readonly repository: CommentsRepository,
    private readonly userLoaders: UsersLoaders,
  ) {}

  /**
   * Fills this request's loaders with what one thread statement read (replies, authors, the
   * viewer's upvotes), so the comments' fields resolve without another statement. Priming never
   * replaces a value already loaded; what was not read keeps loading in batches.
   */
  primeThread(loaders: LoaderRegistry, thread: CommentThread, viewerId: string | null): void {
    const replies = this.replies(loaders);
    for (const [parentId, list] of thread.replies) replies.prime(parentId, list);
    const users = this.userLoaders.byId(loaders);
    for (const author of thread.authors) users.prime(author.id, author);
    if (viewerId && thread.upvotedByViewer) {
      const upvoted = this.upvotedBy(loaders, viewerId);
      for (const [commentId, isUpvoted] of thread.upvotedByViewer) {
        upvoted.prime(commentId, isUpvoted);
      }
    }
  }

  replies(loaders: LoaderRegistry): DataLoader<string, CommentRecord[]> {
    return loaders.get('comments.replies', (ids: readonly string[]) =>
      this.repository.findReplies(ids),
    );
  }

  upvotedBy(loaders: LoaderRegistry, userId: string): DataLoader<string, boolean> {
    return loaders.get(`comments.upvotedBy:${userId}`, (ids: readonly string[]) =>
      this.repository.findUpvotedBy(userId, ids),
    );
  }
}
