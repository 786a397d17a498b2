import { z } from 'zod';
import { DomainError, DomainErrorCode } from '../shared/errors';
import { type ProposalStatus } from '../shared/enums';
import { DEFAULT_LANGUAGE, type Language } from '../shared/language';
import { id, text } from '../shared/schemas';

/** Limits of a merge of duplicate proposals. */
export const CLUSTER_LIMITS = {
  proposalsMin: 1,
  proposalsMax: 20,
  reasonMin: 3,
  reasonMax: 1_000,
} as const;

export const mergeProposalsInputSchema = z
  .strictObject({
    leadProposalId: id(),
    proposalIds: z
      .array(id())
      .min(CLUSTER_LIMITS.proposalsMin)
      .max(CLUSTER_LIMITS.proposalsMax)
      .refine((ids) => new Set(ids).size === ids.length, { params: { rule: 'unique' } }),
    reason: text(CLUSTER_LIMITS.reasonMin, CLUSTER_LIMITS.reasonMax),
  })
  .superRefine((input, ctx) => {
    const index = input.proposalIds.indexOf(input.leadProposalId);
    if (index >= 0) {
      ctx.addIssue({ code: 'custom', path: ['proposalIds', index], params: { rule: 'unique' } });
    }
  });
export type MergeProposalsInput = z.infer<typeof mergeProposalsInputSchema>;

export const undoMergeInputSchema = z.strictObject({
  clusterId: id(),
  reason: text(CLUSTER_LIMITS.reasonMin, CLUSTER_LIMITS.reasonMax),
});
export type UndoMergeInput = z.infer<typeof undoMergeInputSchema>;

export const moveVoteInputSchema = z.strictObject({
  fromProposalId: id(),
  toProposalId: id(),
});
export type MoveVoteInput = z.infer<typeof moveVoteInputSchema>;

/**
 * Statuses a proposal may have to be merged (lead or member): the public ones, except MERGED.
 * Drafts and withdrawn proposals are not public, and a merged one already belongs to a cluster.
 */
export const MERGEABLE_STATUSES: readonly ProposalStatus[] = [
  'PUBLISHED',
  'UNDER_REVIEW',
  'SELECTED',
  'NOT_RETAINED',
  'RETAINED',
];

export function isMergeable(status: ProposalStatus): boolean {
  return MERGEABLE_STATUSES.includes(status);
}

/** What the merge rules need to know about a proposal, read under its row lock. */
export interface ClusterCandidate {
  id: string;
  status: ProposalStatus;
  consultationId: string;
  /** The active cluster it belongs to, if any. */
  clusterId: string | null;
}

/**
 * Checks a merge of `members` into `lead` and tells whether it opens a new cluster or joins the
 * active cluster the lead already leads (`leadClusterLeadId` is that cluster's lead).
 * Throws CLUSTER_CONSULTATION_MISMATCH, ALREADY_IN_CLUSTER or ILLEGAL_TRANSITION.
 */
export function planMerge(
  input: {
    lead: ClusterCandidate;
    members: readonly ClusterCandidate[];
    leadClusterLeadId: string | null;
  },
  lang: Language = DEFAULT_LANGUAGE,
): { joinClusterId: string | null } {
  const { lead, members } = input;
  if (members.some((member) => member.consultationId !== lead.consultationId)) {
    throw new DomainError(DomainErrorCode.CLUSTER_CONSULTATION_MISMATCH, undefined, lang);
  }
  const leadsItsCluster = lead.clusterId !== null && input.leadClusterLeadId === lead.id;
  if (
    (lead.clusterId !== null && !leadsItsCluster) ||
    members.some((member) => member.clusterId !== null)
  ) {
    throw new DomainError(DomainErrorCode.ALREADY_IN_CLUSTER, undefined, lang);
  }
  if (!isMergeable(lead.status) || members.some((member) => !isMergeable(member.status))) {
    throw new DomainError(DomainErrorCode.ILLEGAL_TRANSITION, undefined, lang);
  }
  return { joinClusterId: leadsItsCluster ? lead.clusterId : null };
}

/** A merge can be undone once. */
export function assertCanUndoMerge(
  cluster: { undoneAt: Date | null },
  lang: Language = DEFAULT_LANGUAGE,
): void {
  if (cluster.undoneAt !== null) {
    throw new DomainError(DomainErrorCode.MERGE_ALREADY_UNDONE, undefined, lang);
  }
}

/**
 * The status a member gets back when its merge is undone: its status before the merge, if it is
 * still MERGED; a member whose status changed since (the lead, or one answered meanwhile) keeps it.
 * Null means no change.
 */
export function statusAfterUndo(member: {
  status: ProposalStatus;
  previousStatus: ProposalStatus;
}): ProposalStatus | null {
  return member.status === 'MERGED' && member.previousStatus !== 'MERGED'
    ? member.previousStatus
    : null;
}

/** What the move rules need to know about both proposals, read under their row locks. */
export interface VoteMoveEnd {
  id: string;
  status: ProposalStatus;
  clusterId: string | null;
  hiddenAt: Date | null;
}

/**
 * A participant's vote may move from a MERGED proposal of an active cluster to a visible,
 * not-merged proposal of the same cluster (in practice its lead), if they voted on the first.
 * Throws VOTE_NOT_MOVABLE otherwise.
 */
export function assertVoteMovable(
  input: { from: VoteMoveEnd; to: VoteMoveEnd; hasVote: boolean },
  lang: Language = DEFAULT_LANGUAGE,
): void {
  const { from, to } = input;
  const movable =
    input.hasVote &&
    from.id !== to.id &&
    from.status === 'MERGED' &&
    from.clusterId !== null &&
    to.clusterId === from.clusterId &&
    to.status !== 'MERGED' &&
    to.hiddenAt === null;
  if (!movable) throw new DomainError(DomainErrorCode.VOTE_NOT_MOVABLE, undefined, lang);
}
