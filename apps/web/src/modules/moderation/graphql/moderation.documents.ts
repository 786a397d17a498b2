import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AuditAction } from '@passerelle/domain';
import { AMENDMENT_DIFF_FIELDS } from '../../amendments/graphql/amendments.documents';
import type {
  AmendmentDiff,
  AmendmentStatus,
  ModerationUser,
} from '../../../shared/graphql/schema-types';

export const REPORT_REASONS = [
  'SPAM',
  'OFFENSIVE',
  'OFF_TOPIC',
  'DUPLICATE',
  'PERSONAL_DATA',
  'OTHER',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export type ReportTargetType = 'PROPOSAL' | 'COMMENT' | 'USER' | 'AMENDMENT';
export const QUEUE_TARGET_TYPES = ['PROPOSAL', 'COMMENT', 'AMENDMENT', 'USER'] as const;
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
  /** Whether the viewer may hide or restore it and its comments (local moderators too). */
  viewerCanModerate?: boolean;
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
      viewerCanModerate
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

/** A reported amendment as the queue shows it (ModerationItem.amendment). */
export interface ModerationAmendment {
  __typename?: 'Amendment';
  id: string;
  title: string;
  summary: string;
  body: string;
  reason: string;
  status: AmendmentStatus;
  createdAt: string;
  proposal: { __typename?: 'Proposal'; id: string; title: string };
  author: { __typename?: 'Participant'; id: string; displayName: string };
  diff: AmendmentDiff;
}

export interface ModerationItem {
  __typename?: 'ModerationItem';
  targetType: ReportTargetType;
  targetId: string;
  isHidden: boolean;
  awaitingReview: boolean;
  openReportsCount: number;
  firstReportedAt: string | null;
  lastReportedAt: string | null;
  author: ModerationUser | null;
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
  /** Set when targetType is AMENDMENT: the proposed texts, their diff and the proposal. */
  amendment: ModerationAmendment | null;
  reports: ModerationReport[];
}

export interface PageInfo {
  __typename?: 'PageInfo';
  endCursor: string | null;
  hasNextPage: boolean;
}

/** The fields of an account a moderator reads before deciding (kept live in the cache by id). */
export const MODERATION_USER_FIELDS: TypedDocumentNode<ModerationUser> = gql`
  fragment ModerationUserFields on ModerationUser {
    id
    displayName
    actorType
    role
    createdAt
    isSuspended
    suspendedUntil
    suspensionReason
    history {
      proposalsCount
      commentsCount
      hiddenContentCount
      reportsAgainstCount
      suspensionsCount
      memberSince
    }
  }
`;

const MODERATION_ITEM_FIELDS = gql`
  fragment ModerationItemFields on ModerationItem {
    targetType
    targetId
    isHidden
    awaitingReview
    openReportsCount
    firstReportedAt
    lastReportedAt
    author {
      ...ModerationUserFields
    }
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
    amendment {
      id
      title
      summary
      body
      reason
      status
      createdAt
      proposal {
        id
        title
      }
      author {
        id
        displayName
      }
      diff {
        ...AmendmentDiffFields
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
  ${MODERATION_USER_FIELDS}
  ${AMENDMENT_DIFF_FIELDS}
`;

export interface ModerationQueueVariables {
  first?: number;
  after?: string | null;
  targetType?: ReportTargetType | null;
  reason?: ReportReason | null;
  consultationId?: string | null;
  awaitingReview?: boolean | null;
  orderBy?: ModerationQueueOrder;
}

export const MODERATION_QUEUE_QUERY: TypedDocumentNode<
  {
    moderationQueue: {
      __typename?: 'ModerationItemConnection';
      totalCount: number;
      pageInfo: PageInfo;
      edges: { __typename?: 'ModerationItemEdge'; cursor: string; node: ModerationItem }[];
    };
  },
  ModerationQueueVariables
> = gql`
  query ModerationQueue(
    $first: Int
    $after: String
    $targetType: ReportTargetType
    $reason: ReportReason
    $consultationId: ID
    $awaitingReview: Boolean
    $orderBy: ModerationQueueOrder
  ) {
    moderationQueue(
      first: $first
      after: $after
      targetType: $targetType
      reason: $reason
      consultationId: $consultationId
      awaitingReview: $awaitingReview
      orderBy: $orderBy
    ) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
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

export type AuditActionName = AuditAction;

/** What the audit log's entries are about. */
export const AUDIT_TARGET_TYPES = [
  'PROPOSAL',
  'COMMENT',
  'AMENDMENT',
  'USER',
  'CONSULTATION',
  'CLUSTER',
] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

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

export interface AuditLogVariables {
  first?: number;
  after?: string | null;
  action?: string | null;
  targetType?: string | null;
}

export const AUDIT_LOG_QUERY: TypedDocumentNode<
  {
    auditLog: {
      __typename?: 'AuditLogEntryConnection';
      totalCount: number;
      pageInfo: PageInfo;
      edges: { __typename?: 'AuditLogEntryEdge'; cursor: string; node: AuditEntry }[];
    };
  },
  AuditLogVariables
> = gql`
  query AuditLog($first: Int, $after: String, $action: String, $targetType: String) {
    auditLog(first: $first, after: $after, action: $action, targetType: $targetType) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
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

export interface SuspendUserInput {
  userId: string;
  reason: string;
  /** Null: until a moderator reinstates the account. */
  durationDays: number | null;
}

export const SUSPEND_USER_MUTATION: TypedDocumentNode<
  { suspendUser: ModerationUser },
  { input: SuspendUserInput }
> = gql`
  mutation SuspendUser($input: SuspendUserInput!) {
    suspendUser(input: $input) {
      ...ModerationUserFields
    }
  }
  ${MODERATION_USER_FIELDS}
`;

export const REINSTATE_USER_MUTATION: TypedDocumentNode<
  { reinstateUser: ModerationUser },
  { input: { userId: string; reason: string } }
> = gql`
  mutation ReinstateUser($input: ReinstateUserInput!) {
    reinstateUser(input: $input) {
      ...ModerationUserFields
    }
  }
  ${MODERATION_USER_FIELDS}
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
