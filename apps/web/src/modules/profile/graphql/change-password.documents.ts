import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ChangePasswordInput } from '../../../shared/graphql/schema-types';

/** Changes the password and ends the account's other sessions; this one goes on. */
export const CHANGE_PASSWORD_MUTATION: TypedDocumentNode<
  { changePassword: { __typename?: 'AuthPayload'; user: { __typename?: 'User'; id: string } } },
  { input: ChangePasswordInput }
> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      user {
        id
      }
    }
  }
`;
