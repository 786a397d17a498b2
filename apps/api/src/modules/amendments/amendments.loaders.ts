import { Injectable } from '@nestjs/common';
import {
  type AmendableTexts,
  type AmendmentStatus,
  type AmendmentVoteValue,
} from '@passerelle/domain';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { type ProposalRecord } from '../proposals/proposals.repository';
import { AmendmentsRepository } from './amendments.repository';
import { type AmendmentRecord } from './models/amendment.model';

/** Per-request batched access to amendments and what their fields read (no N+1 in lists). */
@Injectable()
export class AmendmentsLoaders {
  constructor(private readonly repository: AmendmentsRepository) {}

  byId(loaders: LoaderRegistry): DataLoader<string, AmendmentRecord | null> {
    return loaders.get('amendments.byId', (ids: readonly string[]) =>
      this.repository.findByIds(ids),
    );
  }

  /** A proposal's amendments of one status (or all), newest first: one loader per status. */
  byProposalId(
    loaders: LoaderRegistry,
    status: AmendmentStatus | null,
  ): DataLoader<string, AmendmentRecord[]> {
    return loaders.get(`amendments.byProposalId:${status ?? '*'}`, (ids: readonly string[]) =>
      this.repository.findByProposalIds(ids, status),
    );
  }

  pendingCountByProposalId(loaders: LoaderRegistry): DataLoader<string, number> {
    return loaders.get('amendments.pendingCountByProposalId', (ids: readonly string[]) =>
      this.repository.countPendingByProposalIds(ids),
    );
  }

  /** The viewer's vote on each amendment. */
  viewerVote(
    loaders: LoaderRegistry,
    viewerId: string,
  ): DataLoader<string, AmendmentVoteValue | null> {
    return loaders.get(`amendments.viewerVote:${viewerId}`, (ids: readonly string[]) =>
      this.repository.findVotes(viewerId, ids),
    );
  }

  /** Proposals of any status: the amendment fields that need one were reached through it. */
  proposalById(loaders: LoaderRegistry): DataLoader<string, ProposalRecord | null> {
    return loaders.get('amendments.proposalById', (ids: readonly string[]) =>
      this.repository.findProposalsByIds(ids),
    );
  }

  coAuthorIdsByProposalId(loaders: LoaderRegistry): DataLoader<string, string[]> {
    return loaders.get('amendments.coAuthorIdsByProposalId', (ids: readonly string[]) =>
      this.repository.findCoAuthorIdsByProposalIds(ids),
    );
  }

  /** Revision texts keyed `proposalId:version`. */
  revisionTexts(loaders: LoaderRegistry): DataLoader<string, AmendableTexts | null> {
    return loaders.get('amendments.revisionTexts', (keys: readonly string[]) =>
      this.repository.findRevisionTexts(
        keys.map((key) => {
          const [proposalId, version] = key.split(':');
          return { proposalId, version: Number(version) };
        }),
      ),
    );
  }

  appliedVersion(loaders: LoaderRegistry): DataLoader<string, number | null> {
    return loaders.get('amendments.appliedVersion', (ids: readonly string[]) =>
      this.repository.findAppliedVersions(ids),
    );
  }
}
