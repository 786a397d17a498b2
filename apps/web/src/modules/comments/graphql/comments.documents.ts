import { gql, type TypedDocumentNode } from '@apollo/client';
import type { CommentNode, CommentStance, PageInfo } from '../../../shared/graphql/schema-types';
import type { PhaseKind } from '@passerelle/domain';

export const COMMENT_FIELDS = gql`
  fragment CommentFields on Comment {
    id
    proposalId
    parentId
    body
    bodyHtml
    stance
    author {
      id
      displayName
      actorType
      deleted
    }
    isDeleted
    isHidden
    isEdited
    upvotes
    hasMyUpvote
    canEdit
    createdAt
    editedAt
  }
`;

/**
 * Three levels of the thread: the API's depth limit (8) leaves room for no more. Replies to the
 * third level are attached to its parent by the web app, so they stay visible. `first` is left
 * to its default (50): an explicit page size multiplies the query's cost past the API's limit.
 */
export const COMMENT_THREAD_DEPTH = 3;

export interface ProposalCommentsData {
  proposal: {
    __typename?: 'Proposal';
    id: string;
    commentsCount: number;
    consultation: { __typename?: 'Consultation'; id: string; openPhases: PhaseKind[] };
    comments: {
      __typename?: 'CommentConnection';
      edges: { __typename?: 'CommentEdge'; cursor: string; node: CommentNode }[];
      pageInfo: PageInfo;
      totalCount: number;
    };
  };
}

export const PROPOSAL_COMMENTS_QUERY: TypedDocumentNode<
  ProposalCommentsData,
  { id: string; after?: string | null }
> = gql`
  query ProposalComments($id: ID!, $after: String) {
    proposal(id: $id) {
      id
      commentsCount
      consultation {
        id
        openPhases
      }
      comments(after: $after) {
        edges {
          cursor
          node {
            ...CommentFields
            replies {
              ...CommentFields
              replies {
                ...CommentFields
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
  ${COMMENT_FIELDS}
`;

export const ADD_COMMENT_MUTATION: TypedDocumentNode<
  { addComment: CommentNode },
  {
    input: { proposalId: string; parentId?: string | null; body: string; stance: CommentStance };
  }
> = gql`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;

export const EDIT_COMMENT_MUTATION: TypedDocumentNode<
  { editComment: CommentNode },
  { input: { commentId: string; body: string; stance: CommentStance } }
> = gql`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;

export const DELETE_COMMENT_MUTATION: TypedDocumentNode<
  { deleteComment: CommentNode },
  { commentId: string }
> = gql`
  mutation DeleteComment($commentId: ID!) {
    deleteComment(commentId: $commentId) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;

export const UPVOTE_COMMENT_MUTATION: TypedDocumentNode<
  { upvoteComment: CommentNode },
  { commentId: string }
> = gql`
  mutation UpvoteComment($commentId: ID!) {
    upvoteComment(commentId: $commentId) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;

export const REMOVE_COMMENT_UPVOTE_MUTATION: TypedDocumentNode<
  { removeCommentUpvote: CommentNode },
  { commentId: string }
> = gql`
  mutation RemoveCommentUpvote($commentId: ID!) {
    removeCommentUpvote(commentId: $commentId) {
      ...CommentFields
    }
  }
  ${COMMENT_FIELDS}
`;
