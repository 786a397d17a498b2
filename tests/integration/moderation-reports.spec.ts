import { closeFactories, factoryPrisma } from '../factories';
import {
  AUDIT_LOG,
  LIST_IDS,
  moderationFixture,
  PROPOSAL_VISIBILITY,
  REPORT,
  signedIn,
} from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

type ReportData = { reportContent: { id: string; status: string; reporter: { id: string } } };
type Visibility = {
  proposal: {
    id: string;
    isHidden: boolean;
    comments: {
      edges: {
        node: {
          id: string;
          isHidden: boolean;
          body: string | null;
          bodyHtml: string | null;
          author: { id: string } | null;
        };
      }[];
    };
  };
};

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('reportContent', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const report = (input: Record<string, unknown>, token?: string, lang?: string) =>
    api.gql<ReportData>(REPORT, { input }, { token, lang });
  const auditEntries = (targetId: string) =>
    factoryPrisma().auditLogEntry.findMany({ where: { targetId } });

  it('records an open report by a signed-in participant', async () => {
    const { proposalId } = await moderationFixture();
    const reporter = await signedIn(api);
    const result = await report(
      { targetType: 'PROPOSAL', targetId: proposalId, reason: 'SPAM' },
      reporter.token,
    );
    const created = dataOf(result).reportContent;
    expect(created).toMatchObject({ status: 'OPEN', reporter: { id: reporter.id } });
    const row = await factoryPrisma().report.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.openKey).toBe(`${reporter.id}:PROPOSAL:${proposalId}`);
    const proposal = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: proposalId },
    });
    expect(proposal).toMatchObject({ openReportsCount: 1, hiddenAt: null });
  });

  it('reports comments and accounts; accounts have no counter', async () => {
    const { commentId, author } = await moderationFixture();
    const reporter = await signedIn(api);
    dataOf(
      await report(
        { targetType: 'COMMENT', targetId: commentId, reason: 'OFFENSIVE' },
        reporter.token,
      ),
    );
    dataOf(
      await report(
        { targetType: 'USER', targetId: author.id, reason: 'OTHER', details: 'Faux compte' },
        reporter.token,
      ),
    );
    const comment = await factoryPrisma().comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(comment.openReportsCount).toBe(1);
  });

  it('refuses anonymous visitors, one’s own content and one’s own account', async () => {
    const { proposalId, commentId, author } = await moderationFixture();
    const authorToken = await api.tokenFor({ id: author.id, role: 'PARTICIPANT' });
    expect(
      firstError(await report({ targetType: 'PROPOSAL', targetId: proposalId, reason: 'SPAM' }))
        .extensions?.code,
    ).toBe('UNAUTHENTICATED');
    for (const [targetType, targetId] of [
      ['PROPOSAL', proposalId],
      ['COMMENT', commentId],
      ['USER', author.id],
    ]) {
      const error = firstError(await report({ targetType, targetId, reason: 'SPAM' }, authorToken));
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_CONTENT_REPORT' });
    }
  });

  it.each([
    [{ targetType: 'PROPOSAL', reason: 'OTHER' }, 'details', 'required'],
    [{ targetType: 'PROPOSAL', reason: 'SPAM', details: 'x'.repeat(1001) }, 'details', 'maxLength'],
    [{ targetType: 'PROPOSAL', reason: 'SPAM', targetId: 'nope' }, 'targetId', 'id'],
  ])('refuses the invalid input %j', async (input, field, rule) => {
    const { proposalId } = await moderationFixture();
    const reporter = await signedIn(api);
    const error = firstError(
      await report({ targetId: proposalId, ...input }, reporter.token, 'en'),
    );
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields?.[0]).toMatchObject({ field, rule });
  });

  it('answers NOT_FOUND for unknown targets', async () => {
    const reporter = await signedIn(api);
    for (const [targetType, reason] of [
      ['PROPOSAL', 'PROPOSAL_NOT_FOUND'],
      ['COMMENT', 'COMMENT_NOT_FOUND'],
      ['USER', 'USER_NOT_FOUND'],
    ]) {
      const error = firstError(
        await report({ targetType, targetId: NIL_UUID, reason: 'SPAM' }, reporter.token),
      );
      expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', reason });
    }
  });

  it('answers CONFLICT / ALREADY_REPORTED to a second open report, also concurrently', async () => {
    const { proposalId, commentId } = await moderationFixture(50);
    const reporter = await signedIn(api);
    const input = { targetType: 'PROPOSAL', targetId: proposalId, reason: 'SPAM' };
    dataOf(await report(input, reporter.token));
    expect(firstError(await report(input, reporter.token)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REPORTED',
    });
    const other = await signedIn(api);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        report({ targetType: 'COMMENT', targetId: commentId, reason: 'SPAM' }, other.token),
      ),
    );
    expect(results.filter((result) => !result.errors).length).toBe(1);
    for (const result of results.filter((r) => r.errors)) {
      expect(firstError(result).extensions?.reason).toBe('ALREADY_REPORTED');
    }
    const comment = await factoryPrisma().comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(comment.openReportsCount).toBe(1);
  });

  it('hides exactly at the threshold N, with one AUTO_HIDE audit entry', async () => {
    const { proposalId, consultationId, author } = await moderationFixture(3);
    const reporters = await Promise.all([1, 2, 3].map(() => signedIn(api)));
    const input = { targetType: 'PROPOSAL', targetId: proposalId, reason: 'SPAM' };
    const stranger = await signedIn(api);
    for (const reporter of reporters.slice(0, 2)) dataOf(await report(input, reporter.token));
    let proposal = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal).toMatchObject({ openReportsCount: 2, hiddenAt: null });
    expect(
      dataOf(await api.gql<Visibility>(PROPOSAL_VISIBILITY, { id: proposalId })).proposal.isHidden,
    ).toBe(false);

    dataOf(await report(input, reporters[2].token));
    proposal = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(proposal.openReportsCount).toBe(3);
    expect(proposal.hiddenAt).not.toBeNull();
    const entries = await auditEntries(proposalId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'AUTO_HIDE',
      actorId: null,
      targetType: 'PROPOSAL',
    });

    // Hidden: NOT_FOUND for the public, visible with isHidden for its author and moderators.
    expect(
      firstError(await api.gql(PROPOSAL_VISIBILITY, { id: proposalId })).extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      firstError(await api.gql(PROPOSAL_VISIBILITY, { id: proposalId }, { token: stranger.token }))
        .extensions?.reason,
    ).toBe('PROPOSAL_NOT_FOUND');
    const authorToken = await api.tokenFor({ id: author.id, role: 'PARTICIPANT' });
    expect(
      dataOf(
        await api.gql<Visibility>(PROPOSAL_VISIBILITY, { id: proposalId }, { token: authorToken }),
      ).proposal.isHidden,
    ).toBe(true);
    const moderator = await signedIn(api, 'MODERATOR');
    expect(
      dataOf(
        await api.gql<Visibility>(
          PROPOSAL_VISIBILITY,
          { id: proposalId },
          { token: moderator.token },
        ),
      ).proposal.isHidden,
    ).toBe(true);

    // Lists: left out for the public, kept for the author and moderators.
    const filter = { consultationId };
    type List = {
      proposals: { totalCount: number; edges: { node: { id: string; isHidden: boolean } }[] };
    };
    const ids = async (token?: string) =>
      dataOf(await api.gql<List>(LIST_IDS, { filter }, { token })).proposals.edges.map(
        (e) => e.node.id,
      );
    expect(await ids()).toEqual([]);
    expect(await ids(stranger.token)).toEqual([]);
    expect(await ids(authorToken)).toEqual([proposalId]);
    expect(await ids(moderator.token)).toEqual([proposalId]);
    const publicList = dataOf(await api.gql<List>(LIST_IDS, { filter })).proposals;
    expect(publicList.totalCount).toBe(0);
    // A fourth report (by someone who can still see it) does not hide it twice.
    dataOf(await report(input, moderator.token));
    expect(await auditEntries(proposalId)).toHaveLength(1);
  });

  it('hides exactly at N under N parallel reports', async () => {
    const { commentId } = await moderationFixture(4);
    const reporters = await Promise.all([1, 2, 3, 4].map(() => signedIn(api)));
    const results = await Promise.all(
      reporters.map((reporter) =>
        report({ targetType: 'COMMENT', targetId: commentId, reason: 'OFF_TOPIC' }, reporter.token),
      ),
    );
    results.forEach((result) => dataOf(result));
    const comment = await factoryPrisma().comment.findUniqueOrThrow({ where: { id: commentId } });
    expect(comment.openReportsCount).toBe(4);
    expect(comment.hiddenAt).not.toBeNull();
    const entries = await auditEntries(commentId);
    expect(entries.map((entry) => entry.action)).toEqual(['AUTO_HIDE']);
  });

  it('stays visible at N - 1 parallel reports', async () => {
    const { proposalId } = await moderationFixture(4);
    const reporters = await Promise.all([1, 2, 3].map(() => signedIn(api)));
    await Promise.all(
      reporters.map((reporter) =>
        report({ targetType: 'PROPOSAL', targetId: proposalId, reason: 'SPAM' }, reporter.token),
      ),
    );
    const proposal = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: proposalId },
    });
    expect(proposal).toMatchObject({ openReportsCount: 3, hiddenAt: null });
    expect(await auditEntries(proposalId)).toHaveLength(0);
  });

  it('shows a hidden comment as a placeholder to the public, in full to its author and moderators', async () => {
    const { proposalId, commentId, author } = await moderationFixture(1);
    const reporter = await signedIn(api);
    dataOf(
      await report({ targetType: 'COMMENT', targetId: commentId, reason: 'SPAM' }, reporter.token),
    );
    const node = async (token?: string) =>
      dataOf(await api.gql<Visibility>(PROPOSAL_VISIBILITY, { id: proposalId }, { token })).proposal
        .comments.edges[0].node;
    expect(await node()).toEqual({
      id: commentId,
      isHidden: true,
      body: null,
      bodyHtml: null,
      author: null,
      replies: [],
    });
    expect(await node(reporter.token)).toMatchObject({ body: null, author: null });
    const authorToken = await api.tokenFor({ id: author.id, role: 'PARTICIPANT' });
    expect(await node(authorToken)).toMatchObject({
      isHidden: true,
      body: 'Un commentaire',
      author: { id: author.id },
    });
    const admin = await signedIn(api, 'ADMIN');
    expect(await node(admin.token)).toMatchObject({ isHidden: true, body: 'Un commentaire' });
    // Hidden content cannot be reported again by someone who cannot see it.
    const other = await signedIn(api);
    expect(
      firstError(
        await report({ targetType: 'COMMENT', targetId: commentId, reason: 'SPAM' }, other.token),
      ).extensions?.reason,
    ).toBe('COMMENT_NOT_FOUND');
  });

  it('leaves hidden proposals out of search, similar proposals and organisation lists', async () => {
    const { proposalId, consultationId } = await moderationFixture(1);
    const { title } = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: proposalId },
    });
    type Similar = { similarProposals: { proposal: { id: string } }[] };
    type List = { proposals: { edges: { node: { id: string } }[] } };
    const similar = async () =>
      dataOf(
        await api.gql<Similar>(
          `query S($title: String!, $consultationId: ID) { similarProposals(title: $title, consultationId: $consultationId) { proposal { id } } }`,
          { title, consultationId },
        ),
      ).similarProposals.map((entry) => entry.proposal.id);
    const search = async () =>
      dataOf(
        await api.gql<List>(LIST_IDS, { filter: { consultationId }, search: 'proposition' }),
      ).proposals.edges.map((edge) => edge.node.id);
    expect(await similar()).toEqual([proposalId]);
    expect(await search()).toEqual([proposalId]);
    const reporter = await signedIn(api);
    dataOf(
      await report(
        { targetType: 'PROPOSAL', targetId: proposalId, reason: 'SPAM' },
        reporter.token,
      ),
    );
    expect(await similar()).toEqual([]);
    expect(await search()).toEqual([]);
  });

  it('takes no comment on a hidden proposal from anyone who cannot see it', async () => {
    const { proposalId, author } = await moderationFixture(1);
    const reporter = await signedIn(api);
    dataOf(
      await report(
        { targetType: 'PROPOSAL', targetId: proposalId, reason: 'SPAM' },
        reporter.token,
      ),
    );
    const ADD = `mutation A($input: AddCommentInput!) { addComment(input: $input) { id } }`;
    const input = { proposalId, body: 'Un avis sur la proposition' };
    const refused = await api.gql(ADD, { input }, { token: reporter.token });
    expect(firstError(refused).extensions?.reason).toBe('PROPOSAL_NOT_FOUND');
    const authorToken = await api.tokenFor({ id: author.id, role: 'PARTICIPANT' });
    dataOf(await api.gql(ADD, { input }, { token: authorToken }));
  });

  it('keeps the audit log append-only: the database refuses UPDATE and DELETE', async () => {
    const { proposalId } = await moderationFixture(1);
    const reporter = await signedIn(api);
    dataOf(
      await report(
        { targetType: 'PROPOSAL', targetId: proposalId, reason: 'SPAM' },
        reporter.token,
      ),
    );
    const [entry] = await auditEntries(proposalId);
    await expect(
      factoryPrisma()
        .$executeRaw`UPDATE audit_log_entries SET reason = 'x' WHERE id = ${entry.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(
      factoryPrisma().$executeRaw`DELETE FROM audit_log_entries WHERE id = ${entry.id}::uuid`,
    ).rejects.toThrow(/append-only/);
    expect(await auditEntries(proposalId)).toHaveLength(1);
    // And no API can change it: the schema has no such mutation.
    const admin = await signedIn(api, 'ADMIN');
    const log = dataOf(
      await api.gql<{ auditLog: { totalCount: number } }>(
        AUDIT_LOG,
        { targetId: proposalId },
        { token: admin.token },
      ),
    );
    expect(log.auditLog.totalCount).toBe(1);
  });
});
