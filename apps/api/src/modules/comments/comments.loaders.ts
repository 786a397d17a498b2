import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type CommentRecord, CommentsRepository } from './comments.repository';

/** Per-request batched access to replies and the viewer's upvotes. */
@Injectable()
export class CommentsLoaders {
  constructor(private readonly repository: CommentsRepository) {}

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
