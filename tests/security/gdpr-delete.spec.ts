// GDPR right to erasure: deleteMyAccount in both modes. The account becomes an anonymous
// tombstone, its sessions end at once, counters stay equal to the vote rows, threads stay
// readable, and no copy of its e-mail, name (or, when erased, its words) remains in any column
// of any table.
import {
  closeFactories,
  createConsultation,
  createOrganisation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  PHASES,
  uniqueKey,
} from '../factories';
import { CookieJar } from '../integration/support/cookies';
import { ME, REFRESH, SIGN_IN } from '../integration/support/operations';
import {
  ADD_COMMENT,
  CAST_VOTE,
  expectCountersMatchRows,
  FOLLOW,
  UPVOTE_COMMENT,
} from '../integration/support/participation';
import {
  dataOf,
  firstError,
  present,
  startTestApp,
  type TestApp,
} from '../integration/support/test-app';
import { findEverywhere } from './support/personal-data';

const DELETE = `mutation Delete($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`;
interface ThreadNode {
  id: string;
  parentId: string | null;
  body: string | null;
  isDeleted: boolean;
  author: { id: string; displayName: string; deleted: boolean } | null;
}
interface ThreadData {
  proposal: {
    id: string;
    title: string;
    erased: boolean;
    votesFor: number;
    votesAgainst: number;
    votesNeutral: number;
    author: { id: string; displayName: string; deleted: boolean };
    comments: { edges: { node: ThreadNode }[] };
  };
}

const THREAD = `query Thread($id: ID!) {
  proposal(id: $id) {
    id title summary erased votesFor votesAgainst votesNeutral commentsCount
    author { id displayName deleted }
    comments(first: 50) { edges { node { id parentId body isDeleted author { id displayName deleted } } } }
  }
}`;

interface Scenario {
  user: CreatedUser;
  other: CreatedUser;
  jar: CookieJar;
  token: string;
  word: string;
  ownProposalId: string;
  otherProposalId: string;
  ownCommentId: string;
  replyId: string;
}

describe('deleteMyAccount', () => {
  let api: TestApp;
  let consultationId: string;

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
  });

  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /** An account with a proposal, comments, votes, follows, a report and copies of its name elsewhere. */
  async function scenario(): Promise<Scenario> {
    const key = uniqueKey('gdpr').replace(/[^a-z0-9]/gi, '');
    const word = `quuxvortex${key.slice(-8).toLowerCase()}`;
    const user = await createUser({ displayName: `Zoé Gdpr${key.slice(-8)}`, actorType: 'SME' });
    const other = await createUser({ displayName: `Autre${key.slice(-8)}` });
    const prisma = factoryPrisma();
    const own = await createProposal({
      consultationId,
      authorId: user.id,
      title: `Proposition ${word} de Zoé`,
    });
    await prisma.proposal.update({
      where: { id: own.id },
      data: { body: `Le corps cite ${word} et mon adresse.`, experiment: `Essai ${word}` },
    });
    await prisma.proposalRevision.create({
      data: {
        proposalId: own.id,
        version: 1,
        title: `Proposition ${word} de Zoé`,
        summary: `Résumé ${word}`,
        body: `Le corps cite ${word}.`,
        editorId: user.id,
      },
    });
    const otherProposal = await createProposal({ consultationId, authorId: other.id });

    const jar = new CookieJar();
    expect(
      (await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } }, { jar }))
        .errors,
    ).toBeUndefined();
    const token = await api.tokenFor(user);
    const otherToken = await api.tokenFor(other);

    // Votes on both proposals (one per collège row), a follow, comments and a reply by someone else.
    for (const [proposalId, value] of [
      [own.id, 'FOR'],
      [otherProposal.id, 'AGAINST'],
    ] as const) {
      expect(
        (await api.gql(CAST_VOTE, { input: { proposalId, value } }, { token })).errors,
      ).toBeUndefined();
    }
    await api.gql(
      CAST_VOTE,
      { input: { proposalId: own.id, value: 'NEUTRAL' } },
      { token: otherToken },
    );
    await api.gql(FOLLOW, { proposalId: otherProposal.id }, { token });
    const comment = dataOf(
      await api.gql<{ addComment: { id: string } }>(
        ADD_COMMENT,
        { input: { proposalId: otherProposal.id, body: `Mon avis ${word} sur ce sujet.` } },
        { token },
      ),
    ).addComment;
    const reply = dataOf(
      await api.gql<{ addComment: { id: string } }>(
        ADD_COMMENT,
        { input: { proposalId: otherProposal.id, parentId: comment.id, body: 'Une réponse.' } },
        { token: otherToken },
      ),
    ).addComment;
    // Someone else replies to the reply: a notification naming the deleted account goes to them.
    await api.gql(
      ADD_COMMENT,
      { input: { proposalId: otherProposal.id, parentId: reply.id, body: `Merci ${word}` } },
      { token },
    );
    await api.gql(UPVOTE_COMMENT, { commentId: reply.id }, { token });

    // Copies written elsewhere by the platform: an e-mail to someone else naming the account,
    // an audit entry, a report about it, an auth event, a published brief quoting its text.
    await prisma.emailMessage.create({
      data: {
        userId: other.id,
        toAddress: other.email,
        subject: `${user.displayName} a répondu`,
        text: `${user.displayName} a répondu : « ${word} » /propositions/${otherProposal.id}#commentaire-${comment.id}`,
        html: `<p>${user.displayName} a répondu</p>`,
        category: 'NOTIFICATION',
      },
    });
    await prisma.emailMessage.create({
      data: {
        userId: user.id,
        toAddress: user.email,
        subject: 'Vérifiez votre adresse',
        text: `Bonjour ${user.displayName}`,
        html: '<p>Bonjour</p>',
        category: 'VERIFY_EMAIL',
      },
    });
    await prisma.auditLogEntry.create({
      data: {
        actorId: other.id,
        action: 'SUSPEND_USER',
        targetType: 'USER',
        targetId: user.id,
        reason: `Compte de ${user.displayName} (${user.email}) signalé`,
        metadata: { name: user.displayName },
      },
    });
    await prisma.report.create({
      data: {
        targetType: 'USER',
        targetId: user.id,
        reporterId: other.id,
        reason: 'OTHER',
        details: `Le compte ${user.displayName} publie des adresses`,
      },
    });
    await prisma.report.create({
      data: {
        targetType: 'PROPOSAL',
        targetId: otherProposal.id,
        reporterId: user.id,
        reason: 'OTHER',
        details: `Signalé par moi ${word}`,
      },
    });
    await prisma.authEvent.create({
      data: { kind: 'SIGN_IN_SUCCEEDED', userId: user.id, ip: '203.0.113.9', userAgent: 'Test' },
    });
    await prisma.notificationPreference.create({
      data: { userId: user.id, kind: 'COMMENT_REPLY', frequency: 'IMMEDIATE' },
    });
    await createOrganisation({ memberIds: [user.id, other.id] });
    const curator = await createUser({ role: 'CURATOR' });
    const brief = await prisma.brief.create({
      data: {
        slug: uniqueKey('brief'),
        title: 'Contribution',
        createdById: curator.id,
        updatedById: curator.id,
        status: 'PUBLISHED',
        publishedVersion: 1,
      },
    });
    // The snapshot trigger forbids UPDATE: the deletion must still redact it (gdpr_erasure).
    await prisma.briefVersion.create({
      data: {
        briefId: brief.id,
        number: 1,
        publishedById: curator.id,
        snapshot: {
          schemaVersion: 2,
          title: 'Contribution',
          introduction: '',
          introductionHtml: '',
          sections: [
            {
              position: 1,
              title: 'Section',
              synthesis: 'Synthèse [1]',
              synthesisHtml: '<p>Synthèse</p>',
              dissentNote: '',
              citations: [
                {
                  position: 1,
                  proposalId: own.id,
                  commentId: null,
                  quote: word,
                  sourceProposalId: own.id,
                  proposalTitle: `Proposition ${word} de Zoé`,
                  figures: null,
                },
                {
                  position: 2,
                  proposalId: null,
                  commentId: comment.id,
                  quote: `avis ${word}`,
                  sourceProposalId: otherProposal.id,
                  proposalTitle: otherProposal.title,
                  figures: null,
                },
              ],
            },
          ],
          proposals: [
            {
              id: own.id,
              title: `Proposition ${word} de Zoé`,
              territoryName: 'Paris',
              authorActorType: 'SME',
              figures: { votesFor: 1, votesAgainst: 0, votesNeutral: 1, colleges: [] },
            },
          ],
        },
      },
    });
    return {
      user,
      other,
      jar,
      token,
      word,
      ownProposalId: own.id,
      otherProposalId: otherProposal.id,
      ownCommentId: comment.id,
      replyId: reply.id,
    };
  }

  const deleteInput = (s: Scenario, mode: string, overrides: Record<string, unknown> = {}) => ({
    input: { mode, password: s.user.password, confirmation: s.user.email, ...overrides },
  });

  async function expectCommonTombstone(s: Scenario): Promise<void> {
    const prisma = factoryPrisma();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: s.user.id } });
    expect(row).toMatchObject({
      email: `supprime-${s.user.id}@invalid`,
      displayName: 'Participant·e anonyme',
      passwordHash: null,
      territoryId: null,
      termsAcceptedAt: null,
      emailVerifiedAt: null,
    });
    expect(row.deletedAt).toBeInstanceOf(Date);
    const userId = s.user.id;
    expect(await prisma.refreshToken.count({ where: { userId } })).toBe(0);
    expect(await prisma.notificationPreference.count({ where: { userId } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId } })).toBe(0);
    expect(await prisma.emailMessage.count({ where: { userId } })).toBe(0);
    expect(await prisma.proposalFollow.count({ where: { userId } })).toBe(0);
    expect(await prisma.organisationMembership.count({ where: { userId } })).toBe(0);
    const events = await prisma.authEvent.findMany({ where: { userId } });
    expect(events).toEqual([
      expect.objectContaining({ kind: 'ACCOUNT_DELETED', ip: null, userAgent: null }),
    ]);

    // Sessions end at once: the access token, the cookie session and the refresh token.
    expect(firstError(await api.gql(ME, {}, { token: s.token })).extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const refreshed = await api.gql(REFRESH, {}, { jar: s.jar });
    expect(refreshed.errors?.[0]?.extensions?.reason).toBe('SESSION_EXPIRED');
    const signIn = await api.gql(SIGN_IN, {
      input: { email: s.user.email, password: s.user.password },
    });
    expect(signIn.errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');

    for (const id of [s.ownProposalId, s.otherProposalId]) await expectCountersMatchRows(id);
    const upvotes = await prisma.commentUpvote.count({ where: { commentId: s.replyId } });
    const reply = await prisma.comment.findUniqueOrThrow({ where: { id: s.replyId } });
    expect(reply.upvotes).toBe(upvotes);
  }

  it('KEEP_CONTRIBUTIONS: contributions and votes stay under an anonymous author; nothing personal remains', async () => {
    const s = await scenario();
    const result = await api.gql(DELETE, deleteInput(s, 'KEEP_CONTRIBUTIONS'), { jar: s.jar });
    expect(result.errors).toBeUndefined();
    expect(dataOf(result)).toEqual({ deleteMyAccount: true });
    expect(result.setCookies.find((c) => c.name === 'passerelle_at')?.value).toBe('');

    await expectCommonTombstone(s);
    const other = await api.tokenFor(s.other);
    const own = dataOf(
      await api.gql<ThreadData>(THREAD, { id: s.ownProposalId }, { token: other }),
    ).proposal;
    expect(own).toMatchObject({
      erased: false,
      title: expect.stringContaining(s.word),
      votesFor: 1,
      votesNeutral: 1,
      author: { id: s.user.id, displayName: 'Participant·e anonyme', deleted: true },
    });
    const thread = dataOf(
      await api.gql<ThreadData>(THREAD, { id: s.otherProposalId }, { token: other }),
    ).proposal;
    expect(thread.votesAgainst).toBe(1);
    const mine = thread.comments.edges.map((e) => e.node).find((n) => n.id === s.ownCommentId);
    expect(mine).toMatchObject({
      body: expect.stringContaining(s.word),
      author: { deleted: true },
    });

    expect(await findEverywhere([s.user.email, s.user.displayName])).toEqual([]);
  });

  it('ERASE_CONTRIBUTIONS: texts become placeholders, votes are retracted with exact counters; nothing personal remains', async () => {
    const s = await scenario();
    const before = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: s.otherProposalId },
    });
    const result = await api.gql(DELETE, deleteInput(s, 'ERASE_CONTRIBUTIONS'), { token: s.token });
    expect(result.errors).toBeUndefined();

    await expectCommonTombstone(s);
    const prisma = factoryPrisma();
    expect(await prisma.vote.count({ where: { userId: s.user.id } })).toBe(0);
    expect(await prisma.commentUpvote.count({ where: { userId: s.user.id } })).toBe(0);
    const after = await prisma.proposal.findUniqueOrThrow({ where: { id: s.otherProposalId } });
    expect(after.votesAgainst).toBe(before.votesAgainst - 1);
    // Two live comments of the account left the count; the reply of someone else stays.
    expect(after.commentsCount).toBe(before.commentsCount - 2);

    const other = await api.tokenFor(s.other);
    const own = dataOf(
      await api.gql<ThreadData>(THREAD, { id: s.ownProposalId }, { token: other }),
    ).proposal;
    expect(own).toMatchObject({
      erased: true,
      title: 'Proposition effacée',
      votesFor: 0,
      votesNeutral: 1,
      author: { deleted: true },
    });
    // Lists read the same columns: the erased proposal is erased there too.
    const listed = dataOf(
      await api.gql<{ proposals: { edges: { node: { id: string; erased: boolean } }[] } }>(
        `query ($filter: ProposalFilter) {
          proposals(filter: $filter, first: 50) { edges { node { id erased title } } }
        }`,
        { filter: { consultationId, authorId: s.user.id } },
        { token: other },
      ),
    ).proposals.edges.map((edge) => edge.node);
    expect(listed).toEqual([{ id: s.ownProposalId, erased: true, title: 'Proposition effacée' }]);
    // The thread stays readable: the erased comment is a placeholder, the reply keeps its parent.
    const thread = dataOf(
      await api.gql<ThreadData>(THREAD, { id: s.otherProposalId }, { token: other }),
    ).proposal;
    const nodes = thread.comments.edges.map((e) => e.node);
    const erased = present(nodes.find((n) => n.id === s.ownCommentId));
    expect(erased).toMatchObject({ isDeleted: true, body: null });
    expect(await prisma.comment.findUniqueOrThrow({ where: { id: s.replyId } })).toMatchObject({
      parentId: s.ownCommentId,
      body: 'Une réponse.',
      deletedAt: null,
    });

    expect(await findEverywhere([s.user.email, s.user.displayName, s.word])).toEqual([]);
  });

  it('refuses a wrong password or confirmation and changes nothing', async () => {
    const s = await scenario();
    const prisma = factoryPrisma();
    const snapshot = async () => ({
      user: await prisma.user.findUniqueOrThrow({ where: { id: s.user.id } }),
      votes: await prisma.vote.count({ where: { userId: s.user.id } }),
      tokens: await prisma.refreshToken.count({ where: { userId: s.user.id } }),
    });
    const before = await snapshot();
    const wrong = await api.gql(
      DELETE,
      deleteInput(s, 'ERASE_CONTRIBUTIONS', { password: 'not the password' }),
      { token: s.token },
    );
    expect(firstError(wrong).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PASSWORD_INCORRECT',
    });
    const missing = await api.gql(
      DELETE,
      deleteInput(s, 'KEEP_CONTRIBUTIONS', { password: null }),
      {
        token: s.token,
      },
    );
    expect(firstError(missing).extensions?.reason).toBe('PASSWORD_INCORRECT');
    const unconfirmed = await api.gql(
      DELETE,
      deleteInput(s, 'KEEP_CONTRIBUTIONS', { confirmation: 'someone@else.org' }),
      { token: s.token },
    );
    expect(firstError(unconfirmed).extensions).toMatchObject({
      reason: 'INVALID_INPUT',
      fields: [expect.objectContaining({ field: 'confirmation' })],
    });
    expect(await snapshot()).toEqual(before);
    expect(
      firstError(await api.gql(DELETE, deleteInput(s, 'KEEP_CONTRIBUTIONS'))).extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses the last administrator and the last manager of an organisation', async () => {
    const prisma = factoryPrisma();
    // Every other administrator of the test database is demoted for this check, then restored.
    const admins = await prisma.user.findMany({ where: { role: 'ADMIN', deletedAt: null } });
    const admin = await createUser({ role: 'ADMIN' });
    await prisma.user.updateMany({
      where: { id: { in: admins.map((a) => a.id) } },
      data: { role: 'MODERATOR' },
    });
    try {
      const refused = await api.gql(
        DELETE,
        {
          input: {
            mode: 'KEEP_CONTRIBUTIONS',
            password: admin.password,
            confirmation: admin.email,
          },
        },
        { token: await api.tokenFor(admin), lang: 'en' },
      );
      expect(firstError(refused).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'LAST_ADMIN',
      });
      expect(firstError(refused).message).toContain('last administrator');
      expect(
        (await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).deletedAt,
      ).toBeNull();
    } finally {
      await prisma.user.updateMany({
        where: { id: { in: admins.map((a) => a.id) } },
        data: { role: 'ADMIN' },
      });
    }

    const manager = await createUser();
    const member = await createUser();
    const organisation = await createOrganisation({ memberIds: [manager.id, member.id] });
    await prisma.organisationMembership.update({
      where: { userId_organisationId: { userId: manager.id, organisationId: organisation.id } },
      data: { role: 'MANAGER' },
    });
    const lonely = await api.gql(
      DELETE,
      {
        input: {
          mode: 'ERASE_CONTRIBUTIONS',
          password: manager.password,
          confirmation: manager.email,
        },
      },
      { token: await api.tokenFor(manager) },
    );
    expect(firstError(lonely).extensions).toMatchObject({ reason: 'LAST_MANAGER' });
    expect(await prisma.organisationMembership.count({ where: { userId: manager.id } })).toBe(1);
  });

  it('deletes an account without a password (OpenID Connect only) on the e-mail confirmation', async () => {
    const user = await createUser();
    await factoryPrisma().user.update({ where: { id: user.id }, data: { passwordHash: null } });
    const result = await api.gql(
      DELETE,
      { input: { mode: 'KEEP_CONTRIBUTIONS', confirmation: user.email.toUpperCase() } },
      { token: await api.tokenFor(user) },
    );
    expect(result.errors).toBeUndefined();
    expect(
      (await factoryPrisma().user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt,
    ).not.toBeNull();
  });
});
