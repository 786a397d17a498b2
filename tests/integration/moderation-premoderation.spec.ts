import { closeFactories, createProposal, createUser, factoryPrisma } from '../factories';
import { HIDE, RESTORE, type Role, signedIn } from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';
import {
  AWAITING_QUEUE,
  COMMENT,
  notificationsOf,
  PROPOSAL,
  PROPOSAL_LIST,
  proposalInput,
  SUBMIT,
  trustConsultation,
} from './support/trust';

type Submitted = { id: string; isHidden: boolean; awaitingReview: boolean };
type ProposalData = {
  proposal: {
    id: string;
    isHidden: boolean;
    awaitingReview: boolean;
    commentsCount: number;
    comments: {
      edges: {
        node: { id: string; isHidden: boolean; awaitingReview: boolean; body: string | null };
      }[];
    };
  };
};
type QueueData = {
  moderationQueue: {
    totalCount: number;
    edges: {
      node: {
        targetType: string;
        targetId: string;
        isHidden: boolean;
        awaitingReview: boolean;
        author: {
          id: string;
          role: string;
          isSuspended: boolean;
          history: { proposalsCount: number; commentsCount: number; hiddenContentCount: number };
        } | null;
      };
    }[];
  };
};

describe('pre-moderation', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const submit = async (token: string, consultationId: string, title?: string) =>
    dataOf(
      await api.gql<{ submitProposal: Submitted }>(
        SUBMIT,
        { input: await proposalInput(consultationId, title) },
        { token },
      ),
    ).submitProposal;
  const comment = async (token: string, proposalId: string, body = 'Un avis argumenté') =>
    dataOf(
      await api.gql<{ addComment: Submitted & { body: string | null } }>(
        COMMENT,
        { input: { proposalId, body } },
        { token },
      ),
    ).addComment;
  const publicIds = async (consultationId: string, token?: string) =>
    dataOf(
      await api.gql<{ proposals: { edges: { node: { id: string } }[] } }>(
        PROPOSAL_LIST,
        { filter: { consultationId } },
        { token },
      ),
    ).proposals.edges.map((edge) => edge.node.id);
  const queue = async (token: string, consultationId: string, awaitingReview?: boolean) =>
    dataOf(await api.gql<QueueData>(AWAITING_QUEUE, { consultationId, awaitingReview }, { token }))
      .moderationQueue;
  const decide = (
    mutation: string,
    token: string,
    targetType: string,
    targetId: string,
    reason: string,
  ) => api.gql(mutation, { input: { targetType, targetId, reason } }, { token });
  const trustedAt = async (userId: string) =>
    (await factoryPrisma().user.findUniqueOrThrow({ where: { id: userId } })).trustedAt;

  it('holds the first proposal of a new participant: hidden from others, shown to its author and in the queue', async () => {
    const consultation = await trustConsultation(true);
    const author = await signedIn(api);
    const other = await signedIn(api);
    const moderator = await signedIn(api, 'MODERATOR');

    const held = await submit(author.token, consultation.id);
    expect(held).toMatchObject({ isHidden: true, awaitingReview: true });
    expect(await publicIds(consultation.id)).not.toContain(held.id);
    expect(await publicIds(consultation.id, other.token)).not.toContain(held.id);
    for (const token of [undefined, other.token]) {
      const error = firstError(await api.gql(PROPOSAL, { id: held.id }, { token }));
      expect(error.extensions?.reason).toBe('PROPOSAL_NOT_FOUND');
    }
    // Its author finds it in lists too, marked as awaiting review.
    const listed = dataOf(
      await api.gql<{ proposals: { edges: { node: { id: string; awaitingReview: boolean } }[] } }>(
        PROPOSAL_LIST,
        { filter: { consultationId: consultation.id } },
        { token: author.token },
      ),
    ).proposals.edges.map((edge) => edge.node);
    expect(listed).toEqual([{ id: held.id, awaitingReview: true }]);
    const own = dataOf(
      await api.gql<ProposalData>(PROPOSAL, { id: held.id }, { token: author.token }),
    );
    expect(own.proposal).toMatchObject({ id: held.id, awaitingReview: true, isHidden: true });

    const awaiting = await queue(moderator.token, consultation.id, true);
    expect(awaiting.totalCount).toBe(1);
    expect(awaiting.edges[0].node).toMatchObject({
      targetType: 'PROPOSAL',
      targetId: held.id,
      isHidden: true,
      awaitingReview: true,
      author: {
        id: author.id,
        role: 'PARTICIPANT',
        isSuspended: false,
        history: { proposalsCount: 1, commentsCount: 0, hiddenContentCount: 0 },
      },
    });
    expect((await queue(moderator.token, consultation.id, false)).totalCount).toBe(0);
    expect(await trustedAt(author.id)).toBeNull();
  });

  it('approving publishes it, trusts the author and lets their next contributions through at once', async () => {
    const consultation = await trustConsultation(true);
    const author = await signedIn(api);
    const moderator = await signedIn(api, 'MODERATOR');
    const held = await submit(author.token, consultation.id);

    const approved = await decide(
      RESTORE,
      moderator.token,
      'PROPOSAL',
      held.id,
      'Conforme à la charte',
    );
    expect(approved.errors).toBeUndefined();
    expect(await publicIds(consultation.id)).toContain(held.id);
    const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: held.id } });
    expect(row).toMatchObject({ awaitingReview: false, hiddenAt: null });
    expect(await trustedAt(author.id)).toBeInstanceOf(Date);
    const audit = await factoryPrisma().auditLogEntry.findMany({ where: { targetId: held.id } });
    expect(audit.map((entry) => entry.action)).toEqual(['APPROVE']);
    const notices = await notificationsOf(author.id);
    expect(notices.map((notice) => notice.kind)).toEqual(['CONTENT_APPROVED']);
    expect(notices[0].payload).toMatchObject({
      proposalId: held.id,
      reason: 'Conforme à la charte',
    });

    const second = await submit(author.token, consultation.id, 'Une deuxième idée');
    expect(second).toMatchObject({ isHidden: false, awaitingReview: false });
    expect(await publicIds(consultation.id)).toContain(second.id);
    expect(await comment(author.token, held.id)).toMatchObject({
      awaitingReview: false,
      isHidden: false,
    });
    expect((await queue(moderator.token, consultation.id, true)).totalCount).toBe(0);
  });

  it('rejecting keeps it hidden, ends the wait and tells the author why', async () => {
    const consultation = await trustConsultation(true);
    const author = await signedIn(api);
    const moderator = await signedIn(api, 'MODERATOR');
    const held = await submit(author.token, consultation.id);

    const rejected = await decide(
      HIDE,
      moderator.token,
      'PROPOSAL',
      held.id,
      'Publicité commerciale',
    );
    expect(rejected.errors).toBeUndefined();
    expect(await publicIds(consultation.id)).not.toContain(held.id);
    const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: held.id } });
    expect(row.awaitingReview).toBe(false);
    expect(row.hiddenAt).toBeInstanceOf(Date);
    expect(await trustedAt(author.id)).toBeNull();
    const audit = await factoryPrisma().auditLogEntry.findMany({ where: { targetId: held.id } });
    expect(audit.map((entry) => entry.action)).toEqual(['REJECT']);
    const notices = await notificationsOf(author.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      kind: 'CONTENT_REJECTED',
      payload: { reason: 'Publicité commerciale', proposalId: held.id },
    });
    expect((await queue(moderator.token, consultation.id, true)).totalCount).toBe(0);
    expect((await queue(moderator.token, consultation.id, false)).totalCount).toBe(1);
    // Still untrusted: the next one waits too.
    expect(await submit(author.token, consultation.id, 'Nouvel essai')).toMatchObject({
      awaitingReview: true,
    });
  });

  it('holds the first comment of a new participant like a hidden comment, until approved', async () => {
    const consultation = await trustConsultation(true);
    const proposalAuthor = await createUser();
    const proposal = await createProposal({
      consultationId: consultation.id,
      authorId: proposalAuthor.id,
    });
    const author = await signedIn(api);
    const moderator = await signedIn(api, 'MODERATOR');

    const held = await comment(author.token, proposal.id, 'Mon tout premier commentaire');
    expect(held).toMatchObject({
      isHidden: true,
      awaitingReview: true,
      body: 'Mon tout premier commentaire',
    });
    const seen = dataOf(await api.gql<ProposalData>(PROPOSAL, { id: proposal.id })).proposal;
    // Counted like any hidden comment; the public sees a placeholder without its text.
    expect(seen.commentsCount).toBe(1);
    expect(seen.comments.edges.map((edge) => edge.node)).toEqual([
      { id: held.id, isHidden: true, awaitingReview: true, body: null },
    ]);
    const awaiting = await queue(moderator.token, consultation.id, true);
    expect(awaiting.edges.map((edge) => [edge.node.targetType, edge.node.targetId])).toEqual([
      ['COMMENT', held.id],
    ]);

    expect(
      (await decide(RESTORE, moderator.token, 'COMMENT', held.id, 'Commentaire correct')).errors,
    ).toBeUndefined();
    const after = dataOf(await api.gql<ProposalData>(PROPOSAL, { id: proposal.id })).proposal;
    expect(after.comments.edges[0].node).toEqual({
      id: held.id,
      isHidden: false,
      awaitingReview: false,
      body: 'Mon tout premier commentaire',
    });
    expect(after.commentsCount).toBe(1);
    const notices = await notificationsOf(author.id);
    expect(notices[0]).toMatchObject({
      kind: 'CONTENT_APPROVED',
      payload: { commentId: held.id, proposalId: proposal.id },
    });
  });

  it('publishes at once without pre-moderation, and that trusts the author everywhere', async () => {
    const open = await trustConsultation(false);
    const moderated = await trustConsultation(true);
    const author = await signedIn(api);
    const published = await submit(author.token, open.id);
    expect(published).toMatchObject({ isHidden: false, awaitingReview: false });
    expect(await publicIds(open.id)).toContain(published.id);
    expect(await trustedAt(author.id)).toBeInstanceOf(Date);
    expect(await submit(author.token, moderated.id)).toMatchObject({ awaitingReview: false });
  });

  it.each(['MODERATOR', 'ADMIN', 'CURATOR'] as Role[])(
    'never holds the contributions of a %s',
    async (role) => {
      const consultation = await trustConsultation(true);
      const staff = await signedIn(api, role);
      const proposal = await submit(staff.token, consultation.id);
      expect(proposal).toMatchObject({ isHidden: false, awaitingReview: false });
      expect(await publicIds(consultation.id)).toContain(proposal.id);
    },
  );
});
