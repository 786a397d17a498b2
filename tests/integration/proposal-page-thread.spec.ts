// Issue 9, the proposal page: the proposal and its first comments (three levels: comments, their
// replies and the replies' replies, with authors and the viewer's upvotes) cost one statement for
// the proposal (phases included) and one for the whole thread, plus the live-session check when
// signed in. Statements are counted at `pg.Client.prototype.query`, as in sql-budget.spec.ts.
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
} from '../factories';
import { type LoggedStatement, logSql } from '../security/support/sql-log';
import { dataOf, startTestApp, type TestApp } from './support/test-app';

/** The web app's Proposal and ProposalComments queries, merged as the benchmark sent them. */
const PAGE_QUERY = `
  fragment CommentFields on Comment {
    id proposalId parentId body bodyHtml stance
    author { id displayName actorType deleted }
    isDeleted isHidden isEdited upvotes hasMyUpvote canEdit createdAt editedAt
  }
  query ProposalPage($id: ID!, $first: Int, $after: String) {
    proposal(id: $id) {
      id erased title summary status body competentLevel lever experiment measuredImpact
      themes { id slug name }
      territory { id level code name parent { id level code name } }
      author { id displayName actorType deleted }
      organisation { id name actorType }
      consultation { id slug title openPhases }
      votesFor votesAgainst votesNeutral commentsCount publishedAt createdAt updatedAt version
      comments(first: $first, after: $after) {
        edges { cursor node { ...CommentFields replies { ...CommentFields replies { ...CommentFields } } } }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }`;

/** Three levels of replies: the third is read through the replies loader, in one more batch. */
const DEEPER_QUERY = `
  query Deeper($id: ID!) {
    proposal(id: $id) {
      id
      comments { edges { node { id replies { id replies { id replies { id body } } } } } }
    }
  }`;

interface CommentNode {
  id: string;
  parentId: string | null;
  body: string | null;
  bodyHtml: string | null;
  author: { id: string } | null;
  isDeleted: boolean;
  isHidden: boolean;
  hasMyUpvote: boolean;
  canEdit: boolean;
  upvotes: number;
  replies?: CommentNode[];
}
interface PageData {
  proposal: {
    id: string;
    consultation: { openPhases: string[] };
    comments: {
      edges: { cursor: string; node: CommentNode }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      totalCount: number;
    };
  };
}

const at = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 9, minutes));

describe('the proposal page with its first comments (issue 9)', () => {
  let api: TestApp;
  let proposalId: string;
  let commenters: CreatedUser[];
  let viewer: CreatedUser;
  let viewerToken: string;
  let moderatorToken: string;
  let hiddenAuthorToken: string;
  const ids: Record<string, string> = {};

  async function comment(
    name: string,
    author: CreatedUser,
    createdAt: Date,
    parent?: string,
    extra: { hiddenAt?: Date; deletedAt?: Date; upvotes?: number } = {},
  ) {
    const row = await factoryPrisma().comment.create({
      data: {
        proposalId,
        authorId: author.id,
        parentId: parent ? ids[parent] : null,
        body: `Texte ${name}`,
        bodyHtml: `<p>Texte ${name}</p>`,
        createdAt,
        ...extra,
      },
    });
    ids[name] = row.id;
  }

  beforeAll(async () => {
    api = await startTestApp();
    const { id: consultationId } = await createConsultation();
    const author = await createUser();
    proposalId = (await createProposal({ consultationId, authorId: author.id })).id;
    commenters = [await createUser(), await createUser(), await createUser()];
    viewer = await createUser();
    viewerToken = await api.tokenFor(viewer);
    moderatorToken = await api.tokenFor(await createUser({ role: 'MODERATOR' }));
    hiddenAuthorToken = await api.tokenFor(commenters[2]);
    // Four top-level comments; A and B have replies two levels deep; C is hidden by moderation.
    await comment('A', commenters[0], at(0));
    await comment('B', commenters[1], at(1));
    await comment('C', commenters[2], at(2), undefined, { hiddenAt: at(30) });
    await comment('D', viewer, at(3));
    await comment('A1', commenters[1], at(10), 'A');
    await comment('A2', commenters[2], at(11), 'A', { deletedAt: at(40) });
    await comment('A1a', viewer, at(12), 'A1');
    await comment('A1b', commenters[0], at(13), 'A1', { hiddenAt: at(41) });
    // Imported data: a reply older than its parent still sits under it.
    await comment('B1', commenters[0], at(0), 'B');
    await comment('B1a', commenters[2], at(20), 'B1');
    await comment('B1a-deep', commenters[1], at(21), 'B1a');
    // Same instant: replies are ordered by id after the date, as the per-level reads did.
    await comment('B2', commenters[1], at(22), 'B');
    await comment('B3', commenters[2], at(22), 'B');
    for (const name of ['A', 'A1a', 'B1a', 'B2']) {
      await factoryPrisma().commentUpvote.create({
        data: { commentId: ids[name], userId: viewer.id },
      });
    }
  });

  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const texts = (statements: LoggedStatement[]) =>
    statements.map((statement) => statement.text.replace(/\s+/g, ' ').slice(0, 160));

  async function page(token?: string, variables: Record<string, unknown> = {}) {
    const { result, statements } = await logSql(() =>
      api.gql<PageData>(PAGE_QUERY, { id: proposalId, ...variables }, { token }),
    );
    return { proposal: dataOf(result).proposal, statements };
  }

  /** The thread as stored: every level ordered by (createdAt, id), nothing filtered. */
  async function storedThread() {
    const rows = await factoryPrisma().comment.findMany({
      where: { proposalId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const childrenOf = (parentId: string | null) => rows.filter((r) => r.parentId === parentId);
    return childrenOf(null).map((top) => ({
      id: top.id,
      replies: childrenOf(top.id).map((reply) => ({
        id: reply.id,
        replies: childrenOf(reply.id).map((deep) => ({ id: deep.id })),
      })),
    }));
  }
  const shapeOf = (nodes: CommentNode[]): unknown =>
    nodes.map((node) => ({
      id: node.id,
      ...(node.replies ? { replies: shapeOf(node.replies) } : {}),
    }));
  const flatten = (nodes: CommentNode[]): CommentNode[] =>
    nodes.flatMap((node) => [node, ...flatten(node.replies ?? [])]);

  it.each([
    ['an anonymous visitor', 2, false],
    ['a signed-in participant', 3, true],
  ])(
    'costs %s %i statements: the proposal with its phases, the whole thread (and the live-session check)',
    async (_who, budget, signedIn) => {
      const { proposal, statements } = await page(signedIn ? viewerToken : undefined);
      expect(texts(statements).slice(budget)).toEqual([]);
      expect(statements).toHaveLength(budget);
      expect(statements.filter((s) => /"refresh_tokens"/.test(s.text))).toHaveLength(
        signedIn ? 1 : 0,
      );
      expect(statements.filter((s) => /consultation_phases/.test(s.text))).toHaveLength(1);
      expect(proposal.consultation.openPhases.length).toBeGreaterThan(0);
      expect(proposal.comments.totalCount).toBe(4);
      expect(proposal.comments.edges).toHaveLength(4);
    },
  );

  it('answers every level of the thread as stored: oldest first, ties by id, older replies under their parent', async () => {
    const { proposal } = await page();
    expect(shapeOf(proposal.comments.edges.map((edge) => edge.node))).toEqual(await storedThread());
    const b = proposal.comments.edges[1].node;
    expect(b.replies?.map((reply) => reply.id)).toEqual([
      ids['B1'],
      ...[ids['B2'], ids['B3']].sort(),
    ]);
    expect(b.replies?.[0].replies?.map((reply) => reply.id)).toEqual([ids['B1a']]);
  });

  it('masks hidden and deleted comments for the public, not for their author or a moderator', async () => {
    const byId = (nodes: CommentNode[]) => new Map(flatten(nodes).map((node) => [node.id, node]));
    const anonymous = byId((await page()).proposal.comments.edges.map((e) => e.node));
    for (const name of ['C', 'A1b']) {
      expect(anonymous.get(ids[name])).toMatchObject({
        body: null,
        bodyHtml: null,
        author: null,
        isHidden: true,
      });
    }
    expect(anonymous.get(ids['A2'])).toMatchObject({ body: null, author: null, isDeleted: true });
    expect(anonymous.get(ids['A'])).toMatchObject({
      body: 'Texte A',
      bodyHtml: '<p>Texte A</p>',
      author: { id: commenters[0].id },
      isHidden: false,
    });

    const ownAuthor = byId(
      (await page(hiddenAuthorToken)).proposal.comments.edges.map((e) => e.node),
    );
    expect(ownAuthor.get(ids['C'])).toMatchObject({
      body: 'Texte C',
      author: { id: commenters[2].id },
      isHidden: true,
      canEdit: true,
    });
    expect(ownAuthor.get(ids['A1b'])).toMatchObject({ body: null, author: null });

    const moderator = byId((await page(moderatorToken)).proposal.comments.edges.map((e) => e.node));
    for (const name of ['C', 'A1b']) {
      expect(moderator.get(ids[name])).toMatchObject({ body: `Texte ${name}`, isHidden: true });
    }
    expect(moderator.get(ids['A2'])).toMatchObject({ body: null, isDeleted: true });
  });

  it("tells the viewer which comments they upvoted, at every level, and nobody else's", async () => {
    const upvoted = [ids['A'], ids['A1a'], ids['B1a'], ids['B2']].sort();
    const mine = flatten((await page(viewerToken)).proposal.comments.edges.map((e) => e.node));
    expect(
      mine
        .filter((node) => node.hasMyUpvote)
        .map((node) => node.id)
        .sort(),
    ).toEqual(upvoted);
    expect(
      mine
        .filter((node) => node.canEdit)
        .map((node) => node.id)
        .sort(),
    ).toEqual([ids['D'], ids['A1a']].sort());
    const someoneElse = flatten(
      (await page(hiddenAuthorToken)).proposal.comments.edges.map((e) => e.node),
    );
    expect(someoneElse.some((node) => node.hasMyUpvote)).toBe(false);
    const anonymous = flatten((await page()).proposal.comments.edges.map((e) => e.node));
    expect(anonymous.some((node) => node.hasMyUpvote || node.canEdit)).toBe(false);
  });

  it('pages the top-level comments with their replies: cursors, next page, count', async () => {
    const first = await page(viewerToken, { first: 2 });
    const comments = first.proposal.comments;
    expect(comments.edges.map((edge) => edge.node.id)).toEqual([ids['A'], ids['B']]);
    expect(comments.pageInfo).toEqual({ hasNextPage: true, endCursor: comments.edges[1].cursor });
    expect(comments.totalCount).toBe(4);
    expect(first.statements).toHaveLength(3);

    const second = await page(viewerToken, { first: 2, after: comments.pageInfo.endCursor });
    const next = second.proposal.comments;
    expect(next.edges.map((edge) => edge.node.id)).toEqual([ids['C'], ids['D']]);
    expect(next.pageInfo).toEqual({ hasNextPage: false, endCursor: next.edges[1].cursor });
    expect(next.totalCount).toBe(4);
    expect(next.edges.every((edge) => edge.node.replies?.length === 0)).toBe(true);
    expect(second.statements).toHaveLength(3);

    const last = await page(viewerToken, { first: 2, after: next.pageInfo.endCursor });
    expect(last.proposal.comments).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 4,
    });
  });

  it('answers a proposal without comments with an empty thread and its count', async () => {
    const { id: consultationId } = await createConsultation();
    const empty = await createProposal({ consultationId, authorId: commenters[0].id });
    const { result, statements } = await logSql(() =>
      api.gql<PageData>(PAGE_QUERY, { id: empty.id }),
    );
    expect(dataOf(result).proposal.comments).toEqual({
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
      totalCount: 0,
    });
    expect(statements).toHaveLength(2);
  });

  it('reads a third level of replies, when asked, in one more batched statement', async () => {
    const { result, statements } = await logSql(() =>
      api.gql<{ proposal: { comments: { edges: { node: CommentNode }[] } } }>(DEEPER_QUERY, {
        id: proposalId,
      }),
    );
    const b = dataOf(result).proposal.comments.edges[1].node;
    expect(b.replies?.[0].replies?.[0].replies).toEqual([
      { id: ids['B1a-deep'], body: 'Texte B1a-deep' },
    ]);
    expect(statements).toHaveLength(3);
  });

  it('reads the history with the proposal when the page asks it (no statement per section)', async () => {
    const proposal = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: proposalId },
    });
    const prisma = factoryPrisma();
    for (const version of [1, 2]) {
      await prisma.proposalRevision.create({
        data: {
          proposalId,
          version,
          title: `Version ${version}`,
          summary: proposal.summary,
          body: `Corps ${version}`,
          bodyHtml: `<p>Corps ${version}</p>`,
          editorId: proposal.authorId,
          createdAt: at(version),
        },
      });
    }
    await prisma.proposalStatusChange.createMany({
      data: [
        {
          proposalId,
          fromStatus: null,
          toStatus: 'PUBLISHED',
          actorId: proposal.authorId,
          createdAt: at(0),
        },
        {
          proposalId,
          fromStatus: 'PUBLISHED',
          toStatus: 'PUBLISHED',
          actorId: proposal.authorId,
          reason: 'Relu',
          createdAt: at(5),
        },
      ],
    });
    const query = `query History($id: ID!) {
      proposal(id: $id) {
        id
        revisions { version title bodyHtml createdAt editor { id } }
        statusHistory { from to reason at actor { id } }
      }
    }`;
    const { result, statements } = await logSql(() =>
      api.gql<{ proposal: unknown }>(query, { id: proposalId }),
    );
    expect(dataOf(result).proposal).toEqual({
      id: proposalId,
      revisions: [2, 1].map((version) => ({
        version,
        title: `Version ${version}`,
        bodyHtml: `<p>Corps ${version}</p>`,
        createdAt: at(version).toISOString(),
        editor: { id: proposal.authorId },
      })),
      statusHistory: [
        {
          from: null,
          to: 'PUBLISHED',
          reason: null,
          at: at(0).toISOString(),
          actor: { id: proposal.authorId },
        },
        {
          from: 'PUBLISHED',
          to: 'PUBLISHED',
          reason: 'Relu',
          at: at(5).toISOString(),
          actor: { id: proposal.authorId },
        },
      ],
    });
    expect(texts(statements)).toHaveLength(1);
  });

  it('decodes the JSON-read rows exactly as the loaders they prime would read them', async () => {
    // Guards the JSON decoding (dates, columns) of the two statements against schema drift.
    const { CommentsRepository } =
      await import('../../apps/api/src/modules/comments/comments.repository');
    const { UsersRepository } = await import('../../apps/api/src/modules/users/users.repository');
    const { ProposalsRepository } =
      await import('../../apps/api/src/modules/proposals/proposals.repository');
    const { ConsultationsRepository } =
      await import('../../apps/api/src/modules/consultations/consultations.repository');
    await factoryPrisma().user.updateMany({
      where: { id: { in: commenters.map((user) => user.id) } },
      data: { suspendedAt: at(50), emailVerifiedAt: at(51), trustedAt: at(52) },
    });
    const thread = await api.app
      .get(CommentsRepository)
      .findThread(proposalId, null, 50, 2, viewer.id);
    const authorIds = thread.authors.map((author) => author.id);
    expect(authorIds.length).toBeGreaterThan(3);
    expect(thread.authors).toEqual(await api.app.get(UsersRepository).findByIds(authorIds));
    const comments = api.app.get(CommentsRepository);
    for (const [parentId, replies] of thread.replies) {
      expect(replies).toEqual((await comments.findReplies([parentId]))[0]);
    }
    const proposals = api.app.get(ProposalsRepository);
    const found = await proposals.findByIdWithRelations(proposalId, null, {
      revisions: true,
      statusChanges: true,
    });
    expect(found?.phases).toEqual(
      (
        await api.app
          .get(ConsultationsRepository)
          .findPhasesByConsultationIds([found?.proposal.consultationId as string])
      )[0],
    );
    expect(found?.revisions).toEqual((await proposals.findRevisionsByProposalIds([proposalId]))[0]);
    expect(found?.statusChanges).toEqual(
      (await proposals.findStatusChangesByProposalIds([proposalId]))[0],
    );
  });

  it('rejects a malformed cursor as before (BAD_USER_INPUT)', async () => {
    const result = await api.gql(PAGE_QUERY, { id: proposalId, after: 'not-a-cursor' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
