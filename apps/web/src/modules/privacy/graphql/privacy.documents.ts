import { gql, type TypedDocumentNode } from '@apollo/client';
import type { DeleteMyAccountInput } from '../../../shared/graphql/schema-types';

export const DELETE_MY_ACCOUNT_MUTATION: TypedDocumentNode<
  { deleteMyAccount: boolean },
  { input: DeleteMyAccountInput }
> = gql`
  mutation DeleteMyAccount($input: DeleteMyAccountInput!) {
    deleteMyAccount(input: $input)
  }
`;

/** The data export (plain HTTP, session cookie). */
export const EXPORT_URL = '/api/me/export';
