import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  ConsultationScope,
  LocalModerator,
} from '../../consultations/graphql/local-spaces.types';

export interface ConsultationLocalSpace {
  __typename?: 'Consultation';
  id: string;
  scope: ConsultationScope;
  organisation: { __typename?: 'Organisation'; id: string; name: string } | null;
  moderators: LocalModerator[];
}

const LOCAL_MODERATOR_FIELDS = gql`
  fragment LocalModeratorFields on Participant {
    id
    displayName
  }
`;

/** A consultation's scope, carrying organisation and local moderators (edit page). */
export const ADMIN_CONSULTATION_LOCAL_SPACE_QUERY: TypedDocumentNode<
  { consultation: ConsultationLocalSpace },
  { slug: string }
> = gql`
  query AdminConsultationLocalSpace($slug: String!) {
    consultation(slug: $slug) {
      id
      scope
      organisation {
        id
        name
      }
      moderators {
        ...LocalModeratorFields
      }
    }
  }
  ${LOCAL_MODERATOR_FIELDS}
`;

/** The name of the organisation an administrator named by its id. */
export const ORGANISATION_NAME_QUERY: TypedDocumentNode<
  { organisation: { __typename?: 'Organisation'; id: string; name: string } },
  { id: string }
> = gql`
  query OrganisationName($id: ID!) {
    organisation(id: $id) {
      id
      name
    }
  }
`;

interface ModeratorsResult {
  __typename?: 'Consultation';
  id: string;
  moderators: LocalModerator[];
}
type ModeratorVariables = { input: { consultationId: string; userId: string } };

export const ADD_CONSULTATION_MODERATOR_MUTATION: TypedDocumentNode<
  { addConsultationModerator: ModeratorsResult },
  ModeratorVariables
> = gql`
  mutation AddConsultationModerator($input: ConsultationModeratorInput!) {
    addConsultationModerator(input: $input) {
      id
      moderators {
        ...LocalModeratorFields
      }
    }
  }
  ${LOCAL_MODERATOR_FIELDS}
`;

export const REMOVE_CONSULTATION_MODERATOR_MUTATION: TypedDocumentNode<
  { removeConsultationModerator: ModeratorsResult },
  ModeratorVariables
> = gql`
  mutation RemoveConsultationModerator($input: ConsultationModeratorInput!) {
    removeConsultationModerator(input: $input) {
      id
      moderators {
        ...LocalModeratorFields
      }
    }
  }
  ${LOCAL_MODERATOR_FIELDS}
`;

/** Each consultation's carrying organisation (administration list; merged by id). */
export const ADMIN_CONSULTATION_ORGANISATIONS_QUERY: TypedDocumentNode<
  {
    consultations: {
      __typename?: 'Consultation';
      id: string;
      organisation: { __typename?: 'Organisation'; id: string; name: string } | null;
    }[];
  },
  Record<string, never>
> = gql`
  query AdminConsultationOrganisations {
    consultations {
      id
      organisation {
        id
        name
      }
    }
  }
`;
