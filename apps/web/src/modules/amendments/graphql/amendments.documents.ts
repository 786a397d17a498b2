import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ProposalStatus } from '@passerelle/domain';
import type {
  Amendment,
  AmendmentVoteValue,
  CoAuthorInvitation,
  CoAuthorStatus,
  Participant,
} from '../../../shared/graphql/schema-types';

const PARTICIPANT_FIELDS = gql`
  fragment AmendmentParticipantFields on Participant {
    id
    displayName
    actorType
    deleted
  }
`;

/** An amendment's word diff against its base revision (the amendments section, the queue). */
export const AMENDMENT_DIFF_FIELDS = gql`
  fragment AmendmentDiffFields on AmendmentDiff {
    title {
      kind
      text
    }
    summary {
      kind
      text
    }
    body {
      kind
      text
    }
    changedFields
  }
`;

export const AMENDMENT_FIELDS = gql`
  fragment AmendmentFields on Amendment {
    id
    author {
      ...AmendmentParticipantFields
    }
    baseVersion
    title
    summary
    body
    reason
    erased
    status
    votesFor
    votesAgainst
    viewerVote
    isOutdated
    diff {
      ...AmendmentDiffFields
    }
    version
    decidedAt
    decidedBy {
      ...AmendmentParticipantFields
    }
    decisionReason
    appliedVersion
    createdAt
    isHidden
    viewerCanVote
    viewerCanDecide
    viewerIsAuthor
  }
  ${PARTICIPANT_FIELDS}
  ${AMENDMENT_DIFF_FIELDS}
`;

export interface ProposalAmendments {
  __typename?: 'Proposal';
  id: string;
  version: number;
  title: string;
  summary: string;
  body: string;
  status: ProposalStatus;
  author: { __typename?: 'Participant'; id: string };
  /** Published, visible, and its consultation in a proposing or voting phase. */
  amendmentsOpen: boolean;
  viewerCanAmend: boolean;
  pendingAmendmentsCount: number;
  /** Newest first, at most 100: the page filters them by status itself. */
  amendments: Amendment[];
}

/** The amendments section: every amendment of the proposal and what the viewer may do. */
export const PROPOSAL_AMENDMENTS_QUERY: TypedDocumentNode<
  { proposal: ProposalAmendments },
  { id: string }
> = gql`
  query ProposalAmendments($id: ID!) {
    proposal(id: $id) {
      id
      version
      title
      summary
      body
      status
      author {
        id
      }
      amendmentsOpen
      viewerCanAmend
      pendingAmendmentsCount
      amendments {
        ...AmendmentFields
      }
    }
  }
  ${AMENDMENT_FIELDS}
`;

export interface ProposalCoAuthors {
  __typename?: 'Proposal';
  id: string;
  author: { __typename?: 'Participant'; id: string };
  coAuthors: Participant[];
  coAuthorInvitations: CoAuthorInvitation[];
  viewerCoAuthorStatus: CoAuthorStatus | null;
  viewerCanInviteCoAuthors: boolean;
}

const COAUTHOR_FIELDS = gql`
  fragment ProposalCoAuthorFields on Proposal {
    id
    author {
      id
    }
    coAuthors {
      ...AmendmentParticipantFields
    }
    coAuthorInvitations {
      participant {
        ...AmendmentParticipantFields
      }
      status
      invitedAt
      answeredAt
    }
    viewerCoAuthorStatus
    viewerCanInviteCoAuthors
  }
  ${PARTICIPANT_FIELDS}
`;

/** Co-authors (shown to all), invitations (the author's) and the viewer's own invitation. */
export const PROPOSAL_COAUTHORS_QUERY: TypedDocumentNode<
  { proposal: ProposalCoAuthors },
  { id: string }
> = gql`
  query ProposalCoAuthors($id: ID!) {
    proposal(id: $id) {
      ...ProposalCoAuthorFields
    }
  }
  ${COAUTHOR_FIELDS}
`;

export interface AmendmentTextsInput {
  title: string;
  summary: string;
  body: string;
}

export const PROPOSE_AMENDMENT_MUTATION: TypedDocumentNode<
  { proposeAmendment: Amendment },
  { input: AmendmentTextsInput & { proposalId: string; reason: string } }
> = gql`
  mutation ProposeAmendment($input: ProposeAmendmentInput!) {
    proposeAmendment(input: $input) {
      ...AmendmentFields
    }
  }
  ${AMENDMENT_FIELDS}
`;

export const REBASE_AMENDMENT_MUTATION: TypedDocumentNode<
  { rebaseAmendment: Amendment },
  {
    input: AmendmentTextsInput & {
      amendmentId: string;
      expectedVersion: number;
      reason?: string | null;
    };
  }
> = gql`
  mutation RebaseAmendment($input: RebaseAmendmentInput!) {
    rebaseAmendment(input: $input) {
      ...AmendmentFields
    }
  }
  ${AMENDMENT_FIELDS}
`;

export const VOTE_ON_AMENDMENT_MUTATION: TypedDocumentNode<
  {
    voteOnAmendment: Pick<
      Amendment,
      '__typename' | 'id' | 'votesFor' | 'votesAgainst' | 'viewerVote'
    >;
  },
  { input: { amendmentId: string; value: AmendmentVoteValue | null } }
> = gql`
  mutation VoteOnAmendment($input: VoteOnAmendmentInput!) {
    voteOnAmendment(input: $input) {
      id
      votesFor
      votesAgainst
      viewerVote
    }
  }
`;

export interface DecideAmendmentInput {
  amendmentId: string;
  expectedVersion: number;
  reason?: string | null;
  inviteAuthorAsCoAuthor?: boolean | null;
}

/** The proposal as the accepted amendment made it: the page shows the new text at once. */
export interface DecidedAmendment extends Amendment {
  proposal: {
    __typename?: 'Proposal';
    id: string;
    version: number;
    title: string;
    summary: string;
    body: string;
    bodyHtml: string;
    updatedAt: string;
  };
}

const DECIDED_AMENDMENT_FIELDS = gql`
  fragment DecidedAmendmentFields on Amendment {
    ...AmendmentFields
    proposal {
      id
      version
      title
      summary
      body
      bodyHtml
      updatedAt
    }
  }
  ${AMENDMENT_FIELDS}
`;

export const ACCEPT_AMENDMENT_MUTATION: TypedDocumentNode<
  { acceptAmendment: DecidedAmendment },
  { input: DecideAmendmentInput }
> = gql`
  mutation AcceptAmendment($input: DecideAmendmentInput!) {
    acceptAmendment(input: $input) {
      ...DecidedAmendmentFields
    }
  }
  ${DECIDED_AMENDMENT_FIELDS}
`;

export const REJECT_AMENDMENT_MUTATION: TypedDocumentNode<
  { rejectAmendment: DecidedAmendment },
  { input: DecideAmendmentInput }
> = gql`
  mutation RejectAmendment($input: DecideAmendmentInput!) {
    rejectAmendment(input: $input) {
      ...DecidedAmendmentFields
    }
  }
  ${DECIDED_AMENDMENT_FIELDS}
`;

export const WITHDRAW_AMENDMENT_MUTATION: TypedDocumentNode<
  { withdrawAmendment: Amendment },
  { input: { amendmentId: string } }
> = gql`
  mutation WithdrawAmendment($input: WithdrawAmendmentInput!) {
    withdrawAmendment(input: $input) {
      ...AmendmentFields
    }
  }
  ${AMENDMENT_FIELDS}
`;

export const INVITE_COAUTHOR_MUTATION: TypedDocumentNode<
  { inviteCoAuthor: ProposalCoAuthors },
  { input: { proposalId: string; userId: string } }
> = gql`
  mutation InviteCoAuthor($input: InviteCoAuthorInput!) {
    inviteCoAuthor(input: $input) {
      ...ProposalCoAuthorFields
    }
  }
  ${COAUTHOR_FIELDS}
`;

export const ANSWER_COAUTHOR_INVITATION_MUTATION: TypedDocumentNode<
  { answerCoAuthorInvitation: ProposalCoAuthors & { canEdit: boolean } },
  { input: { proposalId: string; accept: boolean } }
> = gql`
  mutation AnswerCoAuthorInvitation($input: AnswerCoAuthorInvitationInput!) {
    answerCoAuthorInvitation(input: $input) {
      ...ProposalCoAuthorFields
      canEdit
    }
  }
  ${COAUTHOR_FIELDS}
`;

export const REMOVE_COAUTHOR_MUTATION: TypedDocumentNode<
  { removeCoAuthor: ProposalCoAuthors & { canEdit: boolean } },
  { input: { proposalId: string; userId: string } }
> = gql`
  mutation RemoveCoAuthor($input: RemoveCoAuthorInput!) {
    removeCoAuthor(input: $input) {
      ...ProposalCoAuthorFields
      canEdit
    }
  }
  ${COAUTHOR_FIELDS}
`;
