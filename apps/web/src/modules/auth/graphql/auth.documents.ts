import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ActorType } from '@passerelle/domain';
import type { CurrentUser } from '../../../shared/graphql/schema-types';
import { TERRITORY_FIELDS } from '../../territories/graphql/territories.documents';

const CURRENT_USER_FIELDS = gql`
  fragment CurrentUserFields on User {
    id
    email
    displayName
    role
    actorType
    territory {
      ...TerritoryFields
    }
  }
  ${TERRITORY_FIELDS}
`;

export const ME_QUERY: TypedDocumentNode<{ me: CurrentUser | null }, Record<string, never>> = gql`
  query Me {
    me {
      ...CurrentUserFields
    }
  }
  ${CURRENT_USER_FIELDS}
`;

interface AuthPayload {
  accessTokenExpiresAt: string;
  user: CurrentUser;
}

export interface SignUpVariables {
  input: {
    email: string;
    password: string;
    displayName: string;
    actorType: ActorType;
    territoryId: string;
    acceptTerms: boolean;
  };
}

export const SIGN_UP_MUTATION: TypedDocumentNode<{ signUp: AuthPayload }, SignUpVariables> = gql`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accessTokenExpiresAt
      user {
        ...CurrentUserFields
      }
    }
  }
  ${CURRENT_USER_FIELDS}
`;

export interface SignInVariables {
  input: { email: string; password: string };
}

export const SIGN_IN_MUTATION: TypedDocumentNode<{ signIn: AuthPayload }, SignInVariables> = gql`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessTokenExpiresAt
      user {
        ...CurrentUserFields
      }
    }
  }
  ${CURRENT_USER_FIELDS}
`;

export const SIGN_OUT_MUTATION: TypedDocumentNode<
  { signOut: boolean },
  Record<string, never>
> = gql`
  mutation SignOut {
    signOut
  }
`;
