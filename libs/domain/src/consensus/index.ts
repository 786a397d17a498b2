// Opinion groups and the CONSENSUS / DIVISIVE rankings: the public API of this folder.
export {
  computeOpinionGroups,
  computeOpinionGroupsFromMatrix,
  opinionGroupsOptionsSchema,
  rankProposalOpinions,
  type OpinionGroup,
  type OpinionGroupsOptions,
  type OpinionGroupsResult,
  type OpinionMembership,
  type OpinionOrder,
  type ProposalOpinion,
} from './opinion-groups';
export {
  consensusScore,
  divisivenessScore,
  explainGroupVotes,
  groupLabel,
  groupVotes,
  type GroupVotes,
} from './opinion-scores';
export {
  DISSENT_MIN_GROUP_VOTES,
  draftDissentNote,
  hasDissentingGroup,
  isDissentingGroup,
  type DissentGroupFigures,
  type DissentSource,
} from './dissent';
export { buildVoteMatrix, type OpinionVote, type VoteMatrix } from './vote-matrix';
