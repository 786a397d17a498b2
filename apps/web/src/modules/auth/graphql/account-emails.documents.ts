import { gql, type TypedDocumentNode } from '@apollo/client';
import type { EmailMessageConnection } from '../../../shared/graphql/schema-types';

export const EMAIL_VERIFICATION_QUERY: TypedDocumentNode<
  { me: { __typename?: 'User'; id: string; email: string; emailVerified: boolean } | null },
  Record<string, never>
> = gql`
  query EmailVerification {
    me {
      id
      email
      emailVerified
    }
  }
`;

export const VERIFY_EMAIL_MUTATION: TypedDocumentNode<
  { verifyEmail: { __typename?: 'User'; id: string; email: string; emailVerified: boolean } },
  { token: string }
> = gql`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token) {
      id
      email
      emailVerified
    }
  }
`;

export const RESEND_VERIFICATION_MUTATION: TypedDocumentNode<
  { resendVerificationEmail: boolean },
  Record<string, never>
> = gql`
  mutation ResendVerificationEmail {
    resendVerificationEmail
  }
`;

export const REQUEST_PASSWORD_RESET_MUTATION: TypedDocumentNode<
  { requestPasswordReset: boolean },
  { email: string }
> = gql`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`;

export const RESET_PASSWORD_MUTATION: TypedDocumentNode<
  { resetPassword: boolean },
  { token: string; password: string }
> = gql`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`;

export const OUTBOX_QUERY: TypedDocumentNode<
  { outbox: EmailMessageConnection },
  { first?: number; after?: string | null }
> = gql`
  query Outbox($first: Int, $after: String) {
    outbox(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          toAddress
          subject
          text
          category
          createdAt
          sentAt
          error
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
