import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { OpinionsModule } from '../opinions/opinions.module';
import { VotesLoaders } from './votes.loaders';
import { VotesRepository } from './votes.repository';
import { ProposalVotesResolver, UserVotesResolver, VoteFieldsResolver } from './votes.resolver';
import { VotesService } from './votes.service';

/** Votes (with their counters and scores) and proposal follows. */
@Module({
  imports: [ConsultationsModule, OpinionsModule],
  providers: [
    ProposalVotesResolver,
    VoteFieldsResolver,
    UserVotesResolver,
    VotesService,
    VotesRepository,
    VotesLoaders,
  ],
  exports: [VotesLoaders],
})
export class VotesModule {}
