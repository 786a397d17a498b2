import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { UsersModule } from '../users/users.module';
import { CommentsLoaders } from './comments.loaders';
import { CommentsRepository } from './comments.repository';
import {
  CommentsResolver,
  ProposalCommentsResolver,
  UserCommentsResolver,
} from './comments.resolver';
import { CommentsService } from './comments.service';
import { WatchComments } from './use-cases/watch-comments';

/** Threaded comments on proposals: stances, revisions, soft deletion and upvotes. */
@Module({
  imports: [UsersModule, ConsultationsModule],
  providers: [
    CommentsResolver,
    ProposalCommentsResolver,
    UserCommentsResolver,
    CommentsService,
    CommentsRepository,
    CommentsLoaders,
    WatchComments,
  ],
})
export class CommentsModule {}
