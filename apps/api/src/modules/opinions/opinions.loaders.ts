import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import {
  type OpinionGroupRecord,
  type OpinionRunRecord,
  OpinionsRepository,
  type ProposalGroupVotesRecord,
  type ProposalRankRecord,
} from './opinions.repository';

/** Per-request batched access to opinion-group runs and figures: one query per page, not per row. */
@Injectable()
export class OpinionsLoaders {
  constructor(private readonly repository: OpinionsRepository) {}

  runByConsultationId(loaders: LoaderRegistry): DataLoader<string, OpinionRunRecord | null> {
    return loaders.get('opinions.runByConsultationId', (ids: readonly string[]) =>
      this.repository.findRuns(ids),
    );
  }

  groupsByConsultationId(loaders: LoaderRegistry): DataLoader<string, OpinionGroupRecord[]> {
    return loaders.get('opinions.groupsByConsultationId', (ids: readonly string[]) =>
      this.repository.findGroups(ids),
    );
  }

  /** The viewer's own group per consultation: keyed by the viewer, never by someone else. */
  myGroupId(loaders: LoaderRegistry, userId: string): DataLoader<string, number | null> {
    return loaders.get(`opinions.myGroupId:${userId}`, (ids: readonly string[]) =>
      this.repository.findGroupIdsOfUser(userId, ids),
    );
  }

  rankByProposalId(loaders: LoaderRegistry): DataLoader<string, ProposalRankRecord | null> {
    return loaders.get('opinions.rankByProposalId', (ids: readonly string[]) =>
      this.repository.findRanks(ids),
    );
  }

  groupVotesByProposalId(loaders: LoaderRegistry): DataLoader<string, ProposalGroupVotesRecord[]> {
    return loaders.get('opinions.groupVotesByProposalId', (ids: readonly string[]) =>
      this.repository.findGroupVotes(ids),
    );
  }
}
