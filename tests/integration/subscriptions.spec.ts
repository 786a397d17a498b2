import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { REPORT, RESTORE, signedIn } from './support/moderation';
import { CAST_VOTE } from './support/participation';
import { portOf, subscribe, wsUrl } from './support/subscriptions';
import { startTestApp, type TestApp, dataOf } from './support/test-app';
import { COMMENT, trustConsultation } from './support/trust';

const VOTES_CHANGED = `subscription Votes($proposalId: ID!) {
  proposalVotesChanged(proposalId: $proposalId) { id votesFor votesAgainst votesNeutral myVote }
}`;
const COMMENT_ADDED = `subscription Comments($proposalId: ID!) {
  commentAdded(proposalId: $proposalId) { id body author { id } }
}`;
const QUEUE_CHANGED = `subscription { moderationQueueChanged { kind openCount } }`;
const NOTIFICATION_ADDED = `subscription { notificationAdded { id kind title } }`;

type Votes = {
  proposalVotesChanged: {
    id: string;
    votesFor: number;
    votesAgainst: number;
    votesNeutral: number;
    myVote: string | null;
  };
};
type Comments = { commentAdded: { id: string; body: string | null; author: { id: string } } };
type Queue = { moderationQueueChanged: { kind: string; openCount: number } };
type Notifications = { notificationAdded: { id: string; kind: string; title: string | null } };

describe('GraphQL subscriptions over WebSocket', () => {
  let api: TestApp;
  let url: string;
  const open: { close(): Promise<void> }[] = [];
  const live = <T>(...args: Parameters<typeof subscribe>) => {
    const subscription = subscribe<T>(...args);
    open.push(subscription);
    return subscription;
  };

  beforeAll(async () => {
    api = await startTestApp();
    url = wsUrl(portOf(api.app.getHttpServer()));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((subscription) => subscription.close()));
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const vote = async (proposalId: string, value: string) => {
    const voter = await signedIn(api);
    dataOf(await api.gql(CAST_VOTE, { input: { proposalId, value } }, { token: voter.token }));
    return voter;
  };
  const comment = async (token: string, proposalId: string, body: string) =>
    dataOf(
      await api.gql<{ addComment: { id: string; awaitingReview: boolean } }>(
        COMMENT,
        { input: { proposalId, body } },
        { token },
      ),
    ).addComment;
  const notify = (userId: string, title: string) =>
    factoryPrisma().notification.create({
      data: { userId, kind: 'CONTENT_HIDDEN', payload: { title, reason: 'Test' } },
    });

  it('sends an anonymous subscriber the new totals after each vote of others', async () => {
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    const author = await createUser();
    const { id } = await createProposal({ consultationId: consultation.id, authorId: author.id });
    const subscription = live<Votes>(url, VOTES_CHANGED, { proposalId: id });

    const first = await subscription.untilLive(() => vote(id, 'FOR'));
    expect(first.errors).toBeUndefined();
    expect(first.data?.proposalVotesChanged).toMatchObject({ id, votesAgainst: 0, myVote: null });
    const votesFor = first.data?.proposalVotesChanged.votesFor ?? 0;
    expect(votesFor).toBeGreaterThanOrEqual(1);

    await vote(id, 'AGAINST');
    const second = await subscription.next();
    expect(second.data?.proposalVotesChanged).toMatchObject({ id, votesAgainst: 1 });
  });

  it('refuses the totals of a proposal the caller may not read', async () => {
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    const author = await createUser();
    const draft = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      status: 'DRAFT',
    });
    for (const proposalId of [draft.id, randomUUID(), 'not-an-id']) {
      const result = await live<Votes>(url, VOTES_CHANGED, { proposalId }).next();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PROPOSAL_NOT_FOUND',
      });
    }
  });

  it('sends new visible comments, not those held by pre-moderation until approved', async () => {
    const consultation = await trustConsultation(true);
    const author = await createUser();
    const { id } = await createProposal({ consultationId: consultation.id, authorId: author.id });
    const moderator = await signedIn(api, 'MODERATOR');
    const newcomer = await signedIn(api);
    const subscription = live<Comments>(url, COMMENT_ADDED, { proposalId: id });

    const probe = await subscription.untilLive(() => comment(moderator.token, id, 'Bienvenue'));
    expect(probe.data?.commentAdded).toMatchObject({
      body: 'Bienvenue',
      author: { id: moderator.id },
    });

    const held = await comment(newcomer.token, id, 'Mon premier commentaire');
    expect(held.awaitingReview).toBe(true);
    const visible = await comment(moderator.token, id, 'Un commentaire visible');
    // Events arrive in order: the held comment, published first, would come before this one.
    expect((await subscription.next()).data?.commentAdded.id).toBe(visible.id);

    dataOf(
      await api.gql(
        RESTORE,
        { input: { targetType: 'COMMENT', targetId: held.id, reason: 'Conforme à la charte.' } },
        { token: moderator.token },
      ),
    );
    expect((await subscription.next()).data?.commentAdded).toMatchObject({
      id: held.id,
      body: 'Mon premier commentaire',
    });
  });

  it('tells moderators of queue changes and refuses participants', async () => {
    const participant = await signedIn(api);
    const refused = await live<Queue>(url, QUEUE_CHANGED, {}, { token: participant.token }).next();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await live<Queue>(url, QUEUE_CHANGED).next();
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });

    const moderator = await signedIn(api, 'MODERATOR');
    const consultation = await createConsultation();
    const author = await createUser();
    const { id } = await createProposal({ consultationId: consultation.id, authorId: author.id });
    const subscription = live<Queue>(url, QUEUE_CHANGED, {}, { token: moderator.token });
    const report = async () => {
      const reporter = await signedIn(api);
      dataOf(
        await api.gql(
          REPORT,
          { input: { targetType: 'PROPOSAL', targetId: id, reason: 'SPAM' } },
          { token: reporter.token },
        ),
      );
    };
    const reported = await subscription.untilLive(report);
    expect(reported.data?.moderationQueueChanged.kind).toBe('REPORTED');
    expect(reported.data?.moderationQueueChanged.openCount).toBeGreaterThanOrEqual(1);

    const premoderated = await trustConsultation(true);
    const other = await createProposal({ consultationId: premoderated.id, authorId: author.id });
    const newcomer = await signedIn(api);
    expect((await comment(newcomer.token, other.id, 'À relire')).awaitingReview).toBe(true);
    expect((await subscription.next()).data?.moderationQueueChanged.kind).toBe('QUEUED');
  });

  it.each([
    ['anonymous', 'moderationQueueChanged', 'UNAUTHENTICATED'],
    ['PARTICIPANT', 'moderationQueueChanged', 'FORBIDDEN'],
    ['CURATOR', 'moderationQueueChanged', 'FORBIDDEN'],
    ['MODERATOR', 'moderationQueueChanged', null],
    ['ADMIN', 'moderationQueueChanged', null],
    ['anonymous', 'notificationAdded', 'UNAUTHENTICATED'],
    ['PARTICIPANT', 'notificationAdded', null],
  ] as const)("opens %s's %s only as allowed (refused: %s)", async (caller, field, refused) => {
    const query = field === 'notificationAdded' ? NOTIFICATION_ADDED : QUEUE_CHANGED;
    const token = caller === 'anonymous' ? undefined : (await signedIn(api, caller)).token;
    const subscription = live<Record<string, unknown>>(url, query, {}, { token });
    if (refused) {
      expect((await subscription.next()).errors?.[0]?.extensions).toMatchObject({ code: refused });
    } else {
      // Accepted: the subscription stays open, waiting for events.
      expect(await subscription.received(500)).toEqual([]);
    }
  });

  it('sends each signed-in subscriber only their own notifications', async () => {
    const anonymous = await live<Notifications>(url, NOTIFICATION_ADDED).next();
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });

    const me = await signedIn(api);
    const someoneElse = await signedIn(api);
    const subscription = live<Notifications>(url, NOTIFICATION_ADDED, {}, { token: me.token });
    await subscription.untilLive(() => notify(me.id, 'Sonde'), 2_500);

    const theirs = await notify(someoneElse.id, 'Pour quelqu’un d’autre');
    const mine = await notify(me.id, 'Pour moi');
    const received = await subscription.next();
    expect(received.data?.notificationAdded).toMatchObject({ id: mine.id, title: 'Pour moi' });
    const later = await subscription.received(2_000);
    expect(later.map((result) => result.data?.notificationAdded.id)).not.toContain(theirs.id);
    expect(later).toEqual([]);
  });

  it('authenticates with the access-token cookie of a same-origin upgrade only', async () => {
    const me = await signedIn(api);
    const cookie = `passerelle_at=${me.token}`;
    const sameOrigin = live<Notifications>(url, NOTIFICATION_ADDED, {}, { cookie });
    await sameOrigin.untilLive(() => notify(me.id, 'Par cookie'), 2_500);

    const otherSite = live<Notifications>(
      url,
      NOTIFICATION_ADDED,
      {},
      {
        cookie,
        origin: 'https://evil.example',
      },
    );
    expect((await otherSite.next()).errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('closes a connection whose token does not verify with 4401', async () => {
    const subscription = live<Notifications>(url, NOTIFICATION_ADDED, {}, { token: 'forged' });
    expect((await subscription.ended).code).toBe(4401);
  });

  it('serves only subscriptions over WebSocket, within the query limits', async () => {
    const query = await live(url, '{ __typename }').next();
    expect(query.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
    const deep = `subscription { notificationAdded { proposal { comments { edges { node {
      replies { replies { replies { replies { id } } } } } } } } } }`;
    const tooDeep = await live(url, deep).next();
    expect(tooDeep.errors?.[0]?.extensions).toMatchObject({ reason: 'QUERY_TOO_COMPLEX' });
  });

  it('refuses more than 20 subscriptions on one connection', async () => {
    const moderator = await signedIn(api, 'MODERATOR');
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${moderator.token}` },
      retryAttempts: 0,
    });
    open.push({ close: async () => client.dispose() });
    const outcomes = Array.from(
      { length: 21 },
      () =>
        new Promise<unknown>((resolve) => {
          client.subscribe(
            { query: QUEUE_CHANGED },
            { next: () => undefined, error: resolve, complete: () => resolve('complete') },
          );
          setTimeout(() => resolve('open'), 1_500);
        }),
    );
    const settled = await Promise.all(outcomes);
    expect(settled.filter((outcome) => outcome === 'open')).toHaveLength(20);
    expect(settled.find((outcome) => outcome !== 'open')).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_REQUEST' }) }),
    ]);
  });

  it('closes open subscriptions with 1001 when the API shuts down', async () => {
    const other = await startTestApp();
    const subscription = subscribe<Notifications>(
      wsUrl(portOf(other.app.getHttpServer())),
      QUEUE_CHANGED,
      {},
      { token: (await signedIn(other, 'MODERATOR')).token },
    );
    // Wait for the connection (a refused subscription would end it first).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = Date.now();
    await other.close();
    expect((await subscription.ended).code).toBe(1001);
    expect(Date.now() - started).toBeLessThan(5_000);
    await subscription.close();
  });
});
