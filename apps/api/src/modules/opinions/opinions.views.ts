import { explainGroupVotes, groupVotes, type Language } from '@passerelle/domain';
import { type ConsultationOpinionGroups, type ProposalOpinions } from './models/opinions.model';
import {
  type OpinionGroupRecord,
  type OpinionRunRecord,
  type ProposalGroupVotesRecord,
  type ProposalRankRecord,
} from './opinions.repository';

const share = (part: number, total: number) => (total === 0 ? 0 : part / total);

/**
 * A proposal's figures in its consultation's current run, or null when it has none: no run yet,
 * a run without groups, a proposal published or shown again since (no per-group votes), or a
 * proposal outside the public list (no rank). Consensus and divisiveness are the stored scores,
 * the very keys the CONSENSUS and DIVISIVE lists sort by.
 */
/** Whether a proposal has opinion-group figures to show: a run with groups and its votes in it. */
export function hasOpinions(
  run: OpinionRunRecord | null,
  votes: readonly ProposalGroupVotesRecord[],
): run is OpinionRunRecord {
  return run !== null && run.groupCount > 0 && votes.length > 0;
}

export function proposalOpinionsView(
  rank: ProposalRankRecord | null,
  run: OpinionRunRecord | null,
  groups: readonly OpinionGroupRecord[],
  votes: readonly ProposalGroupVotesRecord[],
  lang: Language,
): ProposalOpinions | null {
  if (!rank || !hasOpinions(run, votes)) return null;
  const groupById = new Map(groups.map((group) => [group.groupId, group]));
  const perGroup = [...votes]
    .sort((a, b) => a.groupId - b.groupId)
    .map((row) => groupVotes(row.groupId, row.agree, row.disagree, row.pass));
  return {
    computedAt: run.computedAt,
    consensus: rank.scoreConsensus,
    divisiveness: rank.scoreDivisive,
    consensusRank: rank.consensusRank,
    divisiveRank: rank.divisiveRank,
    rankedCount: rank.rankedCount,
    groups: perGroup.map((figures) => {
      const group = groupById.get(figures.groupId);
      const total = figures.agree + figures.disagree + figures.pass;
      return {
        ...figures,
        label: group?.label ?? '?',
        groupSize: group?.size ?? 0,
        total,
        agreeShare: share(figures.agree, total),
        disagreeShare: share(figures.disagree, total),
        passShare: share(figures.pass, total),
      };
    }),
    explanation: explainGroupVotes(perGroup, lang),
  };
}

/** A consultation's run with its groups and, for a signed-in viewer, the viewer's own group. */
export function consultationOpinionGroupsView(
  run: OpinionRunRecord | null,
  groups: readonly OpinionGroupRecord[],
  myGroupId: number | null,
): ConsultationOpinionGroups | null {
  if (!run) return null;
  const summaries = groups.map(({ groupId, label, size, totalSize }) => ({
    groupId,
    label,
    size,
    totalSize,
  }));
  return {
    computedAt: run.computedAt,
    votesCount: run.votesCount,
    groupCount: run.groupCount,
    silhouette: run.silhouette,
    participantsClustered: run.participantsClustered,
    proposalsMapped: run.proposalsMapped,
    groups: summaries,
    myGroup: summaries.find((group) => group.groupId === myGroupId) ?? null,
  };
}
