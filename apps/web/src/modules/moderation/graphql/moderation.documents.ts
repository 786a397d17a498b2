import { gql, type TypedDocumentNode } from '@apollo/client';

export const REPORT_REASONS = [
  'SPAM',
  'OFFENSIVE',
  'OFF_TOPIC',
  'DUPLICATE',
  'PERSONAL_DATA',
  'OTHER',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export type ReportTargetType = 'PROPOSAL' | 'COMMENT' | 'USER';
export const QUEUE_ORDERS = ['MOST_REPORTED', 'OLDEST', 'NEWEST'] as const;
export type ModerationQueueOrder = (typeof QUEUE_ORDERS)[number];
export const ANSWER_STATUSES = ['UNDER_REVIEW', 'SELECTED', 'NOT_RETAINED'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const REPORT_CONTENT_MUTATION: TypedDocumentNode<
  { reportContent: { __typename?: 'Report'; id: string } },
  {
    input: {
      targetType: ReportTargetType;
      targetId: string;
      reason: ReportReason;
      details?: string | null;
    };
  }
> = gql`
  mutation ReportContent($input: ReportContentInput!) {
    reportContent(input: $input) {
      id
    }
  }
`;

export interface ProposalModeration {
  __typename?: 'Proposal';
  id: string;
  isHidden: boolean;
  officialAnswer: string | null;
  status: string;
  canEdit: boolean;
  author: { __typename?: 'Participant'; id: string };
}

/** The moderation fields of a proposal, asked apart so an older API still shows the page. */
export const PROPOSAL_MODERATION_QUERY: TypedDocumentNode<
  { proposal: ProposalModeration },
  { id: string }
> = gql`
  query ProposalModeration($id: ID!) {
    proposal(id: $id) {
      id
      isHidden
      officialAnswer
      status
      canEdit
      author {
        id
      }
    }
  }
`;

export const ANSWER_PROPOSAL_MUTATION: TypedDocumentNode<
  { answerProposal: ProposalModeration },
  { input: { proposalId: string; status: AnswerStatus; answer: string } }
> = gql`
  mutation AnswerProposal($input: AnswerProposalInput!) {
    answerProposal(input: $input) {
      id
      isHidden
      officialAnswer
      status
      canEdit
      author {
        id
      }
    }
  }
`;

export interface ModerationReport {
  __typename?: 'Report';
  id: string;
  reason: ReportReason;
  details: string | null;
  status: string;
  createdAt: string;
}

export interface ModerationItem {
  __typename?: 'ModerationItem';
  targetType: ReportTargetType;
  targetId: string;
  isHidden: boolean;
  openReportsCount: number;
  firstReportedAt: string | null;
  lastReportedAt: string | null;
  proposal: {
    __typename?: 'Proposal';
    id: string;
    title: string;
    summary: string;
    author: { __typename?: 'Participant'; id: string; displayName: string };
  } | null;
  comment: {
    __typename?: 'Comment';
    id: string;
    body: string | null;
    proposalId: string;
    author: { __typename?: 'Participant'; id: string; displayName: string } | null;
  } | null;
  reports: ModerationReport[];
}

const MODERATION_ITEM_FIELDS = gql`
  fragment ModerationItemFields on ModerationItem {
    targetType
    targetId
    isHidden
    openReportsCount
    firstReportedAt
    lastReportedAt
    proposal {
      id
      title
      summary
      author {
        id
        displayName
      }
    }
    comment {
      id
      body
      proposalId
      author {
        id
        displayName
      }
    }
    reports {
      id
      reason
      details
      status
      createdAt
    }
  }
`;

export interface ModerationQueueVariables {
  first?: number;
  targetType?: ReportTargetType | null;
  reason?: ReportReason | null;
  consultationId?: string | null;
  orderBy?: ModerationQueueOrder;
}

export const MODERATION_QUEUE_QUERY: TypedDocumentNode<
  {
    moderationQueue: {
      __typename?: 'ModerationItemConnection';
      totalCount: number;
      edges: { __typename?: 'ModerationItemEdge'; cursor: string; node: ModerationItem }[];
    };
  },
  ModerationQueueVariables
> = gql`
  query ModerationQueue(
    $first: Int
    $targetType: ReportTargetType
    $reason: ReportReason
    $consultationId: ID
    $orderBy: ModerationQueueOrder
  ) {
    moderationQueue(
      first: $first
      targetType: $targetType
      reason: $reason
      consultationId: $consultationId
      orderBy: $orderBy
    ) {
      totalCount
      edges {
        cursor
        node {
          ...ModerationItemFields
        }
      }
    }
  }
  ${MODERATION_ITEM_FIELDS}
`;

export type DecisionKind = 'hideContent' | 'restoreContent' | 'dismissReports';

interface DecisionVariables {
  input: { targetType: ReportTargetType; targetId: string; reason: string };
}

export const DECISION_MUTATIONS: Record<
  DecisionKind,
  TypedDocumentNode<Partial<Record<DecisionKind, ModerationItem>>, DecisionVariables>
> = {
  hideContent: gql`
    mutation HideContent($input: ModerationDecisionInput!) {
      hideContent(input: $input) {
        ...ModerationItemFields
      }
    }
    ${MODERATION_ITEM_FIELDS}
  `,
  restoreContent: gql`
    mutation RestoreContent($input: ModerationDecisionInput!) {
      restoreContent(input: $input) {
        ...ModerationItemFields
      }
    }
    ${MODERATION_ITEM_FIELDS}
  `,
  dismissReports: gql`
    mutation DismissReports($input: ModerationDecisionInput!) {
      dismissReports(input: $input) {
        ...ModerationItemFields
      }
    }
    ${MODERATION_ITEM_FIELDS}
  `,
};

export interface AuditEntry {
  __typename?: 'AuditLogEntry';
  id: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  createdAt: string;
  actor: { __typename?: 'Participant'; id: string; displayName: string } | null;
}

export const AUDIT_LOG_QUERY: TypedDocumentNode<
  {
    auditLog: {
      __typename?: 'AuditLogEntryConnection';
      edges: { __typename?: 'AuditLogEntryEdge'; cursor: string; node: AuditEntry }[];
    };
  },
  { first?: number }
> = gql`
  query AuditLog($first: Int) {
    auditLog(first: $first) {
      edges {
        cursor
        node {
          id
          action
          targetType
          targetId
          reason
          createdAt
          actor {
            id
            displayName
          }
        }
      }
    }
  }
`;

export const MODERATION_CONSULTATIONS_QUERY: TypedDocumentNode<
  { consultations: { __typename?: 'Consultation'; id: string; title: string }[] },
  Record<string, never>
> = gql`
  query ModerationConsultations {
    consultations {
      id
      title
    }
  }
`;
