import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CitedExperiment } from '../../../shared/graphql/schema-types';

export type {
  CitedExperiment,
  CitedFigure,
  CitedIndicator,
} from '../../../shared/graphql/schema-types';

export const CITED_EXPERIMENT_FIELDS = gql`
  fragment CitedExperimentFields on Experiment {
    id
    name
    status
    organisation {
      id
      name
    }
    indicators {
      id
      name
      unit
      latest {
        id
        value
        measuredOn
        checkedAt
      }
      latestChecked {
        id
        value
        measuredOn
        checkedAt
      }
    }
  }
`;

/** The proposal page's "evidence" section: part of the merged page query. */
export const PROPOSAL_EXPERIMENTS_QUERY: TypedDocumentNode<
  { proposal: { __typename?: 'Proposal'; id: string; experiments: CitedExperiment[] } },
  { id: string }
> = gql`
  query ProposalExperiments($id: ID!) {
    proposal(id: $id) {
      id
      experiments {
        ...CitedExperimentFields
      }
    }
  }
  ${CITED_EXPERIMENT_FIELDS}
`;

/** An experiment offered by the proposal form's picker. */
export interface ExperimentOption {
  __typename?: 'Experiment';
  id: string;
  name: string;
  measurementsCount: number;
  organisation: { __typename?: 'Organisation'; id: string; name: string };
}

/** The registry searched by name for the proposal form's picker. */
export const EXPERIMENT_OPTIONS_QUERY: TypedDocumentNode<
  { experiments: { __typename?: 'ExperimentConnection'; nodes: ExperimentOption[] } },
  { query: string | null }
> = gql`
  query ExperimentOptions($query: String) {
    experiments(filter: { query: $query }, first: 10) {
      nodes {
        id
        name
        measurementsCount
        organisation {
          id
          name
        }
      }
    }
  }
`;

/** The experiments a proposal already cites, for the edit form. */
export const PROPOSAL_EXPERIMENT_OPTIONS_QUERY: TypedDocumentNode<
  { proposal: { __typename?: 'Proposal'; id: string; experiments: ExperimentOption[] } },
  { id: string }
> = gql`
  query ProposalExperimentOptions($id: ID!) {
    proposal(id: $id) {
      id
      experiments {
        id
        name
        measurementsCount
        organisation {
          id
          name
        }
      }
    }
  }
`;
