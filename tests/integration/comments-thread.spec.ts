import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
} from '../factories';
import { CommentsRepository } from '../../apps/api/src/modules/comments/comments.repository';
import {
  ADD_COMMENT,
  DELETE_COMMENT,
  EDIT_COMMENT,
  MY_ACTIVITY,
  PROPOSAL_THREAD,
  REMOVE_UPVOTE,
  UPVOTE_COMMENT,
} from './support/participation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

type CommentData = {
  id: string;
  proposalId: string;
  parentId: string | null;
  body: string | null;
  bodyHtml: string | null;
  stance: string;
  isDeleted: boolean;
  isEdited: boolean;
  upvotes: number;
  hasMyUpvote: boolean;
  canEdit: boolean;
  editedAt: string | null;
  author: { id: string } | null;
  replies?: CommentData[];
};
type ThreadData = {
  proposal: {
    commentsCount: number;
    isFollowedByMe: boolean;
    comments: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: CommentData }[];
    };
  };
};

const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const DAY = 86_400_000;

describe('comments', () => {
  let api: TestApp;
  let consultationId: string;
  let authorId: string;

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation()).id;
    authorId = (await createUser()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function participant() {
    const user = await createUser();
    return { user, token: await api.tokenFor(user) };
  }
  const newProposal = async (status?: 'WITHDRAWN') =>
    (await createProposal({ consultationId, authorId, status })).id;
  const add = (input: Record<string, unknown>, token?: string, lang?: string) =>
    api.gql<{ addComment: CommentData }>(ADD_COMMENT, { input }, { token, lang });
  const thread = (id: string, token?: string, variables: Record<string, unknown> = {}) =>
    api.gql<ThreadData>(PROPOSAL_THREAD, { id, ...variables }, { token });
  const commentsCount = async (id: string) =>
    (await factoryPrisma().proposal.findUniqueOrThrow({ where: { id } })).commentsCount;

  describe('addComment', () => {
    it('stores the comment with sanitised HTML, its first revision, the count and a follow', async () => {
      const proposalId = await newProposal();
      const { user, token } = await participant();
      const body = 'Voir **ce retour** : https://example.org <script>alert(1)</script>';
      const comment = dataOf(await add({ proposalId, body, stance: 'FOR' }, token)).addComment;
      expect(comment).toMatchObject({
        proposalId,
        parentId: null,
        body,
        stance: 'FOR',
        isDeleted: false,
        isEdited: false,
        upvotes: 0,
        canEdit: true,
        author: { id: user.id },
      });
      expect(comment.bodyHtml).toContain('<strong>ce retour</strong>');
      expect(comment.bodyHtml).toContain('rel="nofollow ugc noopener"');
      expect(comment.bodyHtml).not.toContain('<script>');
      const prisma = factoryPrisma();
      expect(await prisma.commentRevision.findMany({ where: { commentId: comment.id } })).toEqual([
        expect.objectContaining({ body, editorId: user.id }),
      ]);
      expect(await commentsCount(proposalId)).toBe(1);
      expect(dataOf(await thread(proposalId, token)).proposal.isFollowedByMe).toBe(true);
    });

    it('threads replies (any depth, oldest first) and pages the top-level comments', async () => {
      const proposalId = await newProposal();
      const { token } = await participant();
      const first = dataOf(await add({ proposalId, body: 'Premier avis' }, token)).addComment;
      const second = dataOf(await add({ proposalId, body: 'Deuxième avis' }, token)).addComment;
      const reply = dataOf(
        await add({ proposalId, parentId: first.id, body: 'Réponse' }, token),
      ).addComment;
      const nested = dataOf(
        await add({ proposalId, parentId: reply.id, body: 'Réponse à la réponse' }, token),
      ).addComment;
      expect(reply).toMatchObject({ parentId: first.id, stance: 'NONE' });

      const page1 = dataOf(await thread(proposalId, undefined, { first: 1 })).proposal;
      expect(page1.commentsCount).toBe(4);
      expect(page1.comments.totalCount).toBe(2);
      expect(page1.comments.pageInfo.hasNextPage).toBe(true);
      const top = page1.comments.edges[0].node;
      expect(top.id).toBe(first.id);
      expect(top.canEdit).toBe(false);
      expect(top.replies?.map((r) => r.id)).toEqual([reply.id]);
      expect(top.replies?.[0].replies?.map((r) => r.id)).toEqual([nested.id]);
      const page2 = dataOf(
        await thread(proposalId, undefined, { first: 1, after: page1.comments.pageInfo.endCursor }),
      ).proposal.comments;
      expect(page2.edges.map((e) => e.node.id)).toEqual([second.id]);
      expect(page2.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses anonymous visitors', async () => {
      const result = await add({ proposalId: await newProposal(), body: 'Bonjour' });
      expect(firstError(result).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SIGN_IN_REQUIRED',
      });
    });

    it.each([
      ['too short', 'x', 'minLength'],
      ['too long', 'x'.repeat(5001), 'maxLength'],
      ['blank', '   ', 'required'],
    ])('refuses a %s body, naming the field', async (_, body, rule) => {
      const proposalId = await newProposal();
      const { token } = await participant();
      const result = await add({ proposalId, body }, token, 'en');
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        fields: [expect.objectContaining({ field: 'body', rule })],
      });
      expect(await commentsCount(proposalId)).toBe(0);
    });

    it('refuses comments once the consultation is closed (FORBIDDEN / COMMENTING_CLOSED)', async () => {
      const closed = await createConsultation({
        phases: [
          {
            kind: 'VOTING',
            startsAt: new Date(Date.now() - 20 * DAY),
            endsAt: new Date(Date.now() - 10 * DAY),
          },
          { kind: 'CLOSED', startsAt: new Date(Date.now() - 10 * DAY), endsAt: null },
        ],
      });
      const proposalId = (await createProposal({ consultationId: closed.id, authorId })).id;
      const { token } = await participant();
      expect(
        firstError(await add({ proposalId, body: 'Trop tard ?' }, token)).extensions,
      ).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'COMMENTING_CLOSED',
      });
    });

    it('refuses comments on a withdrawn or unknown proposal (NOT_FOUND)', async () => {
      const { token } = await participant();
      for (const proposalId of [await newProposal('WITHDRAWN'), NIL_UUID]) {
        expect(
          firstError(await add({ proposalId, body: 'Bonjour' }, token)).extensions,
        ).toMatchObject({
          code: 'NOT_FOUND',
          reason: 'PROPOSAL_NOT_FOUND',
        });
      }
    });

    it('refuses a reply to a comment of another proposal, or to an unknown comment', async () => {
      const [a, b] = [await newProposal(), await newProposal()];
      const { token } = await participant();
      const parent = dataOf(await add({ proposalId: a, body: 'Sur A' }, token)).addComment;
      for (const parentId of [parent.id, NIL_UUID]) {
        const result = await add({ proposalId: b, parentId, body: 'Sur B' }, token);
        expect(firstError(result).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'parentId' })],
        });
      }
      expect(await commentsCount(b)).toBe(0);
    });
  });

  describe('editComment / deleteComment', () => {
    it('lets the author edit, keeping every revision', async () => {
      const proposalId = await newProposal();
      const { token } = await participant();
      const comment = dataOf(
        await add({ proposalId, body: 'Premier jet', stance: 'FOR' }, token),
      ).addComment;
      const edited = dataOf(
        await api.gql<{ editComment: CommentData }>(
          EDIT_COMMENT,
          { input: { commentId: comment.id, body: 'Version *corrigée*', stance: 'NEUTRAL' } },
          { token },
        ),
      ).editComment;
      expect(edited).toMatchObject({
        body: 'Version *corrigée*',
        stance: 'NEUTRAL',
        isEdited: true,
      });
      expect(edited.bodyHtml).toBe('<p>Version <em>corrigée</em></p>');
      expect(edited.editedAt).not.toBeNull();
      const revisions = await factoryPrisma().commentRevision.findMany({
        where: { commentId: comment.id },
        orderBy: { createdAt: 'asc' },
      });
      expect(revisions.map((r) => r.body)).toEqual(['Premier jet', 'Version *corrigée*']);
    });

    it('soft-deletes: text and author hidden, replies kept, count down once', async () => {
      const proposalId = await newProposal();
      const { token } = await participant();
      const other = await participant();
      const comment = dataOf(await add({ proposalId, body: 'À supprimer' }, token)).addComment;
      await add({ proposalId, parentId: comment.id, body: 'Une réponse' }, other.token);
      expect(await commentsCount(proposalId)).toBe(2);

      const deleted = dataOf(
        await api.gql<{ deleteComment: CommentData }>(
          DELETE_COMMENT,
          { commentId: comment.id },
          { token },
        ),
      ).deleteComment;
      expect(deleted).toMatchObject({
        body: null,
        bodyHtml: null,
        author: null,
        isDeleted: true,
        canEdit: false,
      });
      expect(await commentsCount(proposalId)).toBe(1);
      const row = await factoryPrisma().comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(row).toMatchObject({ body: 'À supprimer', deletedById: expect.any(String) });

      const top = dataOf(await thread(proposalId)).proposal.comments.edges[0].node;
      expect(top).toMatchObject({ id: comment.id, isDeleted: true, body: null });
      expect(top.replies?.map((r) => r.body)).toEqual(['Une réponse']);

      const again = await api.gql(DELETE_COMMENT, { commentId: comment.id }, { token });
      expect(firstError(again).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'COMMENT_DELETED',
      });
      const edit = await api.gql(
        EDIT_COMMENT,
        { input: { commentId: comment.id, body: 'Retour' } },
        { token },
      );
      expect(firstError(edit).extensions?.reason).toBe('COMMENT_DELETED');
      expect(await commentsCount(proposalId)).toBe(1);
    });

    it("refuses to edit or delete someone else's comment, and anonymous visitors", async () => {
      const proposalId = await newProposal();
      const { token } = await participant();
      const other = await participant();
      const comment = dataOf(await add({ proposalId, body: 'Mon avis' }, token)).addComment;
      const edit = { input: { commentId: comment.id, body: 'Son avis' } };
      for (const [options, code, reason] of [
        [{ token: other.token }, 'FORBIDDEN', 'NOT_ALLOWED'],
        [{}, 'UNAUTHENTICATED', 'SIGN_IN_REQUIRED'],
      ] as const) {
        expect(firstError(await api.gql(EDIT_COMMENT, edit, options)).extensions).toMatchObject({
          code,
          reason,
        });
        expect(
          firstError(await api.gql(DELETE_COMMENT, { commentId: comment.id }, options)).extensions,
        ).toMatchObject({ code, reason });
      }
      const row = await factoryPrisma().comment.findUniqueOrThrow({ where: { id: comment.id } });
      expect(row).toMatchObject({ body: 'Mon avis', deletedAt: null });
    });

    it('answers NOT_FOUND / COMMENT_NOT_FOUND for unknown comments, BAD_USER_INPUT for a bad body', async () => {
      const { token } = await participant();
      for (const commentId of [NIL_UUID, 'nope']) {
        expect(
          firstError(await api.gql(DELETE_COMMENT, { commentId }, { token })).extensions,
        ).toMatchObject({
          code: 'NOT_FOUND',
          reason: 'COMMENT_NOT_FOUND',
        });
      }
      const comment = dataOf(
        await add({ proposalId: await newProposal(), body: 'Correct' }, token),
      ).addComment;
      const result = await api.gql(
        EDIT_COMMENT,
        { input: { commentId: comment.id, body: 'x' } },
        { token },
      );
      expect(firstError(result).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'body', rule: 'minLength' })],
      });
    });
  });

  describe('upvotes', () => {
    it('counts one upvote per participant, idempotently, and removes it idempotently', async () => {
      const proposalId = await newProposal();
      const { token } = await participant();
      const fans = [await participant(), await participant()];
      const comment = dataOf(await add({ proposalId, body: 'Bonne idée' }, token)).addComment;
      const upvote = (t: string) =>
        api.gql<{ upvoteComment: CommentData }>(
          UPVOTE_COMMENT,
          { commentId: comment.id },
          { token: t },
        );
      const remove = (t: string) =>
        api.gql<{ removeCommentUpvote: CommentData }>(
          REMOVE_UPVOTE,
          { commentId: comment.id },
          { token: t },
        );

      const results = await Promise.all([
        upvote(fans[0].token),
        upvote(fans[0].token),
        upvote(fans[1].token),
      ]);
      expect(results.filter((r) => r.errors)).toEqual([]);
      expect(dataOf(await upvote(fans[0].token)).upvoteComment).toMatchObject({
        upvotes: 2,
        hasMyUpvote: true,
      });
      expect(dataOf(await remove(fans[0].token)).removeCommentUpvote).toMatchObject({
        upvotes: 1,
        hasMyUpvote: false,
      });
      expect(dataOf(await remove(fans[0].token)).removeCommentUpvote.upvotes).toBe(1);
      expect(await factoryPrisma().commentUpvote.count({ where: { commentId: comment.id } })).toBe(
        1,
      );
    });

    it('refuses an upvote on one’s own comment (FORBIDDEN / OWN_COMMENT_UPVOTE) and anonymous upvotes', async () => {
      const { token } = await participant();
      const comment = dataOf(
        await add({ proposalId: await newProposal(), body: 'Le mien' }, token),
      ).addComment;
      expect(
        firstError(await api.gql(UPVOTE_COMMENT, { commentId: comment.id }, { token })).extensions,
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_COMMENT_UPVOTE' });
      expect(
        firstError(await api.gql(UPVOTE_COMMENT, { commentId: comment.id })).extensions,
      ).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(
        (await factoryPrisma().comment.findUniqueOrThrow({ where: { id: comment.id } })).upvotes,
      ).toBe(0);
    });
  });

  it('keeps commentsCount and upvotes equal to the rows under parallel writes', async () => {
    const proposalId = await newProposal();
    const people = await Promise.all(Array.from({ length: 12 }, () => participant()));
    const added = await Promise.all(
      people.map(({ token }, i) => add({ proposalId, body: `Avis numéro ${i}` }, token)),
    );
    const ids = added.map((result) => dataOf(result).addComment.id);
    // Each of the first six authors deletes its comment twice at once; everyone upvotes the
    // last comment twice at once.
    const target = ids[11];
    await Promise.all([
      ...people
        .slice(0, 6)
        .flatMap(({ token }, i) => [
          api.gql(DELETE_COMMENT, { commentId: ids[i] }, { token }),
          api.gql(DELETE_COMMENT, { commentId: ids[i] }, { token }),
        ]),
      ...people
        .slice(0, 11)
        .flatMap(({ token }) => [
          api.gql(UPVOTE_COMMENT, { commentId: target }, { token }),
          api.gql(UPVOTE_COMMENT, { commentId: target }, { token }),
        ]),
    ]);
    const prisma = factoryPrisma();
    expect(await commentsCount(proposalId)).toBe(
      await prisma.comment.count({ where: { proposalId, deletedAt: null } }),
    );
    expect(await commentsCount(proposalId)).toBe(6);
    const upvotes = (await prisma.comment.findUniqueOrThrow({ where: { id: target } })).upvotes;
    expect(upvotes).toBe(11);
    expect(await prisma.commentUpvote.count({ where: { commentId: target } })).toBe(11);
  });

  it('loads a thread with its replies and upvotes in one read, whatever the count (no N+1)', async () => {
    const proposalId = await newProposal();
    const { token } = await participant();
    for (let i = 0; i < 4; i += 1) {
      const top = dataOf(await add({ proposalId, body: `Avis ${i}` }, token)).addComment;
      const reply = dataOf(
        await add({ proposalId, parentId: top.id, body: 'Réponse' }, token),
      ).addComment;
      await add({ proposalId, parentId: reply.id, body: 'Sous-réponse' }, token);
    }
    const repository = api.app.get(CommentsRepository);
    const threads = jest.spyOn(repository, 'findThread');
    const replies = jest.spyOn(repository, 'findReplies');
    const upvotes = jest.spyOn(repository, 'findUpvotedBy');
    try {
      const result = dataOf(await thread(proposalId, token)).proposal.comments;
      expect(result.edges).toHaveLength(4);
      expect(result.edges.every((e) => e.node.replies?.[0].replies?.length === 1)).toBe(true);
      // The page, both reply levels and the viewer's upvotes: one statement (findThread), which
      // primes the per-level loaders; they read nothing more.
      expect(threads).toHaveBeenCalledTimes(1);
      expect(replies).not.toHaveBeenCalled();
      expect(upvotes).not.toHaveBeenCalled();
    } finally {
      threads.mockRestore();
      replies.mockRestore();
      upvotes.mockRestore();
    }
  });

  it('lists my live comments, newest first', async () => {
    const proposalId = await newProposal();
    const { token } = await participant();
    const older = dataOf(await add({ proposalId, body: 'Ancien' }, token)).addComment;
    const newer = dataOf(await add({ proposalId, body: 'Récent' }, token)).addComment;
    const gone = dataOf(await add({ proposalId, body: 'Supprimé' }, token)).addComment;
    await api.gql(DELETE_COMMENT, { commentId: gone.id }, { token });
    type Activity = { me: { comments: { totalCount: number; edges: { node: { id: string } }[] } } };
    const mine = dataOf(await api.gql<Activity>(MY_ACTIVITY, {}, { token })).me.comments;
    expect(mine.totalCount).toBe(2);
    expect(mine.edges.map((e) => e.node.id)).toEqual([newer.id, older.id]);
  });
});
