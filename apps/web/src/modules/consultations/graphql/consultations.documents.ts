import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Consultation } from '../../../shared/graphql/schema-types';
import type { ConsultationScopeFields } from './local-spaces.types';

export const CONSULTATIONS_QUERY: TypedDocumentNode<
  { consultations: (Consultation & ConsultationScopeFields)[] },
  Record<string, never>
> = gql`
  query Consultations {
    consultations {
      id
      slug
      title
      description
      openPhases
      phases {
        kind
        startsAt
        endsAt
        isOpen
      }
      themes {
        id
        slug
        name
      }
      scope
      territory {
        id
        name
      }
      organisation {
        id
        name
      }
    }
  }
`;
