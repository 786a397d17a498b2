// The declared policy of the Subscription fields: who may open each one over graphql-ws, and how
// to cause an event an accepted subscriber must then receive (so "accepted" means live, not just
// "no error yet").
import { createUser, factoryPrisma } from '../../factories';
import { dataOf } from '../../integration/support/test-app';
import { type Call } from './matrix-policy';
import {
  type Caller,
  EVERYONE,
  freshProposal,
  type MatrixWorld,
  SIGNED_IN,
  STAFF,
} from './matrix-world';

export interface SubscriptionPolicy {
  allowed: readonly Caller[];
  /** The subscription document, on data created for this case. */
  subscribe(world: MatrixWorld): Promise<Call>;
  /** Causes one event for `caller`'s subscription (called again until one arrives). */
  trigger(world: MatrixWorld, caller: Caller, call: Call): Promise<unknown>;
  /** How long to wait for an event after each trigger (notifications are polled every 1.5 s). */
  attemptMs?: number;
}

const CAST_VOTE = `mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }`;
const ADD_COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const REPORT = `mutation ($input: ReportContentInput!) { reportContent(input: $input) { id } }`;

/** A fresh participant's token. */
async function someone(world: MatrixWorld): Promise<string> {
  return world.api.tokenFor(await createUser());
}

const onProposal = (text: string) => async (world: MatrixWorld) => ({
  query: text,
  variables: {
    proposalId: await freshProposal(world, { authorId: (await createUser()).id }),
  },
});

export const SUBSCRIPTION_POLICY: Record<string, SubscriptionPolicy> = {
  proposalVotesChanged: {
    allowed: EVERYONE,
    subscribe: onProposal(
      `subscription ($proposalId: ID!) { proposalVotesChanged(proposalId: $proposalId) { id votesFor } }`,
    ),
    trigger: async (world, _caller, call) =>
      dataOf(
        await world.api.gql(
          CAST_VOTE,
          { input: { proposalId: call.variables?.['proposalId'], value: 'FOR' } },
          { token: await someone(world) },
        ),
      ),
  },
  commentAdded: {
    allowed: EVERYONE,
    subscribe: onProposal(
      `subscription ($proposalId: ID!) { commentAdded(proposalId: $proposalId) { id body } }`,
    ),
    trigger: async (world, _caller, call) =>
      dataOf(
        await world.api.gql(
          ADD_COMMENT,
          { input: { proposalId: call.variables?.['proposalId'], body: 'Un nouvel avis.' } },
          { token: await someone(world) },
        ),
      ),
  },
  moderationQueueChanged: {
    allowed: STAFF,
    subscribe: async () => ({
      query: `subscription { moderationQueueChanged { kind openCount } }`,
    }),
    trigger: async (world) =>
      dataOf(
        await world.api.gql(
          REPORT,
          {
            input: { targetType: 'PROPOSAL', targetId: await freshProposal(world), reason: 'SPAM' },
          },
          { token: await someone(world) },
        ),
      ),
  },
  notificationAdded: {
    allowed: SIGNED_IN,
    subscribe: async () => ({ query: `subscription { notificationAdded { id kind } }` }),
    attemptMs: 2_500,
    trigger: async (world, caller) => {
      const userId = world.idOf(caller);
      if (!userId) throw new Error('an anonymous subscriber has no notifications');
      return factoryPrisma().notification.create({
        data: { userId, kind: 'CONTENT_HIDDEN', payload: { title: 'Test', reason: 'Test' } },
      });
    },
  },
};
