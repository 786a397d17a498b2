import { Injectable } from '@nestjs/common';
import {
  type Actor,
  assertCan,
  assertCanModerate,
  assertCanUndoMerge,
  assertVoteMovable,
  DomainError,
  DomainErrorCode,
  type Language,
  mergeProposalsInputSchema,
  moveVoteInputSchema,
  planMerge,
  statusAfterUndo,
  undoMergeInputSchema,
  validateInput,
} from '@passerelle/domain';
import { isUuid } from '../../common/graphql/ids';
import { type Proposal as ProposalRow } from '../../generated/prisma/client';
import { VotesRepository } from '../votes/votes.repository';
import { type ClusterRecord, ClustersRepository } from './clusters.repository';

/** Duplicate clusters: merging proposals, undoing a merge, moving a vote to the lead. */
@Injectable()
export class ClustersService {
  constructor(
    private readonly repository: ClustersRepository,
    private readonly votes: VotesRepository,
  ) {}

  /** Moderators merge duplicates into a lead proposal; nothing is deleted. */
  async merge(actor: Actor, input: unknown, lang: Language): Promise<ClusterRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    assertCanModerate(actor);
    const data = validateInput(mergeProposalsInputSchema, input, lang);
    const clusterId = await this.repository.merge(
      {
        leadId: data.leadProposalId,
        memberIds: data.proposalIds,
        reason: data.reason,
        actorId: actor.id,
      },
      (state) => planMerge(state, lang),
    );
    if (!clusterId) throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    return this.found(clusterId, lang);
  }

  /** Moderators undo a merge: every member gets its status back. */
  async undo(
    actor: Actor,
    input: unknown,
    lang: Language,
    now = new Date(),
  ): Promise<ClusterRecord> {
    if (actor === null) throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED, undefined, lang);
    assertCanModerate(actor);
    const data = validateInput(undoMergeInputSchema, input, lang);
    const found = await this.repository.undo(
      { clusterId: data.clusterId, reason: data.reason, actorId: actor.id, at: now },
      (cluster) => assertCanUndoMerge(cluster, lang),
      statusAfterUndo,
    );
    if (!found) throw new DomainError(DomainErrorCode.CLUSTER_NOT_FOUND, undefined, lang);
    return this.found(data.clusterId, lang);
  }

  /** A participant moves their vote from a merged proposal to a proposal of its cluster. */
  async moveVote(actor: Actor, input: unknown, lang: Language): Promise<ProposalRow> {
    assertCan(actor, 'vote.cast');
    const voter = actor as NonNullable<Actor>;
    const data = validateInput(moveVoteInputSchema, input, lang);
    const proposal = await this.votes.moveVote(
      data.fromProposalId,
      data.toProposalId,
      voter.id,
      ({ from, to, value }) => assertVoteMovable({ from, to, hasVote: value !== null }, lang),
    );
    if (!proposal) throw new DomainError(DomainErrorCode.PROPOSAL_NOT_FOUND, undefined, lang);
    return proposal;
  }

  /** A cluster, active or undone; public. */
  async cluster(id: string, lang: Language): Promise<ClusterRecord> {
    if (!isUuid(id)) throw new DomainError(DomainErrorCode.CLUSTER_NOT_FOUND, undefined, lang);
    return this.found(id, lang);
  }

  private async found(id: string, lang: Language): Promise<ClusterRecord> {
    const cluster = await this.repository.findById(id);
    if (!cluster) throw new DomainError(DomainErrorCode.CLUSTER_NOT_FOUND, undefined, lang);
    return cluster;
  }
}
