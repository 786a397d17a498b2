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
