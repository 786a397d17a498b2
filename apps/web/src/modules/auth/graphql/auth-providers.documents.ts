import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AuthProvider } from '../../../shared/graphql/schema-types';

/** Identity providers configured on the platform (empty when none). */
export const AUTH_PROVIDERS_QUERY: TypedDocumentNode<
  { authProviders: AuthProvider[] },
  Record<string, never>
> = gql`
  query AuthProviders {
    authProviders {
      id
      name
      startUrl
    }
  }
`;
