import { closeFactories, factoryPrisma } from '../factories';
import {
  AUDIT_LOG,
  DISMISS,
  HIDE,
  moderationFixture,
  PROPOSAL_VISIBILITY,
  QUEUE,
  REPORT,
  RESTORE,
  type Role,
  signedIn,
} from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

type Item = {
  targetType: string;
  targetId: string;
  isHidden: boolean;
  openReportsCount: number;
  firstReportedAt: string | null;
  proposal: { id: string; isHidden: boolean } | null;
  comment: { id: string; isHidden: boolean; body: string | null } | null;
  user: { id: string } | null;
  reports: { id: string; reason: string; status: string; reporter: { id: string } }[];
};
type QueueData = {
  moderationQueue: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: Item }[];
  };
};
type AuditData = {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        action: string;
        targetId: string;
        reason: string | null;
        metadata: string;
        actor: { id: string } | null;
      };
    }[];
  };
};

describe('moderation decisions, queue and audit log', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const reportAs = async (token: string, targetType: string, targetId: string, reason = 'SPAM') =>
    dataOf(await api.gql(REPORT, { input: { targetType, targetId, reason } }, { token }));
  const audit = (targetId: string) =>
    factoryPrisma().auditLogEntry.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' } });

  describe('permission matrix', () => {
    const OPERATIONS: [
      string,
      string,
      (f: Awaited<ReturnType<typeof moderationFixture>>) => Record<string, unknown>,
    ][] = [
      [
        'hideContent',
        HIDE,
        (f) => ({
          input: { targetType: 'PROPOSAL', targetId: f.proposalId, reason: 'Spam évident' },
        }),
      ],
      [
        'restoreContent',
        RESTORE,
        (f) => ({
          input: { targetType: 'COMMENT', targetId: f.commentId, reason: 'Rien à redire' },
        }),
      ],
      [
        'dismissReports',
        DISMISS,
        (f) => ({
          input: { targetType: 'USER', targetId: f.author.id, reason: 'Signalement infondé' },
        }),
      ],
      ['moderationQueue', QUEUE, (f) => ({ consultationId: f.consultationId })],
      ['auditLog', AUDIT_LOG, (f) => ({ targetId: f.proposalId })],
    ];
    const ACTORS: [string, Role | 'ANONYMOUS' | 'AUTHOR', string | null][] = [
      ['anonymous', 'ANONYMOUS', 'UNAUTHENTICATED'],
      ['participant', 'PARTICIPANT', 'FORBIDDEN'],
      ['author', 'AUTHOR', 'FORBIDDEN'],
      ['curator', 'CURATOR', 'FORBIDDEN'],
      ['moderator', 'MODERATOR', null],
      ['admin', 'ADMIN', null],
    ];
    for (const [name, operation, variables] of OPERATIONS) {
      it.each(ACTORS)(`${name} as %s`, async (_label, role, expected) => {
        const fixture = await moderationFixture();
        const token =
          role === 'ANONYMOUS'
            ? undefined
            : role === 'AUTHOR'
              ? await api.tokenFor({ id: fixture.author.id, role: 'PARTICIPANT' })
              : (await signedIn(api, role)).token;
        const result = await api.gql(operation, variables(fixture), { token });
        if (expected) expect(firstError(result).extensions?.code).toBe(expected);
        else dataOf(result);
      });
    }
  });

  it.each([
    [HIDE, { targetType: 'PROPOSAL', reason: 'ab' }, 'reason', 'minLength'],
    [HIDE, { targetType: 'PROPOSAL', reason: 'x'.repeat(1001) }, 'reason', 'maxLength'],
    [HIDE, { targetType: 'USER', reason: 'Un motif' }, 'targetType', 'oneOf'],
    [RESTORE, { targetType: 'USER', reason: 'Un motif' }, 'targetType', 'oneOf'],
    [DISMISS, { targetType: 'PROPOSAL', reason: '' }, 'reason', 'required'],
  ])('refuses invalid decisions (%#)', async (operation, input, field, rule) => {
    const { proposalId } = await moderationFixture();
    const moderator = await signedIn(api, 'MODERATOR');
    const result = await api.gql(
      operation,
      { input: { targetId: proposalId, ...input } },
      { token: moderator.token, lang: 'en' },
    );
    expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(result).extensions?.fields?.[0]).toMatchObject({ field, rule });
  });

  it('answers NOT_FOUND for an unknown target', async () => {
    const moderator = await signedIn(api, 'MODERATOR');
    const result = await api.gql(
      HIDE,
      {
        input: {
          targetType: 'COMMENT',
          targetId: '00000000-0000-4000-8000-000000000000',
          reason: 'Un motif',
        },
      },
      { token: moderator.token },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'COMMENT_NOT_FOUND',
    });
  });

  it('hides: reports ACTIONED, count reset, hidden, one HIDE entry; a new report is then possible', async () => {
    const { proposalId, author } = await moderationFixture(5);
    const reporter = await signedIn(api);
    await reportAs(reporter.token, 'PROPOSAL', proposalId);
    const moderator = await signedIn(api, 'MODERATOR');
    const item = dataOf(
      await api.gql<{ hideContent: Item }>(
        HIDE,
        { input: { targetType: 'PROPOSAL', targetId: proposalId, reason: 'Publicité' } },
        { token: moderator.token },
      ),
    ).hideContent;
    expect(item).toMatchObject({
      isHidden: true,
      openReportsCount: 0,
      proposal: { id: proposalId, isHidden: true },
    });
    expect(item.reports).toEqual([
      expect.objectContaining({ status: 'ACTIONED', reporter: { id: reporter.id } }),
    ]);
    const report = await factoryPrisma().report.findFirstOrThrow({
      where: { targetId: proposalId },
    });
    expect(report).toMatchObject({ status: 'ACTIONED', openKey: null, resolvedById: moderator.id });
    expect(report.resolvedAt).not.toBeNull();
    const entries = await audit(proposalId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'HIDE',
      actorId: moderator.id,
      reason: 'Publicité',
      targetType: 'PROPOSAL',
    });
    expect(
      firstError(await api.gql(PROPOSAL_VISIBILITY, { id: proposalId })).extensions?.code,
    ).toBe('NOT_FOUND');
    const authorToken = await api.tokenFor({ id: author.id, role: 'PARTICIPANT' });
    dataOf(await api.gql(PROPOSAL_VISIBILITY, { id: proposalId }, { token: authorToken }));
  });

  it('restores: visible again, reports DISMISSED, one RESTORE entry', async () => {
    const { commentId, proposalId } = await moderationFixture(1);
    const reporter = await signedIn(api);
    await reportAs(reporter.token, 'COMMENT', commentId);
    const admin = await signedIn(api, 'ADMIN');
    const item = dataOf(
      await api.gql<{ restoreContent: Item }>(
        RESTORE,
        { input: { targetType: 'COMMENT', targetId: commentId, reason: 'Critique légitime' } },
        { token: admin.token },
      ),
    ).restoreContent;
    expect(item).toMatchObject({
      isHidden: false,
      openReportsCount: 0,
      comment: { id: commentId, isHidden: false },
    });
    expect(item.reports.map((r) => r.status)).toEqual(['DISMISSED']);
    expect((await audit(commentId)).map((e) => e.action)).toEqual(['AUTO_HIDE', 'RESTORE']);
    type Thread = { proposal: { comments: { edges: { node: { body: string | null } }[] } } };
    const thread = dataOf(await api.gql<Thread>(PROPOSAL_VISIBILITY, { id: proposalId }));
    expect(thread.proposal.comments.edges[0].node.body).toBe('Un commentaire');
    // The reporter may report it again: the earlier report is closed.
    await reportAs(reporter.token, 'COMMENT', commentId);
  });

  it('dismisses the reports of an account: one DISMISS_REPORTS entry', async () => {
    const { author } = await moderationFixture();
    const reporter = await signedIn(api);
    await reportAs(reporter.token, 'USER', author.id, 'OFFENSIVE');
    const moderator = await signedIn(api, 'MODERATOR');
    const item = dataOf(
      await api.gql<{ dismissReports: Item }>(
        DISMISS,
        { input: { targetType: 'USER', targetId: author.id, reason: 'Rien à signaler' } },
        { token: moderator.token },
      ),
    ).dismissReports;
    expect(item).toMatchObject({
      targetType: 'USER',
      user: { id: author.id },
      openReportsCount: 0,
      isHidden: false,
    });
    const entries = await audit(author.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'DISMISS_REPORTS', actorId: moderator.id });
    expect(JSON.parse(JSON.stringify(entries[0].metadata))).toMatchObject({ resolvedReports: 1 });
  });

  it('lists the queue with filters, orders and a keyset cursor', async () => {
    const fixture = await moderationFixture(10);
    const { consultationId, proposalId, commentId } = fixture;
    const reporters = await Promise.all([1, 2, 3].map(() => signedIn(api)));
    await reportAs(reporters[0].token, 'COMMENT', commentId, 'OFFENSIVE');
    for (const reporter of reporters) await reportAs(reporter.token, 'PROPOSAL', proposalId);
    const moderator = await signedIn(api, 'MODERATOR');
    const queue = async (variables: Record<string, unknown>) =>
      dataOf(
        await api.gql<QueueData>(
          QUEUE,
          { consultationId, ...variables },
          { token: moderator.token },
        ),
      ).moderationQueue;

    const mostReported = await queue({});
    expect(mostReported.totalCount).toBe(2);
    expect(mostReported.edges.map((e) => [e.node.targetType, e.node.openReportsCount])).toEqual([
      ['PROPOSAL', 3],
      ['COMMENT', 1],
    ]);
    expect(mostReported.edges[0].node.reports).toHaveLength(3);
    expect((await queue({ orderBy: 'OLDEST' })).edges.map((e) => e.node.targetId)).toEqual([
      commentId,
      proposalId,
    ]);
    expect((await queue({ orderBy: 'NEWEST' })).edges.map((e) => e.node.targetId)).toEqual([
      proposalId,
      commentId,
    ]);
    expect((await queue({ targetType: 'COMMENT' })).edges.map((e) => e.node.targetId)).toEqual([
      commentId,
    ]);
    expect((await queue({ reason: 'SPAM' })).edges.map((e) => e.node.targetId)).toEqual([
      proposalId,
    ]);

    const first = await queue({ first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await queue({ first: 1, after: first.pageInfo.endCursor });
    expect(second.edges.map((e) => e.node.targetId)).toEqual([commentId]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    for (const orderBy of ['OLDEST', 'NEWEST']) {
      const page = await queue({ first: 1, orderBy });
      const next = await queue({ first: 1, orderBy, after: page.pageInfo.endCursor });
      expect(next.edges).toHaveLength(1);
      expect(next.edges[0].node.targetId).not.toBe(page.edges[0].node.targetId);
    }
    const invalid = await api.gql(QUEUE, { after: 'nope' }, { token: moderator.token });
    expect(firstError(invalid).extensions?.code).toBe('BAD_USER_INPUT');

    // Dismissed content leaves the queue; hidden content stays in it.
    await api.gql(
      DISMISS,
      { input: { targetType: 'COMMENT', targetId: commentId, reason: 'Pas offensant' } },
      { token: moderator.token },
    );
    await api.gql(
      HIDE,
      { input: { targetType: 'PROPOSAL', targetId: proposalId, reason: 'Spam' } },
      { token: moderator.token },
    );
    const after = await queue({});
    expect(
      after.edges.map((e) => [e.node.targetId, e.node.isHidden, e.node.openReportsCount]),
    ).toEqual([[proposalId, true, 0]]);
  });

  it('reads the audit log newest first, filtered, one entry per action, with a cursor', async () => {
    const { proposalId } = await moderationFixture();
    const moderator = await signedIn(api, 'MODERATOR');
    const decide = (operation: string, reason: string) =>
      api.gql(
        operation,
        { input: { targetType: 'PROPOSAL', targetId: proposalId, reason } },
        { token: moderator.token },
      );
    dataOf(await decide(HIDE, 'Premier motif'));
    dataOf(await decide(RESTORE, 'Deuxième motif'));
    dataOf(await decide(DISMISS, 'Troisième motif'));
    const log = async (variables: Record<string, unknown>) =>
      dataOf(
        await api.gql<AuditData>(
          AUDIT_LOG,
          { targetId: proposalId, ...variables },
          { token: moderator.token },
        ),
      ).auditLog;
    const all = await log({});
    expect(all.totalCount).toBe(3);
    expect(all.edges.map((e) => e.node.action)).toEqual(['DISMISS_REPORTS', 'RESTORE', 'HIDE']);
    expect(all.edges[2].node).toMatchObject({
      reason: 'Premier motif',
      actor: { id: moderator.id },
    });
    expect(JSON.parse(all.edges[2].node.metadata)).toMatchObject({ resolvedReports: 0 });
    expect((await log({ action: 'RESTORE' })).edges.map((e) => e.node.reason)).toEqual([
      'Deuxième motif',
    ]);
    expect((await log({ actorId: moderator.id, targetType: 'PROPOSAL' })).totalCount).toBe(3);
    const page = await log({ first: 2 });
    const rest = await log({ first: 2, after: page.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.action)).toEqual(['HIDE']);
    expect(
      firstError(await api.gql(AUDIT_LOG, { actorId: 'nope' }, { token: moderator.token }))
        .extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });
});
