import { gql, type TypedDocumentNode } from '@apollo/client';
import type { OpinionGroupSummary, ProposalOpinions } from '../../../shared/graphql/schema-types';

export interface ProposalOpinionsData {
  proposal: {
    __typename?: 'Proposal';
    id: string;
    opinions: ProposalOpinions | null;
    consultation: {
      __typename?: 'Consultation';
      id: string;
      opinionGroups: {
        __typename?: 'ConsultationOpinionGroups';
        computedAt: string;
        myGroup: OpinionGroupSummary | null;
      } | null;
    };
  } | null;
}

/** What the proposal page and the curation workspace read of Proposal.opinions. */
export const PROPOSAL_OPINIONS_FIELDS = gql`
  fragment ProposalOpinionsFields on ProposalOpinions {
    computedAt
    consensus
    divisiveness
    consensusRank
    divisiveRank
    rankedCount
    explanation
    groups {
      groupId
      label
      groupSize
      agree
      disagree
      pass
      total
      agreeShare
      disagreeShare
      passShare
      agreement
      disagreement
    }
  }
`;

/**
 * A proposal's votes per opinion group, its ranks and the viewer's own group (issue 6). Asked
 * apart from the proposal so that the page still shows while an older API does not serve it.
 */
export const PROPOSAL_OPINIONS_QUERY: TypedDocumentNode<ProposalOpinionsData, { id: string }> = gql`
  query ProposalOpinions($id: ID!) {
    proposal(id: $id) {
      id
      opinions {
        ...ProposalOpinionsFields
      }
      consultation {
        id
        opinionGroups {
          computedAt
          myGroup {
            groupId
            label
            size
            totalSize
          }
        }
      }
    }
  }
  ${PROPOSAL_OPINIONS_FIELDS}
`;
