import { closeFactories, createProposal, createUser, factoryPrisma } from '../factories';
import { DISMISS, HIDE, moderationFixture, RESTORE, signedIn } from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';
import { MARK_READ, MY_NOTIFICATIONS, type NotificationsData } from './support/trust';

const ANSWER = `mutation ($input: AnswerProposalInput!) { answerProposal(input: $input) { id status } }`;
const MINUTE = 60 * 1000;

describe('notifications', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const mine = async (token: string, variables: Record<string, unknown> = {}) =>
    dataOf(await api.gql<NotificationsData>(MY_NOTIFICATIONS, variables, { token }))
      .myNotifications;
  const markRead = (token: string, ids?: string[]) =>
    api.gql<{ markNotificationsRead: number }>(MARK_READ, ids ? { ids } : {}, { token });

  /** A participant with `count` notices, one minute apart, the last one newest. */
  async function reader(count: number) {
    const user = await createUser();
    const token = await api.tokenFor(user);
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const row = await factoryPrisma().notification.create({
        data: {
          userId: user.id,
          kind: 'CONTENT_HIDDEN',
          payload: { reason: `Motif ${index}`, title: `Titre ${index}` },
          createdAt: new Date(Date.now() - (count - index) * MINUTE),
        },
      });
      ids.push(row.id);
    }
    return { user, token, ids };
  }

  it('lists my notifications newest first, page by page, with the unread count', async () => {
    const { token, ids } = await reader(5);
    const first = await mine(token, { first: 3 });
    expect(first).toMatchObject({ totalCount: 5, unreadCount: 5, pageInfo: { hasNextPage: true } });
    expect(first.edges.map((edge) => edge.node.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(first.edges[0].node).toMatchObject({
      kind: 'CONTENT_HIDDEN',
      reason: 'Motif 4',
      title: 'Titre 4',
      isRead: false,
      readAt: null,
      proposal: null,
    });
    const second = await mine(token, { first: 3, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.id)).toEqual([ids[1], ids[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('marks some, then all, read; unreadOnly lists only the others', async () => {
    const { token, ids } = await reader(4);
    expect(dataOf(await markRead(token, [ids[0], ids[1]])).markNotificationsRead).toBe(2);
    // Already read: nothing more to mark.
    expect(dataOf(await markRead(token, [ids[0]])).markNotificationsRead).toBe(0);
    const unread = await mine(token, { unreadOnly: true });
    expect(unread.totalCount).toBe(2);
    expect(unread.unreadCount).toBe(2);
    expect(unread.edges.map((edge) => edge.node.id)).toEqual([ids[3], ids[2]]);
    const all = await mine(token);
    expect(all.totalCount).toBe(4);
    expect(all.edges.find((edge) => edge.node.id === ids[0])?.node).toMatchObject({ isRead: true });
    expect(all.edges.find((edge) => edge.node.id === ids[0])?.node.readAt).not.toBeNull();

    expect(dataOf(await markRead(token)).markNotificationsRead).toBe(2);
    expect((await mine(token)).unreadCount).toBe(0);
  });

  it("answers NOT_FOUND for another account's notification and marks nothing", async () => {
    const me = await reader(1);
    const other = await reader(1);
    for (const ids of [[other.ids[0]], [me.ids[0], other.ids[0]], ['not-an-id']]) {
      const error = firstError(await markRead(me.token, ids));
      expect(error.extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'NOTIFICATION_NOT_FOUND',
      });
    }
    expect(
      await factoryPrisma().notification.count({
        where: { readAt: { not: null }, id: { in: [me.ids[0], other.ids[0]] } },
      }),
    ).toBe(0);
    expect((await mine(me.token)).edges.map((edge) => edge.node.id)).toEqual(me.ids);
  });

  it('refuses anonymous visitors', async () => {
    expect(firstError(await api.gql(MY_NOTIFICATIONS)).extensions?.code).toBe('UNAUTHENTICATED');
    expect(firstError(await api.gql(MARK_READ)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tells authors when their content is hidden or restored, with the reason, not when reports are dismissed', async () => {
    const moderator = await signedIn(api, 'MODERATOR');
    const fixture = await moderationFixture();
    const token = await api.tokenFor(fixture.author);
    const decide = (mutation: string, targetType: string, targetId: string, reason: string) =>
      api.gql(mutation, { input: { targetType, targetId, reason } }, { token: moderator.token });

    expect(
      (await decide(DISMISS, 'PROPOSAL', fixture.proposalId, 'Rien à redire')).errors,
    ).toBeUndefined();
    expect(
      (await decide(HIDE, 'COMMENT', fixture.commentId, 'Propos injurieux')).errors,
    ).toBeUndefined();
    expect(
      (await decide(HIDE, 'PROPOSAL', fixture.proposalId, 'Hors charte')).errors,
    ).toBeUndefined();
    expect(
      (await decide(RESTORE, 'PROPOSAL', fixture.proposalId, 'Corrigée')).errors,
    ).toBeUndefined();

    const notices = (await mine(token)).edges.map((edge) => edge.node);
    expect(notices.map((notice) => [notice.kind, notice.reason])).toEqual([
      ['CONTENT_RESTORED', 'Corrigée'],
      ['CONTENT_HIDDEN', 'Hors charte'],
      ['CONTENT_HIDDEN', 'Propos injurieux'],
    ]);
    expect(notices[2]).toMatchObject({
      commentId: fixture.commentId,
      proposal: { id: fixture.proposalId },
    });
    expect(notices[2].title).toBeTruthy();
  });

  it('tells the author of an answered proposal, with an excerpt of the answer', async () => {
    const moderator = await signedIn(api, 'MODERATOR');
    const fixture = await moderationFixture();
    const answer = 'Cette proposition sera étudiée par le conseil municipal. '.repeat(10);
    const answered = await api.gql(
      ANSWER,
      { input: { proposalId: fixture.proposalId, status: 'UNDER_REVIEW', answer } },
      { token: moderator.token },
    );
    expect(answered.errors).toBeUndefined();
    const [notice] = (await mine(await api.tokenFor(fixture.author))).edges.map(
      (edge) => edge.node,
    );
    expect(notice).toMatchObject({
      kind: 'PROPOSAL_ANSWERED',
      proposal: { id: fixture.proposalId },
    });
    expect(notice.reason?.length).toBeLessThanOrEqual(280);
    expect(answer.startsWith((notice.reason as string).replace(/…$/, ''))).toBe(true);
    const stored = await factoryPrisma().notification.findFirstOrThrow({
      where: { userId: fixture.author.id, kind: 'PROPOSAL_ANSWERED' },
    });
    expect(stored.payload).toMatchObject({
      status: 'UNDER_REVIEW',
      proposalId: fixture.proposalId,
    });
  });

  it('does not show a proposal the reader may not see', async () => {
    const { user, token } = await reader(0);
    const fixture = await moderationFixture();
    const hidden = await createProposal({
      consultationId: fixture.consultationId,
      authorId: (await createUser()).id,
    });
    await factoryPrisma().proposal.update({
      where: { id: hidden.id },
      data: { hiddenAt: new Date() },
    });
    const draft = await createProposal({
      consultationId: fixture.consultationId,
      authorId: (await createUser()).id,
      status: 'DRAFT',
    });
    for (const [proposalId, minutesAgo] of [
      [fixture.proposalId, 3],
      [hidden.id, 2],
      [draft.id, 1],
    ] as const) {
      await factoryPrisma().notification.create({
        data: {
          userId: user.id,
          kind: 'PROPOSAL_MERGED',
          payload: { proposalId, title: 'Une proposition' },
          createdAt: new Date(Date.now() - minutesAgo * MINUTE),
        },
      });
    }
    const notices = (await mine(token)).edges.map((edge) => edge.node);
    expect(notices.map((notice) => notice.proposal?.id ?? null)).toEqual([
      null,
      null,
      fixture.proposalId,
    ]);
    expect(notices.map((notice) => notice.title)).toEqual([
      'Une proposition',
      'Une proposition',
      'Une proposition',
    ]);
  });
});
