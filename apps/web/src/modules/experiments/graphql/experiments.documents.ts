import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ExperimentChange,
  ExperimentFilter,
  ExperimentOrganisation,
  ExperimentStatus,
  Indicator,
  IndicatorKind,
  IndicatorUnit,
  Measurement,
  PageInfo,
  TerritoryRef,
  Theme,
} from '../../../shared/graphql/schema-types';
import { TERRITORY_FIELDS } from '../../territories/graphql/territories.documents';

export const EXPERIMENTS_PAGE_SIZE = 20;

/** An indicator's latest figure, as the registry's cards show it. */
export interface IndicatorHeadline {
  __typename?: 'Indicator';
  id: string;
  name: string;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  latest: Pick<Measurement, '__typename' | 'id' | 'value' | 'measuredOn' | 'checkedAt'> | null;
}

export interface ExperimentSummary {
  __typename?: 'Experiment';
  id: string;
  name: string;
  status: ExperimentStatus;
  startedOn: string;
  endedOn: string | null;
  measurementsCount: number;
  updatedAt: string;
  organisation: ExperimentOrganisation;
  territories: TerritoryRef[];
  themes: Theme[];
  indicators: IndicatorHeadline[];
}

const EXPERIMENT_SUMMARY_FIELDS = gql`
  fragment ExperimentSummaryFields on Experiment {
    id
    name
    status
    startedOn
    endedOn
    measurementsCount
    updatedAt
    organisation {
      id
      name
      actorType
    }
    territories {
      ...TerritoryFields
    }
    themes {
      id
      slug
      name
    }
    indicators {
      id
      name
      kind
      unit
      latest {
        id
        value
        measuredOn
        checkedAt
      }
    }
  }
  ${TERRITORY_FIELDS}
`;

export interface ExperimentConnection {
  __typename?: 'ExperimentConnection';
  nodes: ExperimentSummary[];
  totalCount: number;
  pageInfo: PageInfo;
}

export interface ExperimentsVariables {
  filter?: ExperimentFilter;
  first?: number;
  after?: string | null;
}

export const EXPERIMENTS_QUERY: TypedDocumentNode<
  { experiments: ExperimentConnection },
  ExperimentsVariables
> = gql`
  query Experiments($filter: ExperimentFilter, $first: Int, $after: String) {
    experiments(filter: $filter, first: $first, after: $after) {
      nodes {
        ...ExperimentSummaryFields
      }
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
  ${EXPERIMENT_SUMMARY_FIELDS}
`;

export interface DepartementExperiments {
  __typename?: 'DepartementExperiments';
  departement: TerritoryRef;
  count: number;
}

export const EXPERIMENTS_BY_DEPARTEMENT_QUERY: TypedDocumentNode<
  { experimentsByDepartement: DepartementExperiments[] },
  { filter?: ExperimentFilter }
> = gql`
  query ExperimentsByDepartement($filter: ExperimentFilter) {
    experimentsByDepartement(filter: $filter) {
      departement {
        id
        level
        code
        name
      }
      count
    }
  }
`;

export interface MeasurementDetail extends Measurement {
  recordedBy: { __typename?: 'Participant'; id: string; displayName: string } | null;
}

export interface IndicatorDetail extends Omit<Indicator, 'measurements'> {
  measurements: MeasurementDetail[];
}

export interface ExperimentProposalRef {
  __typename?: 'Proposal';
  id: string;
  title: string;
  summary: string;
}

export interface ExperimentDetail extends Omit<ExperimentSummary, 'indicators'> {
  description: string;
  links: string[];
  version: number;
  createdAt: string;
  partners: ExperimentOrganisation[];
  indicators: IndicatorDetail[];
  viewerCanEdit: boolean;
  viewerCanCheck: boolean;
  history: {
    __typename?: 'ExperimentChangeConnection';
    nodes: ExperimentChange[];
    pageInfo: PageInfo;
  };
}

const MEASUREMENT_FIELDS = gql`
  fragment MeasurementFields on Measurement {
    id
    value
    measuredOn
    source
    sourceUrl
    recordedAt
    checkedAt
    recordedBy {
      id
      displayName
    }
  }
`;

const INDICATOR_FIELDS = gql`
  fragment IndicatorFields on Indicator {
    id
    name
    description
    kind
    unit
    baseline
    baselineOn
    changeFromBaseline
    measurements {
      ...MeasurementFields
    }
  }
  ${MEASUREMENT_FIELDS}
`;

/** A page of an experiment's change history: the page's first one and each older one. */
const HISTORY_PAGE_FIELDS = gql`
  fragment ExperimentHistoryPage on ExperimentChangeConnection {
    nodes {
      id
      action
      targetType
      targetId
      createdAt
      changedFields
      actor {
        id
        displayName
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
`;

const EXPERIMENT_DETAIL_FIELDS = gql`
  fragment ExperimentDetailFields on Experiment {
    id
    name
    description
    status
    startedOn
    endedOn
    links
    version
    measurementsCount
    createdAt
    updatedAt
    organisation {
      id
      name
      actorType
    }
    partners {
      id
      name
      actorType
    }
    territories {
      ...TerritoryFields
    }
    themes {
      id
      slug
      name
    }
    indicators {
      ...IndicatorFields
    }
    viewerCanEdit
    viewerCanCheck
    history(first: 20) {
      ...ExperimentHistoryPage
    }
  }
  ${TERRITORY_FIELDS}
  ${INDICATOR_FIELDS}
  ${HISTORY_PAGE_FIELDS}
`;

export const EXPERIMENT_QUERY: TypedDocumentNode<
  { experiment: ExperimentDetail | null },
  { id: string }
> = gql`
  query Experiment($id: ID!) {
    experiment(id: $id) {
      ...ExperimentDetailFields
    }
  }
  ${EXPERIMENT_DETAIL_FIELDS}
`;

/**
 * The proposals that build on an experiment: asked apart from the page, so that the page still
 * shows when the API does not know the field yet.
 */
export const EXPERIMENT_PROPOSALS_QUERY: TypedDocumentNode<
  {
    experiment: {
      __typename?: 'Experiment';
      id: string;
      proposals: ExperimentProposalRef[];
    } | null;
  },
  { id: string }
> = gql`
  query ExperimentProposals($id: ID!) {
    experiment(id: $id) {
      id
      proposals {
        id
        title
        summary
      }
    }
  }
`;

/** Older pages of an experiment's history ("show older changes"). */
export const EXPERIMENT_HISTORY_QUERY: TypedDocumentNode<
  {
    experiment: {
      __typename?: 'Experiment';
      id: string;
      history: ExperimentDetail['history'];
    } | null;
  },
  { id: string; after: string }
> = gql`
  query ExperimentHistory($id: ID!, $after: String!) {
    experiment(id: $id) {
      id
      history(first: 20, after: $after) {
        ...ExperimentHistoryPage
      }
    }
  }
  ${HISTORY_PAGE_FIELDS}
`;

export const MY_EXPERIMENT_ORGANISATIONS_QUERY: TypedDocumentNode<
  { myExperimentOrganisations: ExperimentOrganisation[] },
  Record<string, never>
> = gql`
  query MyExperimentOrganisations {
    myExperimentOrganisations {
      id
      name
      actorType
    }
  }
`;

export interface ExperimentFields {
  name: string;
  description: string;
  territoryIds: string[];
  partnerOrganisationIds: string[];
  themeIds: string[];
  status: ExperimentStatus;
  startedOn: string;
  endedOn: string | null;
  links: string[];
}

export const RECORD_EXPERIMENT_MUTATION: TypedDocumentNode<
  { recordExperiment: ExperimentDetail },
  { input: ExperimentFields & { organisationId: string } }
> = gql`
  mutation RecordExperiment($input: RecordExperimentInput!) {
    recordExperiment(input: $input) {
      ...ExperimentDetailFields
    }
  }
  ${EXPERIMENT_DETAIL_FIELDS}
`;

export const UPDATE_EXPERIMENT_MUTATION: TypedDocumentNode<
  { updateExperiment: ExperimentDetail },
  { input: ExperimentFields & { experimentId: string; expectedVersion: number } }
> = gql`
  mutation UpdateExperiment($input: UpdateExperimentInput!) {
    updateExperiment(input: $input) {
      ...ExperimentDetailFields
    }
  }
  ${EXPERIMENT_DETAIL_FIELDS}
`;

export interface IndicatorFieldsInput {
  name: string;
  description: string | null;
  kind: IndicatorKind;
  unit: IndicatorUnit;
  baseline: number | null;
  baselineOn: string | null;
}

export const ADD_INDICATOR_MUTATION: TypedDocumentNode<
  { addIndicator: IndicatorDetail },
  { input: IndicatorFieldsInput & { experimentId: string } }
> = gql`
  mutation AddIndicator($input: AddIndicatorInput!) {
    addIndicator(input: $input) {
      ...IndicatorFields
    }
  }
  ${INDICATOR_FIELDS}
`;

/** Every field of the indicator is written again (the form shows them all). */
export const UPDATE_INDICATOR_MUTATION: TypedDocumentNode<
  { updateIndicator: IndicatorDetail },
  { input: IndicatorFieldsInput & { indicatorId: string } }
> = gql`
  mutation UpdateIndicator($input: UpdateIndicatorInput!) {
    updateIndicator(input: $input) {
      ...IndicatorFields
    }
  }
  ${INDICATOR_FIELDS}
`;

export interface MeasurementFieldsInput {
  value: number;
  measuredOn: string;
  source: string;
  sourceUrl: string | null;
}

export const RECORD_MEASUREMENT_MUTATION: TypedDocumentNode<
  { recordMeasurement: MeasurementDetail },
  { input: MeasurementFieldsInput & { indicatorId: string } }
> = gql`
  mutation RecordMeasurement($input: RecordMeasurementInput!) {
    recordMeasurement(input: $input) {
      ...MeasurementFields
    }
  }
  ${MEASUREMENT_FIELDS}
`;

export const UPDATE_MEASUREMENT_MUTATION: TypedDocumentNode<
  { updateMeasurement: MeasurementDetail },
  { input: MeasurementFieldsInput & { measurementId: string } }
> = gql`
  mutation UpdateMeasurement($input: UpdateMeasurementInput!) {
    updateMeasurement(input: $input) {
      ...MeasurementFields
    }
  }
  ${MEASUREMENT_FIELDS}
`;

export const CHECK_MEASUREMENT_MUTATION: TypedDocumentNode<
  { checkMeasurement: MeasurementDetail },
  { input: { measurementId: string; checked: boolean } }
> = gql`
  mutation CheckMeasurement($input: CheckMeasurementInput!) {
    checkMeasurement(input: $input) {
      ...MeasurementFields
    }
  }
  ${MEASUREMENT_FIELDS}
`;
