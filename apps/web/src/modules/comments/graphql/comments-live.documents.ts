import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Participant } from '../../../shared/graphql/schema-types';

export interface LiveComment {
  __typename?: 'Comment';
  id: string;
  proposalId: string;
  parentId: string | null;
  author: Participant | null;
}

/**
 * Each comment or reply that becomes visible on the proposal. Only what the thread needs to know
 * that something is new: the comment itself is loaded with the thread when the reader asks.
 */
export const COMMENT_ADDED_SUBSCRIPTION: TypedDocumentNode<
  { commentAdded: LiveComment },
  { proposalId: string }
> = gql`
  subscription CommentAdded($proposalId: ID!) {
    commentAdded(proposalId: $proposalId) {
      id
      proposalId
      parentId
      author {
        id
        displayName
        actorType
      }
    }
  }
`;
