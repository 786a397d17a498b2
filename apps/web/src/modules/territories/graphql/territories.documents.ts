import { gql, type TypedDocumentNode } from '@apollo/client';
import type { TerritoryLevel } from '@passerelle/domain';
import type { TerritoryRef } from '../../../shared/graphql/schema-types';

export const TERRITORY_FIELDS = gql`
  fragment TerritoryFields on Territory {
    id
    level
    code
    name
    parent {
      id
      level
      code
      name
    }
  }
`;

export const TERRITORIES_QUERY: TypedDocumentNode<
  { territories: TerritoryRef[] },
  { search: string; levels?: TerritoryLevel[]; first?: number }
> = gql`
  query Territories($search: String!, $levels: [TerritoryLevel!], $first: Int) {
    territories(search: $search, levels: $levels, first: $first) {
      ...TerritoryFields
    }
  }
  ${TERRITORY_FIELDS}
`;

/** One territory by id (`REGION-84`, `DEPARTEMENT-69`, `COMMUNE-69123`). */
export const TERRITORY_QUERY: TypedDocumentNode<{ territory: TerritoryRef }, { id: string }> = gql`
  query Territory($id: ID!) {
    territory(id: $id) {
      ...TerritoryFields
    }
  }
  ${TERRITORY_FIELDS}
`;

/** The territory page: the territory, its parent and its subdivisions. */
export const TERRITORY_PAGE_QUERY: TypedDocumentNode<
  { territory: TerritoryRef & { children: TerritoryRef[] } },
  { id: string }
> = gql`
  query TerritoryPage($id: ID!) {
    territory(id: $id) {
      ...TerritoryFields
      children {
        ...TerritoryFields
      }
    }
  }
  ${TERRITORY_FIELDS}
`;
