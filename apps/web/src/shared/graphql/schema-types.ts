/**
 * TypeScript shapes of the GraphQL types the web app reads (see apps/api/schema.graphql).
 * Written by hand until the codegen step lands in src/generated/.
 */
import type {
  ActorType,
  CompetentLevel,
  Lever,
  PhaseKind,
  ProposalStatus,
  Role,
  TerritoryLevel,
} from '@passerelle/domain';

export interface TerritoryRef {
  __typename?: 'Territory';
  id: string;
  level: TerritoryLevel;
  code: string;
  name: string;
  parent?: {
    __typename?: 'Territory';
    id: string;
    level: TerritoryLevel;
    code: string;
    name: string;
  } | null;
}

export interface Theme {
  __typename?: 'Theme';
  id: string;
  slug: string;
  name: string;
}

export interface Participant {
  __typename?: 'Participant';
  id: string;
  displayName: string;
  actorType: ActorType;
}

export interface CurrentUser {
  __typename?: 'User';
  id: string;
  email: string;
  displayName: string;
  role: Role;
  actorType: ActorType;
  territory: TerritoryRef | null;
}

export interface ConsultationPhase {
  __typename?: 'ConsultationPhase';
  kind: PhaseKind;
  startsAt: string;
  endsAt: string | null;
  isOpen: boolean;
}

export interface Consultation {
  __typename?: 'Consultation';
  id: string;
  slug: string;
  title: string;
  description: string;
  openPhases: PhaseKind[];
  phases: ConsultationPhase[];
  themes: Theme[];
}

export interface ProposalSummary {
  __typename?: 'Proposal';
  id: string;
  title: string;
  summary: string;
  status: ProposalStatus;
  themes: Theme[];
  territory: TerritoryRef;
  author: Participant;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  commentsCount: number;
  publishedAt: string | null;
  createdAt: string;
}

export interface ProposalDetail extends ProposalSummary {
  body: string;
  competentLevel: CompetentLevel;
  lever: Lever;
  experiment: string | null;
  measuredImpact: string | null;
  organisation: {
    __typename?: 'Organisation';
    id: string;
    name: string;
    actorType: ActorType;
  } | null;
  consultation: { __typename?: 'Consultation'; id: string; slug: string; title: string };
  updatedAt: string;
  version: number;
}

export interface PageInfo {
  __typename?: 'PageInfo';
  hasNextPage: boolean;
  endCursor: string | null;
}

// Issue 3 (participation core): see /work/coord/CONTRACT2.md.
export type VoteValue = 'FOR' | 'AGAINST' | 'NEUTRAL';
export type CommentStance = 'FOR' | 'AGAINST' | 'NEUTRAL' | 'NONE';
export type ProposalOrderBy =
  'NEWEST' | 'OLDEST' | 'TOP' | 'HOT' | 'CONTROVERSIAL' | 'MOST_COMMENTED' | 'RELEVANCE';

export interface ProposalFilter {
  consultationId?: string | null;
  themeSlugs?: string[] | null;
  territoryId?: string | null;
  statuses?: ProposalStatus[] | null;
  authorActorTypes?: ActorType[] | null;
  organisationId?: string | null;
  authorId?: string | null;
}

export interface HighlightFragment {
  __typename?: 'HighlightFragment';
  text: string;
  isMatch: boolean;
}

export interface ProposalSearchHighlight {
  __typename?: 'ProposalSearchHighlight';
  title: HighlightFragment[];
  snippet: HighlightFragment[];
}

export interface ProposalEdge {
  __typename?: 'ProposalEdge';
  cursor: string;
  node: ProposalSummary;
  highlight?: ProposalSearchHighlight | null;
}

export interface ProposalConnection {
  __typename?: 'ProposalConnection';
  edges: ProposalEdge[];
  pageInfo: PageInfo;
  totalCount: number;
}

export interface CollegeVotes {
  __typename?: 'CollegeVotes';
  actorType: ActorType;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  total: number;
}

export interface ProposalVotes {
  __typename?: 'Proposal';
  id: string;
  votesFor: number;
  votesAgainst: number;
  votesNeutral: number;
  myVote: VoteValue | null;
  collegeVotes: CollegeVotes[];
  status: ProposalStatus;
  consultation: { __typename?: 'Consultation'; id: string; openPhases: PhaseKind[] };
}

export interface CommentNode {
  __typename?: 'Comment';
  id: string;
  proposalId: string;
  parentId: string | null;
  body: string | null;
  bodyHtml: string | null;
  stance: CommentStance;
  author: Participant | null;
  /** Hidden by moderation: the public gets a placeholder (body and author null). */
  isHidden?: boolean;
  isDeleted: boolean;
  isEdited: boolean;
  upvotes: number;
  hasMyUpvote: boolean;
  canEdit: boolean;
  createdAt: string;
  editedAt: string | null;
  replies?: CommentNode[];
}

export interface ProposalRevision {
  __typename?: 'ProposalRevision';
  version: number;
  title: string;
  summary: string;
  body: string;
  bodyHtml: string;
  experiment: string | null;
  measuredImpact: string | null;
  editor: Participant;
  createdAt: string;
}

export interface ProposalStatusChange {
  __typename?: 'ProposalStatusChange';
  from: ProposalStatus | null;
  to: ProposalStatus;
  actor: Participant;
  reason: string | null;
  at: string;
}
