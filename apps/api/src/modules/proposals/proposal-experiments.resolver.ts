import { Injectable } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type DataLoader from 'dataloader';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Loaders } from '../../common/graphql/graphql-context';
import { Experiment, experimentFromRow } from '../experiments/models/experiment.model';
import { type Experiment as ExperimentRow } from '../../generated/prisma/client';
import { Proposal } from './models/proposal.model';
import { ProposalExperimentsRepository } from './proposal-experiments.repository';
import { type ProposalRecord } from './proposals.repository';

/** Per-request batched access to the citations between proposals and experiments. */
@Injectable()
export class ProposalExperimentsLoaders {
  constructor(private readonly repository: ProposalExperimentsRepository) {}

  experimentsByProposalId(loaders: LoaderRegistry): DataLoader<string, ExperimentRow[]> {
    return loaders.get('proposals.experimentsByProposalId', (ids: readonly string[]) =>
      this.repository.findExperimentsByProposalIds(ids),
    );
  }

  proposalsByExperimentId(loaders: LoaderRegistry): DataLoader<string, ProposalRecord[]> {
    return loaders.get('proposals.proposalsByExperimentId', (ids: readonly string[]) =>
      this.repository.findProposalsByExperimentIds(ids),
    );
  }
}

/** The experiments a proposal cites as its evidence (issue 10). */
@Resolver(() => Proposal)
export class ProposalExperimentsResolver {
  constructor(private readonly loaders: ProposalExperimentsLoaders) {}

  @ResolveField(() => [Experiment], {
    description: 'Registry experiments cited as evidence, in the order the author gave them.',
  })
  async experiments(
    @Parent() proposal: ProposalRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Experiment[]> {
    const rows = await this.loaders.experimentsByProposalId(loaders).load(proposal.id);
    return rows.map(experimentFromRow);
  }
}

/** The proposals that build on an experiment (its page's "proposals" section). */
@Resolver(() => Experiment)
export class ExperimentProposalsResolver {
  constructor(private readonly loaders: ProposalExperimentsLoaders) {}

  @ResolveField(() => [Proposal], {
    description: 'Public proposals citing this experiment, newest first (hidden ones left out).',
  })
  proposals(
    @Parent() experiment: Experiment,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRecord[]> {
    return this.loaders.proposalsByExperimentId(loaders).load(experiment.id);
  }
}
