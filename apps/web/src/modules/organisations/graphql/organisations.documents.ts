import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ActorType } from '@passerelle/domain';
import type {
  OrganisationRef,
  Participant,
  TerritoryRef,
} from '../../../shared/graphql/schema-types';
import { TERRITORY_FIELDS } from '../../territories/graphql/territories.documents';

export type MembershipRole = 'MEMBER' | 'MANAGER';

export interface OrganisationMember {
  __typename?: 'OrganisationMember';
  user: Participant;
  role: MembershipRole;
  joinedAt: string;
}

export interface OrganisationDetail {
  __typename?: 'Organisation';
  id: string;
  name: string;
  actorType: ActorType;
  siret: string | null;
  territory: TerritoryRef | null;
  myRole: MembershipRole | null;
  members: OrganisationMember[];
}

const ORGANISATION_FIELDS = gql`
  fragment OrganisationFields on Organisation {
    id
    name
    actorType
    siret
    territory {
      ...TerritoryFields
    }
    myRole
    members {
      user {
        id
        displayName
        actorType
      }
      role
      joinedAt
    }
  }
  ${TERRITORY_FIELDS}
`;

export const ORGANISATION_QUERY: TypedDocumentNode<
  { organisation: OrganisationDetail },
  { id: string }
> = gql`
  query Organisation($id: ID!) {
    organisation(id: $id) {
      ...OrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;

export const CREATE_ORGANISATION_MUTATION: TypedDocumentNode<
  { createOrganisation: OrganisationDetail },
  { input: { name: string; actorType: ActorType; siret?: string | null; territoryId: string } }
> = gql`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      ...OrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;

export const INVITE_MEMBER_MUTATION: TypedDocumentNode<
  { inviteOrganisationMember: { __typename?: 'OrganisationInvitation'; id: string } },
  { input: { organisationId: string; email: string; role: MembershipRole } }
> = gql`
  mutation InviteOrganisationMember($input: InviteOrganisationMemberInput!) {
    inviteOrganisationMember(input: $input) {
      id
    }
  }
`;

export const REMOVE_MEMBER_MUTATION: TypedDocumentNode<
  { removeOrganisationMember: OrganisationDetail },
  { input: { organisationId: string; userId: string } }
> = gql`
  mutation RemoveOrganisationMember($input: RemoveOrganisationMemberInput!) {
    removeOrganisationMember(input: $input) {
      ...OrganisationFields
    }
  }
  ${ORGANISATION_FIELDS}
`;

export interface OrganisationInvitation {
  __typename?: 'OrganisationInvitation';
  id: string;
  role: MembershipRole;
  status: string;
  createdAt: string;
  organisation: { __typename?: 'Organisation'; id: string; name: string; actorType: ActorType };
  invitedBy: Participant;
}

export const MY_INVITATIONS_QUERY: TypedDocumentNode<
  { myOrganisationInvitations: OrganisationInvitation[] },
  Record<string, never>
> = gql`
  query MyOrganisationInvitations {
    myOrganisationInvitations {
      id
      role
      status
      createdAt
      organisation {
        id
        name
        actorType
      }
      invitedBy {
        id
        displayName
        actorType
      }
    }
  }
`;

export const RESPOND_INVITATION_MUTATION: TypedDocumentNode<
  {
    respondToOrganisationInvitation: {
      __typename?: 'OrganisationInvitation';
      id: string;
      status: string;
    };
  },
  { input: { invitationId: string; accept: boolean } }
> = gql`
  mutation RespondToOrganisationInvitation($input: RespondToOrganisationInvitationInput!) {
    respondToOrganisationInvitation(input: $input) {
      id
      status
    }
  }
`;

/** Organisations whose name contains `query` (≥ 2 characters; case and accents ignored). */
export const SEARCH_ORGANISATIONS_QUERY: TypedDocumentNode<
  { searchOrganisations: OrganisationRef[] },
  { query: string; first?: number }
> = gql`
  query SearchOrganisations($query: String!, $first: Int) {
    searchOrganisations(query: $query, first: $first) {
      id
      name
      actorType
    }
  }
`;
