// GDPR rights and issue 11: the personal-data export holds the account's amendments, its votes on
// amendments, its co-authorships and what it wrote in others' proposals; deleting the account
// erases (or keeps, anonymous) its amendments, retracts its amendment votes with exact counters,
// and ends the co-author invitations only it cared about.
import {
  ANONYMOUS_DISPLAY_NAME,
  ERASED_PROPOSAL,
  ERASED_TEXT,
  type AccountDeletionMode,
} from '@passerelle/domain';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  uniqueKey,
} from '../factories';
import { findEverywhere } from '../security/support/personal-data';
import { dataOf, startTestApp, type TestApp } from './support/test-app';

type DiffPart = { kind: 'ADDED' | 'REMOVED' | 'SAME'; text: string };

const DELETE = `mutation ($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }`;

type AmendmentStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';

/** The world of one test: `user` is the account exported or deleted. */
interface Scenario {
  user: CreatedUser;
  author: CreatedUser;
  voter: CreatedUser;
  word: string;
  /** The author's proposal the user amended (revision 2 applies the user's accepted amendment). */
  amendedId: string;
  pendingId: string;
  rejectedId: string;
  acceptedId: string;
  /** The voter's amendment the user voted AGAINST. */
  votedId: string;
  /** The author's proposal the user co-authors (revision 2 by the user). */
  coAuthoredId: string;
  /** The voter's amendment the user accepted as a moderator (revision 2 of `decidedProposalId`). */
  decidedProposalId: string;
  /** The user's own proposal: the voter invited (pending), the author co-author (accepted). */
  ownId: string;
  invitedToId: string;
  declinedId: string;
}

describe('privacy of amendments and co-authorships', () => {
  let api: TestApp;
  let consultationId: string;

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const db = () => factoryPrisma();

  async function proposal(authorId: string) {
    return (await createProposal({ consultationId, authorId })).id;
  }

  async function revision(
    proposalId: string,
    version: number,
    editorId: string,
    text: string,
    amendmentId: string | null = null,
  ) {
    await db().proposalRevision.create({
      data: {
        proposalId,
        version,
        editorId,
        amendmentId,
        title: `Titre ${text}`,
        summary: `Résumé ${text}`,
        body: `Corps ${text}`,
        bodyHtml: `<p>Corps ${text}</p>`,
      },
    });
  }

  async function amendment(
    proposalId: string,
    authorId: string,
    status: AmendmentStatus,
    text: string,
    decision: { decidedById: string; reason?: string } | null = null,
  ) {
    const row = await db().amendment.create({
      data: {
        proposalId,
        authorId,
        baseVersion: 1,
        title: `Titre amendé ${text}`,
        summary: `Résumé amendé ${text}`,
        body: `Le texte amendé ${text} pour des cantines locales.`,
        reason: `Parce que ${text} rend la proposition plus claire.`,
        status,
        ...(decision
          ? {
              decidedAt: new Date(),
              decidedById: decision.decidedById,
              decisionReason: decision.reason ?? null,
            }
          : {}),
      },
    });
    return row.id;
  }

  async function scenario(): Promise<Scenario> {
    const word = uniqueKey('mot').replace(/[^a-z0-9]/gi, '');
    const user = await createUser({
      displayName: `Amendeuse ${word.slice(-6)}`,
      role: 'MODERATOR',
    });
    const author = await createUser({ displayName: `Autrice ${word.slice(-6)}` });
    const voter = await createUser({ displayName: `Votant ${word.slice(-6)}` });

    const amendedId = await proposal(author.id);
    await revision(amendedId, 1, author.id, 'initial');
    const pendingId = await amendment(amendedId, user.id, 'PENDING', `${word}-attente`);
    const rejectedId = await amendment(amendedId, user.id, 'REJECTED', `${word}-rejet`, {
      decidedById: author.id,
      reason: 'Hors du sujet de la proposition.',
    });
    const acceptedId = await amendment(amendedId, user.id, 'ACCEPTED', `${word}-accepte`, {
      decidedById: author.id,
    });
    await revision(amendedId, 2, author.id, `${word}-applique`, acceptedId);
    // The voter votes for the user's pending amendment; the user votes against the voter's.
    const votedId = await amendment(amendedId, voter.id, 'PENDING', 'du votant');
    await db().amendmentVote.create({
      data: { amendmentId: pendingId, userId: voter.id, value: 'FOR' },
    });
    await db().amendment.update({ where: { id: pendingId }, data: { votesFor: 1 } });
    await db().amendmentVote.create({
      data: { amendmentId: votedId, userId: user.id, value: 'AGAINST' },
    });
    await db().amendment.update({ where: { id: votedId }, data: { votesAgainst: 1 } });

    // The user co-authors one of the author's proposals and edited it.
    const coAuthoredId = await proposal(author.id);
    await revision(coAuthoredId, 1, author.id, 'initial');
    await revision(coAuthoredId, 2, user.id, `${word}-coecrit`);
    await db().proposalCoAuthor.create({
      data: {
        proposalId: coAuthoredId,
        userId: user.id,
        invitedById: author.id,
        status: 'ACCEPTED',
        answeredAt: new Date(),
      },
    });
    await db().notification.create({
      data: {
        userId: author.id,
        kind: 'COAUTHOR_ANSWERED',
        payload: {
          proposalId: coAuthoredId,
          title: 'Titre initial',
          proposalTitle: 'Titre initial',
          authorName: user.displayName,
          actorName: user.displayName,
          accepted: true,
        },
      },
    });
    // As a moderator, the user accepted the voter's amendment to someone else's proposal.
    const decidedProposalId = await proposal(author.id);
    await revision(decidedProposalId, 1, author.id, 'initial');
    const decidedId = await amendment(
      decidedProposalId,
      voter.id,
      'ACCEPTED',
      'du votant accepté',
      {
        decidedById: user.id,
        reason: 'Accepté par la modération.',
      },
    );
    await revision(decidedProposalId, 2, user.id, 'du votant appliqué', decidedId);

    // The user's own proposal: the voter invited, the author an accepted co-author.
    const ownId = await proposal(user.id);
    await db().proposalCoAuthor.createMany({
      data: [
        { proposalId: ownId, userId: voter.id, invitedById: user.id },
        {
          proposalId: ownId,
          userId: author.id,
          invitedById: user.id,
          status: 'ACCEPTED',
          answeredAt: new Date(),
        },
      ],
    });
    const ownTitle = (await db().proposal.findUniqueOrThrow({ where: { id: ownId } })).title;
    await db().notification.create({
      data: {
        userId: voter.id,
        kind: 'COAUTHOR_INVITED',
        payload: {
          proposalId: ownId,
          title: ownTitle,
          proposalTitle: ownTitle,
          authorName: user.displayName,
          actorName: user.displayName,
        },
      },
    });
    // Invitations the user received: one pending (it names the author), one declined.
    const invitedToId = await proposal(author.id);
    const declinedId = await proposal(voter.id);
    await db().proposalCoAuthor.createMany({
      data: [
        { proposalId: invitedToId, userId: user.id, invitedById: author.id },
        {
          proposalId: declinedId,
          userId: user.id,
          invitedById: voter.id,
          status: 'DECLINED',
          answeredAt: new Date(),
        },
      ],
    });
    await db().notification.create({
      data: {
        userId: user.id,
        kind: 'COAUTHOR_INVITED',
        payload: {
          proposalId: invitedToId,
          title: 'Une proposition',
          proposalTitle: 'Une proposition',
          authorName: author.displayName,
          actorName: author.displayName,
        },
      },
    });
    return {
      user,
      author,
      voter,
      word,
      amendedId,
      pendingId,
      rejectedId,
      acceptedId,
      votedId,
      coAuthoredId,
      decidedProposalId,
      ownId,
      invitedToId,
      declinedId,
    };
  }

  async function deleteAccount(s: Scenario, mode: AccountDeletionMode) {
    const token = await api.tokenFor(s.user);
    const result = await api.gql<{ deleteMyAccount: boolean }>(
      DELETE,
      { input: { mode, password: s.user.password, confirmation: s.user.email } },
      { token },
    );
    expect(dataOf(result).deleteMyAccount).toBe(true);
  }

  const amendmentRow = (id: string) => db().amendment.findUniqueOrThrow({ where: { id } });
  const revisionBody = async (proposalId: string, version: number) =>
    (
      await db().proposalRevision.findUniqueOrThrow({
        where: { proposalId_version: { proposalId, version } },
      })
    ).body;
  const coAuthorRows = (where: { proposalId?: string; userId?: string }) =>
    db().proposalCoAuthor.findMany({
      where,
      select: { proposalId: true, userId: true, status: true },
      orderBy: { invitedAt: 'asc' },
    });

  it('exports the amendments, amendment votes, co-authorships and co-written revisions', async () => {
    const s = await scenario();
    const token = await api.tokenFor(s.user);
    const response = await api.http.get('/api/me/export').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    const data = JSON.parse(response.text);

    const byId = new Map(
      (data.amendments as { id: string }[]).map((amendment) => [amendment.id, amendment]),
    );
    expect([...byId.keys()].sort()).toEqual([s.pendingId, s.rejectedId, s.acceptedId].sort());
    expect(byId.get(s.pendingId)).toMatchObject({
      proposalId: s.amendedId,
      status: 'PENDING',
      body: `Le texte amendé ${s.word}-attente pour des cantines locales.`,
      reason: `Parce que ${s.word}-attente rend la proposition plus claire.`,
      votesFor: 1,
      appliedVersion: null,
    });
    expect(byId.get(s.rejectedId)).toMatchObject({
      status: 'REJECTED',
      decisionReason: 'Hors du sujet de la proposition.',
    });
    expect(byId.get(s.acceptedId)).toMatchObject({ status: 'ACCEPTED', appliedVersion: 2 });
    expect(data.amendmentVotes).toEqual([
      expect.objectContaining({ amendmentId: s.votedId, value: 'AGAINST' }),
    ]);
    const coAuthorships = (data.coAuthorships as { proposalId: string; status: string }[])
      .map(({ proposalId, status }) => ({ proposalId, status }))
      .sort((a, b) => a.proposalId.localeCompare(b.proposalId));
    expect(coAuthorships).toEqual(
      [
        { proposalId: s.coAuthoredId, status: 'ACCEPTED' },
        { proposalId: s.invitedToId, status: 'INVITED' },
        { proposalId: s.declinedId, status: 'DECLINED' },
      ].sort((a, b) => a.proposalId.localeCompare(b.proposalId)),
    );
    expect(data.coAuthoredRevisions).toEqual([
      expect.objectContaining({
        proposalId: s.coAuthoredId,
        version: 2,
        body: `Corps ${s.word}-coecrit`,
      }),
    ]);
    // Nobody else is named: not the inviter of a notification, not the voter's amendment.
    expect(response.text).not.toContain(s.author.displayName);
    expect(response.text).not.toContain(s.voter.displayName);
    expect(response.text).not.toContain('du votant');
    expect(response.text).not.toContain(s.author.email);
  });

  it('ERASE_CONTRIBUTIONS erases the amendments, withdraws a pending one, retracts the votes', async () => {
    const s = await scenario();
    await deleteAccount(s, 'ERASE_CONTRIBUTIONS');

    const erased = {
      title: ERASED_PROPOSAL.title,
      summary: ERASED_PROPOSAL.summary,
      body: ERASED_PROPOSAL.body,
      reason: ERASED_TEXT,
      erasedAt: expect.any(Date),
    };
    expect(await amendmentRow(s.pendingId)).toMatchObject({
      ...erased,
      status: 'WITHDRAWN',
      votesFor: 1, // the voter's own vote stays
    });
    expect(await amendmentRow(s.rejectedId)).toMatchObject({
      ...erased,
      status: 'REJECTED',
      decisionReason: 'Hors du sujet de la proposition.',
    });
    expect(await amendmentRow(s.acceptedId)).toMatchObject({ ...erased, status: 'ACCEPTED' });
    // The user's vote is gone and the counter follows it.
    expect(await db().amendmentVote.count({ where: { userId: s.user.id } })).toBe(0);
    expect(await amendmentRow(s.votedId)).toMatchObject({
      votesAgainst: 0,
      erasedAt: null,
      body: 'Le texte amendé du votant pour des cantines locales.',
    });

    // Revisions: the one applying the user's amendment and the one the user co-wrote are erased;
    // the author's own and the one applying the voter's amendment (the user only decided) stay.
    expect(await revisionBody(s.amendedId, 2)).toBe(ERASED_TEXT);
    expect(await revisionBody(s.amendedId, 1)).toBe('Corps initial');
    expect(await revisionBody(s.coAuthoredId, 2)).toBe(ERASED_TEXT);
    expect(await revisionBody(s.coAuthoredId, 1)).toBe('Corps initial');
    expect(await revisionBody(s.decidedProposalId, 2)).toBe('Corps du votant appliqué');

    // Co-authorships: the accepted one stays as a credit; invitations and the erased proposal's
    // co-authors go.
    expect(await coAuthorRows({ userId: s.user.id })).toEqual([
      { proposalId: s.coAuthoredId, userId: s.user.id, status: 'ACCEPTED' },
    ]);
    expect(await coAuthorRows({ proposalId: s.ownId })).toEqual([]);

    // Others' notices lose the erased proposal's title and the user's name.
    const [invited] = await db().notification.findMany({
      where: { userId: s.voter.id, kind: 'COAUTHOR_INVITED' },
    });
    expect(invited.payload).toMatchObject({
      title: ERASED_PROPOSAL.title,
      proposalTitle: ERASED_PROPOSAL.title,
      authorName: ANONYMOUS_DISPLAY_NAME,
      actorName: ANONYMOUS_DISPLAY_NAME,
    });
    // The words of the amendments that were never applied remain nowhere.
    expect(await findEverywhere([`${s.word}-attente`, `${s.word}-rejet`])).toEqual([]);
  });

  it('diffs a pending amendment written on an erased co-author’s revision against the proposal’s texts', async () => {
    const s = await scenario();
    // The proposal now reads as the user's co-written revision 2; the voter amends its title.
    const current = {
      title: `Titre ${s.word}-coecrit`,
      summary: `Résumé ${s.word}-coecrit`,
      body: `Corps ${s.word}-coecrit`,
    };
    await db().proposal.update({ where: { id: s.coAuthoredId }, data: { ...current, version: 2 } });
    const pending = await db().amendment.create({
      data: {
        proposalId: s.coAuthoredId,
        authorId: s.voter.id,
        baseVersion: 2,
        ...current,
        title: `${current.title} et solidaire`,
        reason: 'Le titre doit dire la solidarité.',
      },
    });
    await deleteAccount(s, 'ERASE_CONTRIBUTIONS');
    expect(await revisionBody(s.coAuthoredId, 2)).toBe(ERASED_TEXT);

    const result = await api.gql<{
      proposal: {
        amendments: { id: string; diff: { changedFields: string[]; title: DiffPart[] } }[];
      };
    }>(
      `query ($id: ID!) { proposal(id: $id) { amendments { id diff { changedFields title { kind text } } } } }`,
      { id: s.coAuthoredId },
    );
    const diff = dataOf(result).proposal.amendments.find((a) => a.id === pending.id)?.diff;
    expect(diff?.changedFields).toEqual(['TITLE']);
    expect(
      diff?.title.filter((part) => part.kind !== 'SAME').map((part) => part.text.trim()),
    ).toEqual(['et solidaire']);
  });

  it('KEEP_CONTRIBUTIONS keeps the amendments and votes, anonymous, and ends the invitations', async () => {
    const s = await scenario();
    await deleteAccount(s, 'KEEP_CONTRIBUTIONS');

    expect(await amendmentRow(s.pendingId)).toMatchObject({
      status: 'PENDING',
      erasedAt: null,
      body: `Le texte amendé ${s.word}-attente pour des cantines locales.`,
    });
    expect(await amendmentRow(s.votedId)).toMatchObject({ votesAgainst: 1 });
    expect(await db().amendmentVote.count({ where: { userId: s.user.id } })).toBe(1);
    expect(await revisionBody(s.amendedId, 2)).toBe(`Corps ${s.word}-applique`);
    expect(await revisionBody(s.coAuthoredId, 2)).toBe(`Corps ${s.word}-coecrit`);

    // The invitations only the user cared about go; co-authorships stay (credits, and the
    // author's co-author keeps writing the anonymous proposal).
    expect(await coAuthorRows({ userId: s.user.id })).toEqual([
      { proposalId: s.coAuthoredId, userId: s.user.id, status: 'ACCEPTED' },
    ]);
    expect(await coAuthorRows({ proposalId: s.ownId })).toEqual([
      { proposalId: s.ownId, userId: s.author.id, status: 'ACCEPTED' },
    ]);
    const [answered] = await db().notification.findMany({
      where: { userId: s.author.id, kind: 'COAUTHOR_ANSWERED' },
    });
    expect(answered.payload).toMatchObject({
      authorName: ANONYMOUS_DISPLAY_NAME,
      actorName: ANONYMOUS_DISPLAY_NAME,
    });
    expect(await findEverywhere([s.user.displayName, s.user.email])).toEqual([]);
  });
});
