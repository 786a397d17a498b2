// Policy entry of the organisation search (the pickers of experiment partners and of the
// organisation carrying a local consultation): a public read, like `organisation(id)`.
import type { Call, OperationPolicy } from './matrix-policy';
import { EVERYONE } from './matrix-world';

export const ORGANISATION_SEARCH_POLICY: Record<string, OperationPolicy> = {
  searchOrganisations: {
    allowed: EVERYONE,
    call: async (): Promise<Call> => ({
      query: `{ searchOrganisations(query: "coop", first: 5) { id name actorType } }`,
    }),
  },
};
