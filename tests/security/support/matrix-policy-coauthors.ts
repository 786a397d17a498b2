// Policy entries of co-authoring (issue 11). Only the proposal's author (the owner) invites and
// removes co-authors: staff included, everyone else is refused. Only the invitee answers an
// invitation: the owner is invited to a fresh proposal of someone else, and any other caller
// answering it finds no invitation of theirs (NOT_FOUND, which tells nothing of the others').
import { createUser, factoryPrisma } from '../../factories';
import type { Call, OperationPolicy } from './matrix-policy';
import { freshProposal, type MatrixWorld, OWNER } from './matrix-world';

const FIELDS = `{ id coAuthors { id } viewerCoAuthorStatus }`;
const NO_INVITATION = { code: 'NOT_FOUND', reason: 'COAUTHOR_INVITATION_NOT_FOUND' } as const;

/** A fresh proposal of the owner, open to edits (PROPOSING), and a co-author row of `status`. */
async function ownerProposalWithCoAuthor(
  world: MatrixWorld,
  status: 'INVITED' | 'ACCEPTED',
): Promise<{ proposalId: string; userId: string }> {
  const proposalId = await freshProposal(world, { proposing: true });
  const { id: userId } = await createUser();
  await factoryPrisma().proposalCoAuthor.create({
    data: {
      proposalId,
      userId,
      invitedById: world.users.owner.id,
      status,
      answeredAt: status === 'ACCEPTED' ? new Date() : null,
    },
  });
  return { proposalId, userId };
}

export const COAUTHOR_POLICY: Record<string, OperationPolicy> = {
  inviteCoAuthor: {
    allowed: OWNER,
    call: async (world): Promise<Call> => ({
      query: `mutation ($input: InviteCoAuthorInput!) { inviteCoAuthor(input: $input) ${FIELDS} }`,
      variables: {
        input: {
          proposalId: await freshProposal(world, { proposing: true }),
          userId: (await createUser()).id,
        },
      },
    }),
  },
  answerCoAuthorInvitation: {
    allowed: OWNER,
    outcomes: {
      other: NO_INVITATION,
      moderator: NO_INVITATION,
      curator: NO_INVITATION,
      admin: NO_INVITATION,
    },
    call: async (world): Promise<Call> => {
      const author = await createUser();
      const proposalId = await freshProposal(world, { proposing: true, authorId: author.id });
      await factoryPrisma().proposalCoAuthor.create({
        data: { proposalId, userId: world.users.owner.id, invitedById: author.id },
      });
      return {
        query: `mutation ($input: AnswerCoAuthorInvitationInput!) { answerCoAuthorInvitation(input: $input) ${FIELDS} }`,
        variables: { input: { proposalId, accept: true } },
      };
    },
  },
  removeCoAuthor: {
    allowed: OWNER,
    call: async (world): Promise<Call> => ({
      query: `mutation ($input: RemoveCoAuthorInput!) { removeCoAuthor(input: $input) ${FIELDS} }`,
      variables: { input: await ownerProposalWithCoAuthor(world, 'ACCEPTED') },
    }),
  },
};
