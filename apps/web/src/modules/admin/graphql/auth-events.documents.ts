import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AuthEventConnection, AuthEventKind } from '../../../shared/graphql/schema-types';

/** Administrators: authentication events, newest first, optionally of one account and some kinds. */
export const AUTH_EVENTS_QUERY: TypedDocumentNode<
  { authEvents: AuthEventConnection },
  { first?: number; after?: string | null; userId?: string | null; kinds?: AuthEventKind[] | null }
> = gql`
  query AuthEvents($first: Int, $after: String, $userId: ID, $kinds: [AuthEventKind!]) {
    authEvents(first: $first, after: $after, userId: $userId, kinds: $kinds) {
      edges {
        cursor
        node {
          id
          kind
          userId
          user {
            id
            displayName
          }
          actor {
            id
            displayName
          }
          ip
          userAgent
          detail
          createdAt
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
      totalCount
    }
  }
`;
