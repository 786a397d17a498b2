import { gql, type TypedDocumentNode } from '@apollo/client';
import type { Role } from '@passerelle/domain';
import type {
  AdminConsultation,
  AdminUser,
  AdminUserConnection,
} from '../../../shared/graphql/schema-types';
import { TERRITORY_FIELDS } from '../../territories/graphql/territories.documents';

/** Everything the consultation form edits. */
export const ADMIN_CONSULTATION_FIELDS = gql`
  fragment AdminConsultationFields on Consultation {
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
    territory {
      ...TerritoryFields
    }
    settings {
      reportThreshold
      preModeration
      voteValues
      collegeThresholds {
        minForShare
        minColleges
        minVotesPerCollege
      }
    }
  }
  ${TERRITORY_FIELDS}
`;

export const ADMIN_CONSULTATIONS_QUERY: TypedDocumentNode<
  { consultations: AdminConsultation[] },
  Record<string, never>
> = gql`
  query AdminConsultations {
    consultations {
      ...AdminConsultationFields
    }
  }
  ${ADMIN_CONSULTATION_FIELDS}
`;

export const ADMIN_CONSULTATION_QUERY: TypedDocumentNode<
  { consultation: AdminConsultation },
  { slug: string }
> = gql`
  query AdminConsultation($slug: String!) {
    consultation(slug: $slug) {
      ...AdminConsultationFields
    }
  }
  ${ADMIN_CONSULTATION_FIELDS}
`;

export interface PhaseInput {
  kind: string;
  startsAt: string;
  endsAt: string | null;
}

export interface ConsultationSettingsInput {
  reportThreshold?: number | null;
  preModeration?: boolean | null;
  voteValues?: string[] | null;
  collegeThresholds?: {
    minForShare?: number | null;
    minColleges?: number | null;
    minVotesPerCollege?: number | null;
  } | null;
}

export interface CreateConsultationInput {
  slug: string;
  title: string;
  description: string;
  territoryId: string | null;
  /** A local space's carrying organisation; absent keeps it, null removes it (edit). */
  organisationId?: string | null;
  themeIds: string[];
  phases: PhaseInput[];
  settings: ConsultationSettingsInput;
}

export interface UpdateConsultationInput extends Omit<CreateConsultationInput, 'slug'> {
  consultationId: string;
}

export const CREATE_CONSULTATION_MUTATION: TypedDocumentNode<
  { createConsultation: AdminConsultation },
  { input: CreateConsultationInput }
> = gql`
  mutation CreateConsultation($input: CreateConsultationInput!) {
    createConsultation(input: $input) {
      ...AdminConsultationFields
    }
  }
  ${ADMIN_CONSULTATION_FIELDS}
`;

export const UPDATE_CONSULTATION_MUTATION: TypedDocumentNode<
  { updateConsultation: AdminConsultation },
  { input: UpdateConsultationInput }
> = gql`
  mutation UpdateConsultation($input: UpdateConsultationInput!) {
    updateConsultation(input: $input) {
      ...AdminConsultationFields
    }
  }
  ${ADMIN_CONSULTATION_FIELDS}
`;

export interface AdminUsersVariables {
  search?: string | null;
  role?: Role | null;
  first?: number;
  after?: string | null;
}

export const ADMIN_USERS_QUERY: TypedDocumentNode<
  { users: AdminUserConnection },
  AdminUsersVariables
> = gql`
  query AdminUsers($search: String, $role: Role, $first: Int, $after: String) {
    users(search: $search, role: $role, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          displayName
          email
          role
          actorType
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

export const CHANGE_USER_ROLE_MUTATION: TypedDocumentNode<
  { changeUserRole: AdminUser },
  { input: { userId: string; role: Role } }
> = gql`
  mutation ChangeUserRole($input: ChangeUserRoleInput!) {
    changeUserRole(input: $input) {
      id
      displayName
      email
      role
      actorType
    }
  }
`;
