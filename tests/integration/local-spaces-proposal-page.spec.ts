// Local spaces on the proposal page: a consultation's local moderators open its hidden proposals,
// read its hidden comments and get its moderation actions (Proposal.viewerCanModerate), exactly
// like platform moderators, and nowhere else. Real database, real GraphQL.
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
} from '../factories';
import { logSql } from '../security/support/sql-log';
import { HIDE, RESTORE } from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const COMMENT_FIELDS = `id isHidden body bodyHtml author { id }`;
const PAGE = `query ($id: ID!) {
  proposal(id: $id) {
    id isHidden viewerCanModerate
    comments(first: 10) { edges { node { ${COMMENT_FIELDS} replies { ${COMMENT_FIELDS} } } } }
  }
}`;

type CommentView = {
  id: string;
  isHidden: boolean;
  body: string | null;
  bodyHtml: string | null;
  author: { id: string } | null;
};
type PageData = {
  proposal: {
    id: string;
    isHidden: boolean;
    viewerCanModerate: boolean;
    comments: { edges: { node: CommentView & { replies: CommentView[] } }[] };
  };
};

describe('local spaces on the proposal page', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /** A hidden proposal, with a hidden comment and a hidden reply, in a consultation. */
  async function content(consultationId: string, author: CreatedUser, hidden = true) {
    const proposal = await createProposal({ consultationId, authorId: author.id });
    if (hidden) {
      await factoryPrisma().proposal.update({
        where: { id: proposal.id },
        data: { hiddenAt: new Date() },
      });
    }
    const comment = await factoryPrisma().comment.create({
      data: {
        proposalId: proposal.id,
        authorId: author.id,
        body: 'Un commentaire masqué',
        bodyHtml: '<p>Un commentaire masqué</p>',
        hiddenAt: new Date(),
      },
    });
    const reply = await factoryPrisma().comment.create({
      data: {
        proposalId: proposal.id,
        authorId: author.id,
        parentId: comment.id,
        body: 'Une réponse masquée',
        bodyHtml: '<p>Une réponse masquée</p>',
        hiddenAt: new Date(),
      },
    });
    return { proposalId: proposal.id, commentId: comment.id, replyId: reply.id };
  }

  /** A local consultation with its local moderator, and another consultation. */
  async function spaces() {
    const local = await createConsultation();
    const other = await createConsultation();
    const author = await createUser();
    const moderator = await createUser();
    await factoryPrisma().consultationModerator.create({
      data: { consultationId: local.id, userId: moderator.id },
    });
    return {
      local,
      other,
      author,
      moderator,
      token: await api.tokenFor(moderator),
      mine: await content(local.id, author),
      theirs: await content(other.id, author),
    };
  }

  const page = (id: string, token?: string) => api.gql<PageData>(PAGE, { id }, { token });

  it('opens a hidden proposal of their consultation, with its hidden comments’ text', async () => {
    const { mine, author, token } = await spaces();
    const { proposal } = dataOf(await page(mine.proposalId, token));
    expect(proposal).toMatchObject({
      id: mine.proposalId,
      isHidden: true,
      viewerCanModerate: true,
    });
    const [edge] = proposal.comments.edges;
    expect(edge.node).toMatchObject({
      id: mine.commentId,
      isHidden: true,
      body: 'Un commentaire masqué',
      bodyHtml: '<p>Un commentaire masqué</p>',
      author: { id: author.id },
    });
    expect(edge.node.replies).toEqual([
      expect.objectContaining({ id: mine.replyId, body: 'Une réponse masquée' }),
    ]);
  });

  it('answers NOT_FOUND for a hidden proposal of another consultation, as for participants', async () => {
    const { theirs, token } = await spaces();
    const participant = await api.tokenFor(await createUser());
    for (const viewer of [token, participant, undefined]) {
      expect(firstError(await page(theirs.proposalId, viewer)).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PROPOSAL_NOT_FOUND',
      });
    }
  });

  it('masks hidden comments of another consultation’s visible proposal', async () => {
    const { other, author, token } = await spaces();
    const visible = await content(other.id, author, false);
    const { proposal } = dataOf(await page(visible.proposalId, token));
    expect(proposal.viewerCanModerate).toBe(false);
    expect(proposal.comments.edges[0].node).toMatchObject({
      id: visible.commentId,
      isHidden: true,
      body: null,
      bodyHtml: null,
      author: null,
    });
    expect(proposal.comments.edges[0].node.replies[0]).toMatchObject({ body: null });
  });

  it('a suspended local moderator sees nothing more than a participant', async () => {
    const { local, mine, moderator, author, token } = await spaces();
    await factoryPrisma().user.update({
      where: { id: moderator.id },
      data: { suspendedAt: new Date(), suspendedUntil: null, suspensionReason: 'Abus' },
    });
    expect(firstError(await page(mine.proposalId, token)).extensions?.code).toBe('NOT_FOUND');
    const visible = await content(local.id, author, false);
    const { proposal } = dataOf(await page(visible.proposalId, token));
    expect(proposal.viewerCanModerate).toBe(false);
    expect(proposal.comments.edges[0].node.body).toBeNull();
  });

  it('answers viewerCanModerate for each kind of viewer', async () => {
    const { local, other, author, token } = await spaces();
    const here = await content(local.id, author, false);
    const elsewhere = await content(other.id, author, false);
    const suspended = await createUser();
    await factoryPrisma().consultationModerator.create({
      data: { consultationId: local.id, userId: suspended.id },
    });
    const suspendedToken = await api.tokenFor(suspended);
    await factoryPrisma().user.update({
      where: { id: suspended.id },
      data: { suspendedAt: new Date(), suspendedUntil: null, suspensionReason: 'Abus' },
    });
    const viewers: [string, string | undefined, boolean, boolean][] = [
      ['anonymous', undefined, false, false],
      ['participant', await api.tokenFor(await createUser()), false, false],
      ['author', await api.tokenFor(author), false, false],
      ['local moderator', token, true, false],
      ['suspended local moderator', suspendedToken, false, false],
      [
        'platform moderator',
        await api.tokenFor(await createUser({ role: 'MODERATOR' })),
        true,
        true,
      ],
      ['administrator', await api.tokenFor(await createUser({ role: 'ADMIN' })), true, true],
    ];
    for (const [name, viewer, inHere, inElsewhere] of viewers) {
      const read = async (id: string) => dataOf(await page(id, viewer)).proposal.viewerCanModerate;
      expect([name, await read(here.proposalId), await read(elsewhere.proposalId)]).toEqual([
        name,
        inHere,
        inElsewhere,
      ]);
    }
  });

  it('costs no statement more: the proposal’s statement tells whether the viewer moderates it', async () => {
    const { local, mine, author, token } = await spaces();
    const query = `query ($id: ID!) { proposal(id: $id) { id comments(first: 10) {
      edges { node { ${COMMENT_FIELDS} } } } } }`;
    const count = async (id: string, viewer: string) =>
      (await logSql(() => api.gql(query, { id }, { token: viewer }))).statements.length;
    const participant = await api.tokenFor(await createUser());
    const plain = await createProposal({ consultationId: local.id, authorId: author.id });
    const baseline = await count(plain.id, participant);
    expect(await count(plain.id, token)).toBe(baseline);
    expect(await count(mine.proposalId, token)).toBe(baseline);
    const hiddenComments = await content(local.id, author, false);
    expect(await count(hiddenComments.proposalId, participant)).toBe(baseline);
    expect(await count(hiddenComments.proposalId, token)).toBe(baseline);
  });

  it('hides and restores a comment from the page’s mutations, in their consultation only', async () => {
    const { local, author, theirs, token } = await spaces();
    const visible = await createProposal({ consultationId: local.id, authorId: author.id });
    const comment = await factoryPrisma().comment.create({
      data: {
        proposalId: visible.id,
        authorId: author.id,
        body: 'Hors sujet',
        bodyHtml: '<p>Hors sujet</p>',
      },
    });
    const input = (targetId: string) => ({
      input: { targetType: 'COMMENT', targetId, reason: 'Contenu hors charte' },
    });
    dataOf(await api.gql(HIDE, input(comment.id), { token }));
    const row = await factoryPrisma().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row.hiddenAt).not.toBeNull();
    const { proposal } = dataOf(await page(visible.id, token));
    expect(proposal.comments.edges[0].node).toMatchObject({ isHidden: true, body: 'Hors sujet' });
    const participant = await api.tokenFor(await createUser());
    expect(
      dataOf(await page(visible.id, participant)).proposal.comments.edges[0].node.body,
    ).toBeNull();
    dataOf(await api.gql(RESTORE, input(comment.id), { token }));
    expect(dataOf(await page(visible.id, participant)).proposal.comments.edges[0].node.body).toBe(
      'Hors sujet',
    );
    expect(
      firstError(await api.gql(HIDE, input(theirs.commentId), { token })).extensions?.code,
    ).toBe('FORBIDDEN');
  });
});
