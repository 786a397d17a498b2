import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DashboardPeriod, ParticipationDashboard } from '../../../shared/graphql/schema-types';

const COUNTS_FIELDS = gql`
  fragment ParticipationCountsFields on ParticipationCounts {
    proposals
    votes
    comments
    participants
  }
`;

/** Everything both dashboards show; the public one answers with small cells set to null. */
const DASHBOARD_FIELDS = gql`
  fragment ParticipationDashboardFields on ParticipationDashboard {
    scope
    consultation {
      id
      slug
      title
    }
    period
    generatedAt
    minimumCellSize
    totals {
      ...ParticipationCountsFields
    }
    overTime {
      periodStart
      counts {
        ...ParticipationCountsFields
      }
    }
    byTheme {
      theme {
        id
        slug
        name
      }
      counts {
        ...ParticipationCountsFields
      }
    }
    byCollege {
      actorType
      counts {
        ...ParticipationCountsFields
      }
    }
    byDepartement {
      code
      name
      counts {
        ...ParticipationCountsFields
      }
    }
    unlocated {
      ...ParticipationCountsFields
    }
  }
  ${COUNTS_FIELDS}
`;

export interface DashboardVariables {
  consultationId: string | null;
  period: DashboardPeriod;
}

export const PARTICIPATION_DASHBOARD_QUERY: TypedDocumentNode<
  { participationDashboard: ParticipationDashboard },
  DashboardVariables
> = gql`
  query ParticipationDashboard($consultationId: ID, $period: DashboardPeriod) {
    participationDashboard(consultationId: $consultationId, period: $period) {
      ...ParticipationDashboardFields
    }
  }
  ${DASHBOARD_FIELDS}
`;

export const CURATOR_DASHBOARD_QUERY: TypedDocumentNode<
  { curatorDashboard: ParticipationDashboard },
  DashboardVariables
> = gql`
  query CuratorDashboard($consultationId: ID, $period: DashboardPeriod) {
    curatorDashboard(consultationId: $consultationId, period: $period) {
      ...ParticipationDashboardFields
    }
  }
  ${DASHBOARD_FIELDS}
`;

/** The consultation selector's options. */
export const DASHBOARD_CONSULTATIONS_QUERY: TypedDocumentNode<
  { consultations: { id: string; slug: string; title: string }[] },
  Record<string, never>
> = gql`
  query DashboardConsultations {
    consultations {
      id
      slug
      title
    }
  }
`;
