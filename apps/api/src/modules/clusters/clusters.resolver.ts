import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  DomainError,
  DomainErrorCode,
  isContentVisibleTo,
  type Language,
} from '@passerelle/domain';
import { CurrentUser, Public } from '../../common/auth/auth.decorators';
import { type LoaderRegistry } from '../../common/dataloader/loader-registry';
import { Lang, Loaders } from '../../common/graphql/graphql-context';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { Proposal } from '../proposals/models/proposal.model';
import { MergeProposalsInput, MoveVoteInput, UndoMergeInput } from './dto/clusters.inputs';
import { CombinedSupport, ProposalCluster } from './models/cluster.model';
import {
  type ClusterRecord,
  ClustersRepository,
  type CombinedSupportRecord,
} from './clusters.repository';
import { ClustersService } from './clusters.service';

/** Per-request loaders of clusters, shared by the cluster and proposal field resolvers. */
function membersLoader(loaders: LoaderRegistry, repository: ClustersRepository) {
  return loaders.get('clusters.members', (ids: readonly string[]) => repository.findMembers(ids));
}

/** Whether the viewer may read the cluster's lead: a lead hidden by moderation hides its cluster. */
async function isLeadVisible(
  cluster: ClusterRecord,
  actor: Actor,
  loaders: LoaderRegistry,
  repository: ClustersRepository,
): Promise<boolean> {
  const members = await membersLoader(loaders, repository).load(cluster.id);
  const lead = members.find((member) => member.id === cluster.leadProposalId);
  return !!lead && isContentVisibleTo(actor, lead);
}

@Resolver(() => ProposalCluster)
export class ClustersResolver {
  constructor(
    private readonly service: ClustersService,
    private readonly repository: ClustersRepository,
  ) {}

  @Mutation(() => ProposalCluster, {
    description:
      'Moderators merge duplicate proposals of one consultation into a lead proposal (the others become MERGED); ALREADY_IN_CLUSTER, CLUSTER_CONSULTATION_MISMATCH.',
  })
  mergeProposals(
    @Args('input', { type: () => MergeProposalsInput }) input: MergeProposalsInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ClusterRecord> {
    return this.service.merge(actor, input, lang);
  }

  @Mutation(() => ProposalCluster, {
    description:
      'Moderators undo a merge: every member gets its previous status back; MERGE_ALREADY_UNDONE.',
  })
  undoMerge(
    @Args('input', { type: () => UndoMergeInput }) input: UndoMergeInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ClusterRecord> {
    return this.service.undo(actor, input, lang);
  }

  @Mutation(() => Proposal, {
    description:
      'Moves the signed-in participant’s vote from a merged proposal to a proposal of its active cluster (returned); VOTE_NOT_MOVABLE.',
  })
  moveVote(
    @Args('input', { type: () => MoveVoteInput }) input: MoveVoteInput,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
  ): Promise<ProposalRow> {
    return this.service.moveVote(actor, input, lang);
  }

  @Public()
  @Query(() => ProposalCluster, { description: 'A cluster of duplicates; CLUSTER_NOT_FOUND.' })
  async proposalCluster(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() actor: Actor,
    @Lang() lang: Language,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ClusterRecord> {
    const cluster = await this.service.cluster(id, lang);
    if (!(await isLeadVisible(cluster, actor, loaders, this.repository))) {
      throw new DomainError(DomainErrorCode.CLUSTER_NOT_FOUND, undefined, lang);
    }
    return cluster;
  }

  @ResolveField(() => Proposal)
  async lead(
    @Parent() cluster: ClusterRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRow> {
    const members = await membersLoader(loaders, this.repository).load(cluster.id);
    return members.find((member) => member.id === cluster.leadProposalId) as ProposalRow;
  }

  @ResolveField(() => [Proposal], {
    description: 'Members hidden by moderation are listed only for their authors and moderators.',
  })
  async members(
    @Parent() cluster: ClusterRecord,
    @CurrentUser() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProposalRow[]> {
    const members = await membersLoader(loaders, this.repository).load(cluster.id);
    return members.filter(
      (member) => member.id === cluster.leadProposalId || isContentVisibleTo(actor, member),
    );
  }

  @ResolveField(() => Boolean)
  isActive(@Parent() cluster: ClusterRecord): boolean {
    return cluster.undoneAt === null;
  }

  @ResolveField(() => CombinedSupport)
  combinedSupport(
    @Parent() cluster: ClusterRecord,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CombinedSupportRecord> {
    return loaders
      .get('clusters.combinedSupport', (ids: readonly string[]) =>
        this.repository.findCombinedSupport(ids),
      )
      .load(cluster.id);
  }
}

/** `cluster` and `isClusterLead` on proposals. */
@Resolver(() => Proposal)
export class ProposalClusterResolver {
  constructor(private readonly repository: ClustersRepository) {}

  @ResolveField(() => ProposalCluster, {
    nullable: true,
    description: 'The active cluster of duplicates the proposal belongs to, if any.',
  })
  async cluster(
    @Parent() proposal: { id: string },
    @Loaders() loaders: LoaderRegistry,
    @CurrentUser() actor: Actor,
  ): Promise<ClusterRecord | null> {
    const cluster = await this.activeCluster(proposal, loaders);
    if (!cluster) return null;
    return (await isLeadVisible(cluster, actor, loaders, this.repository)) ? cluster : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether it leads an active cluster.' })
  async isClusterLead(
    @Parent() proposal: { id: string },
    @Loaders() loaders: LoaderRegistry,
  ): Promise<boolean> {
    const cluster = await this.activeCluster(proposal, loaders);
    return cluster?.leadProposalId === proposal.id;
  }

  private activeCluster(
    proposal: { id: string },
    loaders: LoaderRegistry,
  ): Promise<ClusterRecord | null> {
    return loaders
      .get('clusters.ofProposal', (ids: readonly string[]) =>
        this.repository.findActiveClustersOfProposals(ids),
      )
      .load(proposal.id);
  }
}
