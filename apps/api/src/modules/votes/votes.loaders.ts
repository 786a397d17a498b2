import { Injectable } from '@nestjs/common';
import { type VoteValue } from '@passerelle/domain';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { type CollegeCountRecord, VotesRepository } from './votes.repository';

/** Per-request batched access to votes, collège counters and follows, by proposal id. */
@Injectable()
export class VotesLoaders {
  constructor(private readonly repository: VotesRepository) {}

  /** The viewer's vote on each proposal. */
  myVote(loaders: LoaderRegistry, userId: string): DataLoader<string, VoteValue | null> {
    return loaders.get(`votes.myVote:${userId}`, (ids: readonly string[]) =>
      this.repository.findValuesOfUser(userId, ids),
    );
  }

  collegeCounts(loaders: LoaderRegistry): DataLoader<string, CollegeCountRecord[]> {
    return loaders.get('votes.collegeCounts', (ids: readonly string[]) =>
      this.repository.findCollegeCounts(ids),
    );
  }

  proposalById(loaders: LoaderRegistry): DataLoader<string, ProposalRow | null> {
    return loaders.get('votes.proposalById', (ids: readonly string[]) =>
      this.repository.findProposalsByIds(ids),
    );
  }

  isFollowedBy(loaders: LoaderRegistry, userId: string): DataLoader<string, boolean> {
    return loaders.get(`follows.byUser:${userId}`, (ids: readonly string[]) =>
      this.repository.findFollowedByUser(userId, ids),
    );
  }

  followersCount(loaders: LoaderRegistry): DataLoader<string, number> {
    return loaders.get('follows.count', (ids: readonly string[]) =>
      this.repository.countFollowers(ids),
    );
  }
}
