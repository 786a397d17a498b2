import type { MockLink } from '@apollo/client/testing';
import type {
  CurrentUser,
  ParticipationCounts,
  ParticipationDashboard,
} from '../../../shared/graphql/schema-types';
import { ME_QUERY } from '../../auth/graphql/auth.documents';
import {
  CURATOR_DASHBOARD_QUERY,
  DASHBOARD_CONSULTATIONS_QUERY,
  PARTICIPATION_DASHBOARD_QUERY,
  type DashboardVariables,
} from '../graphql/dashboard.documents';

export const CONSULTATION_ID = '00000000-0000-4000-8000-000000000050';

export const counts = (
  participants: number | null,
  proposals: number | null = participants,
  votes: number | null = participants,
  comments: number | null = participants,
): ParticipationCounts => ({
  __typename: 'ParticipationCounts',
  participants,
  proposals,
  votes,
  comments,
});

const hidden = () => counts(null, null, null, null);

/** A dashboard as the API answers it; `scope` PUBLIC hides the small cells (null counts). */
export function dashboard(
  scope: 'PUBLIC' | 'CURATOR',
  overrides: Partial<ParticipationDashboard> = {},
): ParticipationDashboard {
  const isPublic = scope === 'PUBLIC';
  return {
    __typename: 'ParticipationDashboard',
    scope,
    consultation: null,
    period: 'WEEK',
    generatedAt: '2026-11-26T09:00:00.000Z',
    minimumCellSize: isPublic ? 5 : null,
    totals: counts(1234, 56, 4321, 789),
    overTime: [
      {
        __typename: 'ParticipationPoint',
        periodStart: '2026-11-02T00:00:00.000Z',
        counts: counts(40, 4, 300, 12),
      },
      {
        __typename: 'ParticipationPoint',
        periodStart: '2026-11-09T00:00:00.000Z',
        counts: isPublic ? hidden() : counts(3),
      },
      {
        __typename: 'ParticipationPoint',
        periodStart: '2026-11-16T00:00:00.000Z',
        counts: counts(1200, 50, 4000, 770),
      },
    ],
    byTheme: [
      {
        __typename: 'ThemeParticipation',
        theme: { __typename: 'Theme', id: 't1', slug: 'energie', name: 'Énergie' },
        counts: counts(800, 30, 2500, 400),
      },
      {
        __typename: 'ThemeParticipation',
        theme: { __typename: 'Theme', id: 't2', slug: 'mobilite', name: 'Mobilité' },
        counts: isPublic ? hidden() : counts(2, 1, 3, 0),
      },
    ],
    byCollege: [
      {
        __typename: 'CollegeParticipation',
        actorType: 'ASSOCIATION',
        counts: counts(300, 20, 900, 150),
      },
      {
        __typename: 'CollegeParticipation',
        actorType: 'CITIZEN',
        counts: counts(900, 30, 3400, 600),
      },
      {
        __typename: 'CollegeParticipation',
        actorType: 'PTCE',
        counts: isPublic ? hidden() : counts(4, 1, 2, 1),
      },
    ],
    byDepartement: [
      {
        __typename: 'DepartementParticipation',
        code: '69',
        name: 'Rhône',
        counts: counts(500, 20, 1800, 300),
      },
      {
        __typename: 'DepartementParticipation',
        code: '75',
        name: 'Paris',
        counts: counts(40, 5, 100, 10),
      },
      {
        __typename: 'DepartementParticipation',
        code: '13',
        name: 'Bouches-du-Rhône',
        counts: counts(10, 2, 20, 3),
      },
      {
        __typename: 'DepartementParticipation',
        code: '974',
        name: 'La Réunion',
        counts: counts(7, 1, 9, 2),
      },
      {
        __typename: 'DepartementParticipation',
        code: '2A',
        name: 'Corse-du-Sud',
        counts: isPublic ? hidden() : counts(2, 0, 2, 1),
      },
    ],
    unlocated: counts(677, 28, 2392, 473),
    ...overrides,
  };
}

const variables = (change: Partial<DashboardVariables> = {}): DashboardVariables => ({
  consultationId: null,
  period: 'WEEK',
  ...change,
});

export const consultationsMock: MockLink.MockedResponse = {
  request: { query: DASHBOARD_CONSULTATIONS_QUERY },
  result: {
    data: {
      consultations: [
        {
          __typename: 'Consultation',
          id: CONSULTATION_ID,
          slug: 'demo',
          title: 'Consultation démo',
        },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** A second consultation whose slug needs encoding in a URL. */
export const OTHER_CONSULTATION_ID = '00000000-0000-4000-8000-000000000051';

/** Two consultations for the selector (and the open data list). */
export const twoConsultationsMock: MockLink.MockedResponse = {
  request: { query: DASHBOARD_CONSULTATIONS_QUERY },
  result: {
    data: {
      consultations: [
        {
          __typename: 'Consultation',
          id: CONSULTATION_ID,
          slug: 'demo',
          title: 'Consultation démo',
        },
        {
          __typename: 'Consultation',
          id: OTHER_CONSULTATION_ID,
          slug: 'été 2026/bis',
          title: 'Énergies locales',
        },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

export function publicMock(
  change: Partial<DashboardVariables> = {},
  answer: ParticipationDashboard = dashboard('PUBLIC'),
): MockLink.MockedResponse {
  return {
    request: { query: PARTICIPATION_DASHBOARD_QUERY, variables: variables(change) },
    result: { data: { participationDashboard: answer } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export function curatorMock(
  change: Partial<DashboardVariables> = {},
  answer: ParticipationDashboard = dashboard('CURATOR'),
): MockLink.MockedResponse {
  return {
    request: { query: CURATOR_DASHBOARD_QUERY, variables: variables(change) },
    result: { data: { curatorDashboard: answer } },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export function meMock(role: CurrentUser['role']): MockLink.MockedResponse {
  return {
    request: { query: ME_QUERY },
    result: {
      data: {
        me: {
          __typename: 'User',
          id: '00000000-0000-4000-8000-000000000001',
          email: 'someone@example.org',
          displayName: 'Dominique',
          role,
          actorType: 'CITIZEN',
          territory: null,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}
