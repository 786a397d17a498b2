// Policy entries of local spaces (issue 10): administrators name and withdraw a consultation's
// local moderators; every caller may ask which consultations they moderate locally (an empty
// list for all of the matrix's callers, none of whom is a local moderator).
import { createConsultation, createUser } from '../../factories';
import type { Call, OperationPolicy } from './matrix-policy';
import { ADMINS, EVERYONE } from './matrix-world';

const MODERATOR_FIELDS = `{ id moderators { id } }`;

async function moderatorInput(): Promise<Record<string, unknown>> {
  const [consultation, user] = await Promise.all([createConsultation(), createUser()]);
  return { input: { consultationId: consultation.id, userId: user.id } };
}

export const LOCAL_SPACE_POLICY: Record<string, OperationPolicy> = {
  myModeratedConsultations: {
    allowed: EVERYONE,
    call: async (): Promise<Call> => ({ query: `{ myModeratedConsultations { id scope } }` }),
  },
  addConsultationModerator: {
    allowed: ADMINS,
    call: async (): Promise<Call> => ({
      query: `mutation ($input: ConsultationModeratorInput!) { addConsultationModerator(input: $input) ${MODERATOR_FIELDS} }`,
      variables: await moderatorInput(),
    }),
  },
  removeConsultationModerator: {
    allowed: ADMINS,
    call: async (): Promise<Call> => ({
      query: `mutation ($input: ConsultationModeratorInput!) { removeConsultationModerator(input: $input) ${MODERATOR_FIELDS} }`,
      variables: await moderatorInput(),
    }),
  },
};
