// Policy entries of amendments (issue 11). Any signed-in participant proposes an amendment to
// someone else's proposal (its author edits it instead) and votes on others' amendments. Only the
// proposal's author — or a platform moderator or administrator, giving a reason — accepts or
// rejects one (the peers' hole: another participant must be refused); only the amendment's
// author rebases or withdraws it.
import { createUser, factoryPrisma } from '../../factories';
import type { Call, OperationPolicy } from './matrix-policy';
import { freshProposal, type MatrixWorld, OWNER } from './matrix-world';

const FIELDS = `{ id status version }`;
const NEW_TEXTS = {
  title: 'Un titre amendé pour la proposition',
  summary: 'Un résumé amendé, assez long pour être valide.',
  body: 'Un corps de proposition amendé, assez long pour être valide et changer le texte.',
};
const REASON = 'Une raison assez longue pour expliquer le changement.';

/** A pending amendment by `authorId` on a fresh proposal by `proposalAuthorId`. */
async function freshAmendment(world: MatrixWorld, authorId: string, proposalAuthorId: string) {
  const proposalId = await freshProposal(world, { authorId: proposalAuthorId });
  const amendment = await factoryPrisma().amendment.create({
    data: { proposalId, authorId, baseVersion: 1, ...NEW_TEXTS, reason: REASON },
  });
  return amendment.id;
}

const someoneElse = async () => (await createUser()).id;

/** A decision on a pending amendment of a third participant to a fresh proposal of the owner. */
const decision =
  (name: string) =>
  async (world: MatrixWorld): Promise<Call> => ({
    query: `mutation ($input: DecideAmendmentInput!) { ${name}(input: $input) ${FIELDS} }`,
    variables: {
      input: {
        amendmentId: await freshAmendment(world, await someoneElse(), world.users.owner.id),
        expectedVersion: 1,
        // Moderators decide in the author's place only with a reason; the author may give one.
        reason: 'Décision motivée pour la matrice',
      },
    },
  });

export const AMENDMENT_POLICY: Record<string, OperationPolicy> = {
  proposeAmendment: {
    allowed: ['other', 'moderator', 'curator', 'admin'],
    outcomes: { owner: { code: 'FORBIDDEN', reason: 'OWN_PROPOSAL_AMENDMENT' } },
    call: async (world) => ({
      query: `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) ${FIELDS} }`,
      variables: {
        input: { proposalId: await freshProposal(world), ...NEW_TEXTS, reason: REASON },
      },
    }),
  },
  voteOnAmendment: {
    allowed: ['other', 'moderator', 'curator', 'admin'],
    outcomes: { owner: { code: 'FORBIDDEN', reason: 'OWN_AMENDMENT_VOTE' } },
    call: async (world) => ({
      query: `mutation ($input: VoteOnAmendmentInput!) { voteOnAmendment(input: $input) { id votesFor viewerVote } }`,
      variables: {
        input: {
          amendmentId: await freshAmendment(world, world.users.owner.id, await someoneElse()),
          value: 'FOR',
        },
      },
    }),
  },
  acceptAmendment: { allowed: ['owner', 'moderator', 'admin'], call: decision('acceptAmendment') },
  rejectAmendment: { allowed: ['owner', 'moderator', 'admin'], call: decision('rejectAmendment') },
  rebaseAmendment: {
    allowed: OWNER,
    call: async (world) => ({
      query: `mutation ($input: RebaseAmendmentInput!) { rebaseAmendment(input: $input) ${FIELDS} }`,
      variables: {
        input: {
          amendmentId: await freshAmendment(world, world.users.owner.id, await someoneElse()),
          expectedVersion: 1,
          ...NEW_TEXTS,
          title: 'Un autre titre amendé pour la proposition',
        },
      },
    }),
  },
  withdrawAmendment: {
    allowed: OWNER,
    call: async (world) => ({
      query: `mutation ($input: WithdrawAmendmentInput!) { withdrawAmendment(input: $input) ${FIELDS} }`,
      variables: {
        input: {
          amendmentId: await freshAmendment(world, world.users.owner.id, await someoneElse()),
        },
      },
    }),
  },
};
