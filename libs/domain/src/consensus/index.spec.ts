import * as dissent from './dissent';
import * as consensus from './index';
import * as groups from './opinion-groups';
import * as scores from './opinion-scores';
import * as matrix from './vote-matrix';

describe('the consensus API', () => {
  it('exposes the computation, the rankings and the scores', () => {
    expect(consensus).toEqual({
      computeOpinionGroups: groups.computeOpinionGroups,
      computeOpinionGroupsFromMatrix: groups.computeOpinionGroupsFromMatrix,
      opinionGroupsOptionsSchema: groups.opinionGroupsOptionsSchema,
      rankProposalOpinions: groups.rankProposalOpinions,
      consensusScore: scores.consensusScore,
      divisivenessScore: scores.divisivenessScore,
      explainGroupVotes: scores.explainGroupVotes,
      groupLabel: scores.groupLabel,
      groupVotes: scores.groupVotes,
      buildVoteMatrix: matrix.buildVoteMatrix,
      DISSENT_MIN_GROUP_VOTES: dissent.DISSENT_MIN_GROUP_VOTES,
      draftDissentNote: dissent.draftDissentNote,
      hasDissentingGroup: dissent.hasDissentingGroup,
      isDissentingGroup: dissent.isDissentingGroup,
    });
  });
});
