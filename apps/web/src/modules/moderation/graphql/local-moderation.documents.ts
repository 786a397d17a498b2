import { gql, type TypedDocumentNode } from '@apollo/client';

export interface ModeratedConsultation {
  __typename?: 'Consultation';
  id: string;
  slug: string;
  title: string;
}

/** The consultations the viewer moderates as a local moderator (issue 10). */
export const MY_MODERATED_CONSULTATIONS_QUERY: TypedDocumentNode<
  { myModeratedConsultations: ModeratedConsultation[] },
  Record<string, never>
> = gql`
  query MyModeratedConsultations {
    myModeratedConsultations {
      id
      slug
      title
    }
  }
`;
