import type { MockLink } from '@apollo/client/testing';
import type {
  Brief,
  CandidateProposal,
  OpinionGroupVotes,
  ProposalOpinions,
} from '../../../shared/graphql/schema-types';
import { THEMES_QUERY } from '../../proposals/graphql/proposals.documents';
import { initialCandidateFilters, toCandidateVariables } from '../forms/candidate-filters';
import type { WithOpinions } from '../forms/opinions';
import {
  CANDIDATE_PROPOSALS_QUERY,
  type CandidateProposalsVariables,
  type CandidateWithOpinions,
} from '../graphql/curation.documents';

export const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** One group's votes on a proposal, its shares computed as the API does. */
export function groupFigures(
  groupId: number,
  groupSize: number,
  agree: number,
  disagree: number,
  pass = 0,
): OpinionGroupVotes {
  const total = agree + disagree + pass;
  return {
    __typename: 'OpinionGroupVotes',
    groupId,
    label: String.fromCharCode(65 + groupId),
    groupSize,
    agree,
    disagree,
    pass,
    total,
    agreeShare: total === 0 ? 0 : agree / total,
    disagreeShare: total === 0 ? 0 : disagree / total,
    passShare: total === 0 ? 0 : pass / total,
    agreement: (agree + 1) / (total + 2),
    disagreement: (disagree + 1) / (total + 2),
  };
}

/** Proposal.opinions for these groups (the explanation is the API's, given as is). */
export const opinionsOf = (
  groups: OpinionGroupVotes[],
  overrides: Partial<ProposalOpinions> = {},
): ProposalOpinions => ({
  __typename: 'ProposalOpinions',
  computedAt: '2026-11-25T09:00:00.000Z',
  consensus: 0.5,
  divisiveness: 0.2,
  consensusRank: 1,
  divisiveRank: 1,
  rankedCount: 10,
  groups,
  explanation: 'Explication',
  ...overrides,
});

export const proposal = (
  n: number,
  title: string,
  opinions: ProposalOpinions | null = null,
): WithOpinions => ({
  __typename: 'Proposal',
  id: uuid(100 + n),
  title,
  summary: `Résumé de ${title}`,
  status: 'PUBLISHED',
  votesFor: 12,
  votesAgainst: 3,
  votesNeutral: 1,
  collegeVotes: [
    {
      __typename: 'CollegeVotes',
      actorType: 'ASSOCIATION',
      votesFor: 8,
      votesAgainst: 1,
      votesNeutral: 1,
      total: 10,
    },
  ],
  opinions,
});

/** A working copy with two sections; the first cites two proposals. */
export function brief(overrides: Partial<Brief> = {}): Brief {
  return {
    __typename: 'Brief',
    id: uuid(1),
    slug: 'contribution-ess',
    title: 'Contribution nationale ESS',
    introduction: 'Introduction',
    introductionHtml: '<p>Introduction</p>',
    status: 'DRAFT',
    revision: 3,
    publishedVersion: null,
    consultations: [
      { __typename: 'Consultation', id: uuid(50), slug: 'demo', title: 'Consultation démo' },
    ],
    sections: [
      {
        __typename: 'BriefSection',
        id: uuid(10),
        position: 0,
        title: 'Financer',
        synthesis: 'Synthèse A',
        synthesisHtml: '<p>Synthèse A</p>',
        dissentNote: '',
        citations: [
          {
            __typename: 'BriefCitation',
            id: uuid(20),
            position: 0,
            proposal: proposal(1, 'Un fonds régional'),
            sourceProposal: {
              __typename: 'Proposal',
              id: proposal(1, 'Un fonds régional').id,
              title: 'Un fonds régional',
            },
            comment: null,
            quote: 'fonds',
            otherBriefs: [
              { __typename: 'BriefRef', id: uuid(2), slug: 'autre', title: 'Autre contribution' },
            ],
          },
          {
            __typename: 'BriefCitation',
            id: uuid(21),
            position: 1,
            proposal: proposal(2, 'Des garanties publiques'),
            sourceProposal: {
              __typename: 'Proposal',
              id: proposal(2, 'Des garanties publiques').id,
              title: 'Des garanties publiques',
            },
            comment: null,
            quote: null,
            otherBriefs: [],
          },
        ],
      },
      {
        __typename: 'BriefSection',
        id: uuid(11),
        position: 1,
        title: 'Former',
        synthesis: 'Synthèse B',
        synthesisHtml: '<p>Synthèse B</p>',
        dissentNote: 'Désaccord',
        citations: [],
      },
    ],
    updatedAt: '2026-11-25T10:00:00.000Z',
    updatedBy: {
      __typename: 'Participant',
      id: uuid(3),
      displayName: 'Claude',
      actorType: 'CITIZEN',
    },
    ...overrides,
  };
}

/** A candidate as the picker's query returns it. */
export const candidate = (
  n: number,
  title: string,
  overrides: Partial<CandidateWithOpinions> = {},
): CandidateWithOpinions => ({
  ...proposal(n, title),
  themes: [{ __typename: 'Theme', id: uuid(60), slug: 'energie', name: 'Énergie citoyenne' }],
  territory: {
    __typename: 'Territory',
    id: 'COMMUNE-69123',
    level: 'COMMUNE',
    code: '69123',
    name: 'Lyon',
  },
  author: { __typename: 'Participant', id: uuid(70), displayName: 'Sacha', actorType: 'PTCE' },
  commentsCount: 1,
  broadSupport: false,
  citedIn: [],
  ...overrides,
});

/** The answer of the candidate search for `variables`, usable any number of times. */
export function candidatesMock(
  variables: CandidateProposalsVariables,
  nodes: CandidateProposal[],
  pageInfo: { hasNextPage: boolean; endCursor: string | null } = {
    hasNextPage: false,
    endCursor: null,
  },
  totalCount = nodes.length,
): MockLink.MockedResponse {
  return {
    request: { query: CANDIDATE_PROPOSALS_QUERY, variables },
    result: {
      data: {
        proposals: {
          __typename: 'ProposalConnection',
          edges: nodes.map((node) => ({
            __typename: 'ProposalEdge',
            cursor: `c-${node.id}`,
            node,
          })),
          pageInfo: { __typename: 'PageInfo', ...pageInfo },
          totalCount,
        },
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

export const themesMock: MockLink.MockedResponse = {
  request: { query: THEMES_QUERY },
  result: {
    data: {
      themes: [
        { __typename: 'Theme', id: uuid(60), slug: 'energie', name: 'Énergie citoyenne' },
        { __typename: 'Theme', id: uuid(61), slug: 'circuits-courts', name: 'Circuits courts' },
      ],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** The picker's first search for the fixture brief (its consultation, most supported first). */
export const firstCandidates = (nodes: CandidateProposal[] = []) =>
  candidatesMock(toCandidateVariables(initialCandidateFilters(uuid(50))), nodes);
