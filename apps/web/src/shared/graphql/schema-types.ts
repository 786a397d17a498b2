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
}

export interface PageInfo {
  __typename?: 'PageInfo';
  hasNextPage: boolean;
  endCursor: string | null;
}
