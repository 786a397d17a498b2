// Co-authoring a proposal (issue 11): invitations, answers, removals and what co-authors may do,
// over GraphQL against the real API and PostgreSQL. Each test creates its own accounts and
// proposal (factories), so nothing is shared between tests.
import { randomUUID } from 'node:crypto';
import { COAUTHORS_MAX } from '@passerelle/domain';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
  type ThemeRef,
} from '../factories';
import { countSqlStatements } from './support/sql-counter';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

const COAUTHOR_FIELDS = `id version canEdit viewerCanInviteCoAuthors viewerCoAuthorStatus
  coAuthors { id displayName }
  coAuthorInvitations { participant { id displayName } status invitedAt answeredAt }`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { ${COAUTHOR_FIELDS} } }`;
const INVITE = `mutation ($input: InviteCoAuthorInput!) { inviteCoAuthor(input: $input) { ${COAUTHOR_FIELDS} } }`;
const ANSWER = `mutation ($input: AnswerCoAuthorInvitationInput!) { answerCoAuthorInvitation(input: $input) { ${COAUTHOR_FIELDS} } }`;
const REMOVE = `mutation ($input: RemoveCoAuthorInput!) { removeCoAuthor(input: $input) { ${COAUTHOR_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateProposalInput!) { updateProposal(input: $input) {
  id version title revisions { version title editor { id } } } }`;
const WITHDRAW = `mutation ($input: WithdrawProposalInput!) { withdrawProposal(input: $input) { id status } }`;
const LIST = `query ($filter: ProposalFilter) { proposals(first: 50, filter: $filter) { edges { node {
  id canEdit viewerCoAuthorStatus viewerCanInviteCoAuthors coAuthors { id } coAuthorInvitations { status } } } } }`;

interface CoAuthorView {
  id: string;
  version: number;
  canEdit: boolean;
  viewerCanInviteCoAuthors: boolean;
  viewerCoAuthorStatus: 'INVITED' | 'ACCEPTED' | 'DECLINED' | null;
  coAuthors: { id: string; displayName: string }[];
  coAuthorInvitations: {
    participant: { id: string; displayName: string };
    status: string;
    invitedAt: string;
    answeredAt: string | null;
  }[];
}

describe('co-authors of a proposal', () => {
  let api: TestApp;
  let themes: ThemeRef[];

  beforeAll(async () => {
    api = await startTestApp();
    themes = await referenceThemes();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  interface Person extends CreatedUser {
    token: string;
  }

  async function person(displayName?: string): Promise<Person> {
    const user = await createUser(displayName ? { displayName } : {});
    return { ...user, token: await api.tokenFor(user) };
  }

  /** A public proposal of a fresh author, in a consultation open to proposals. */
  async function proposalOf(author?: Person, status: 'PUBLISHED' | 'UNDER_REVIEW' = 'PUBLISHED') {
    const owner = author ?? (await person());
    const consultation = await createConsultation();
    const proposal = await createProposal({
      consultationId: consultation.id,
      authorId: owner.id,
      status,
    });
    return { author: owner, proposalId: proposal.id, title: proposal.title, consultation };
  }

  const invite = (by: Person, proposalId: string, userId: string) =>
    api.gql<{ inviteCoAuthor: CoAuthorView }>(
      INVITE,
      { input: { proposalId, userId } },
      { token: by.token },
    );
  const answer = (by: Person, proposalId: string, accept: boolean) =>
    api.gql<{ answerCoAuthorInvitation: CoAuthorView }>(
      ANSWER,
      { input: { proposalId, accept } },
      { token: by.token },
    );
  const remove = (by: Person, proposalId: string, userId: string) =>
    api.gql<{ removeCoAuthor: CoAuthorView }>(
      REMOVE,
      { input: { proposalId, userId } },
      { token: by.token },
    );
  const read = async (proposalId: string, viewer?: Person) =>
    dataOf(
      await api.gql<{ proposal: CoAuthorView }>(
        PROPOSAL,
        { id: proposalId },
        viewer ? { token: viewer.token } : {},
      ),
    ).proposal;
  const edit = (by: Person, proposalId: string, expectedVersion: number, title: string) =>
    api.gql<{
      updateProposal: {
        version: number;
        title: string;
        revisions: { version: number; title: string; editor: { id: string } }[];
      };
    }>(
      UPDATE,
      {
        input: {
          proposalId,
          expectedVersion,
          title,
          summary: 'Approvisionner les cantines scolaires auprès des producteurs du territoire.',
          body: 'Un texte révisé à plusieurs mains, assez long pour être une proposition valide.',
          themeIds: [themes[0].id],
          territoryId: TERRITORIES.saintEtienne,
          competentLevel: 'COMMUNE',
          lever: 'PUBLIC_PROCUREMENT',
        },
      },
      { token: by.token },
    );

  function expectError(result: GqlResult<unknown>, code: string, reason: string) {
    expect(result.data ?? null).toBeNull();
    expect(firstError(result).extensions).toMatchObject({ code, reason });
  }

  const notificationsOf = (userId: string) =>
    factoryPrisma().notification.findMany({
      where: { userId },
      orderBy: { createdAt: 'asc' },
      select: { kind: true, payload: true },
    });

  /** An accepted co-author of the proposal, through the API. */
  async function coAuthorOf(author: Person, proposalId: string): Promise<Person> {
    const coAuthor = await person();
    dataOf(await invite(author, proposalId, coAuthor.id));
    dataOf(await answer(coAuthor, proposalId, true));
    return coAuthor;
  }

  describe('inviteCoAuthor', () => {
    it('invites an account: the invitee is told, the author sees the pending invitation', async () => {
      const author = await person('Awa Diallo');
      const { proposalId, title } = await proposalOf(author);
      const invitee = await person('Basile Morel');

      const invited = dataOf(await invite(author, proposalId, invitee.id)).inviteCoAuthor;
      expect(invited.coAuthors).toEqual([]);
      expect(invited.viewerCanInviteCoAuthors).toBe(true);
      expect(invited.coAuthorInvitations).toEqual([
        {
          participant: { id: invitee.id, displayName: 'Basile Morel' },
          status: 'INVITED',
          invitedAt: expect.any(String),
          answeredAt: null,
        },
      ]);

      expect(await notificationsOf(invitee.id)).toEqual([
        {
          kind: 'COAUTHOR_INVITED',
          payload: {
            proposalId,
            title,
            proposalTitle: title,
            authorName: 'Awa Diallo',
            actorName: 'Awa Diallo',
          },
        },
      ]);
      const seenByInvitee = await read(proposalId, invitee);
      expect(seenByInvitee.viewerCoAuthorStatus).toBe('INVITED');
      expect(seenByInvitee.canEdit).toBe(false);
      expect(seenByInvitee.viewerCanInviteCoAuthors).toBe(false);
    });

    it('shows the invitations to the author only: the invitee, others and visitors get []', async () => {
      const { author, proposalId } = await proposalOf();
      const invitee = await person();
      dataOf(await invite(author, proposalId, invitee.id));

      expect((await read(proposalId, author)).coAuthorInvitations).toHaveLength(1);
      expect((await read(proposalId, invitee)).coAuthorInvitations).toEqual([]);
      expect((await read(proposalId, await person())).coAuthorInvitations).toEqual([]);
      const anonymous = await read(proposalId);
      expect(anonymous.coAuthorInvitations).toEqual([]);
      expect(anonymous.viewerCoAuthorStatus).toBeNull();
      expect(anonymous.viewerCanInviteCoAuthors).toBe(false);
    });

    it('refuses a second invitation of a pending or accepted co-author, and the author themself', async () => {
      const { author, proposalId } = await proposalOf();
      const invitee = await person();
      dataOf(await invite(author, proposalId, invitee.id));
      expectError(await invite(author, proposalId, invitee.id), 'CONFLICT', 'COAUTHOR_ALREADY');
      dataOf(await answer(invitee, proposalId, true));
      expectError(await invite(author, proposalId, invitee.id), 'CONFLICT', 'COAUTHOR_ALREADY');
      expectError(await invite(author, proposalId, author.id), 'CONFLICT', 'COAUTHOR_ALREADY');
      expect(await notificationsOf(invitee.id)).toHaveLength(1);
    });

    it('refuses unknown, deleted and suspended accounts with USER_NOT_FOUND', async () => {
      const { author, proposalId } = await proposalOf();
      const deleted = await person();
      const suspended = await person();
      await factoryPrisma().user.update({
        where: { id: deleted.id },
        data: { deletedAt: new Date(), displayName: 'Compte supprimé' },
      });
      await factoryPrisma().user.update({
        where: { id: suspended.id },
        data: { suspendedAt: new Date(), suspendedUntil: null, suspensionReason: 'Insultes' },
      });
      for (const userId of [randomUUID(), deleted.id, suspended.id]) {
        expectError(await invite(author, proposalId, userId), 'NOT_FOUND', 'USER_NOT_FOUND');
      }
      const rows = await factoryPrisma().proposalCoAuthor.count({ where: { proposalId } });
      expect(rows).toBe(0);
    });

    it('lets only the author invite, while the proposal is editable', async () => {
      const { author, proposalId } = await proposalOf();
      const coAuthor = await coAuthorOf(author, proposalId);
      const stranger = await person();
      const target = await person();
      expectError(await invite(stranger, proposalId, target.id), 'FORBIDDEN', 'NOT_ALLOWED');
      expectError(await invite(coAuthor, proposalId, target.id), 'FORBIDDEN', 'NOT_ALLOWED');
      expect((await read(proposalId, coAuthor)).viewerCanInviteCoAuthors).toBe(false);
      const anonymous = await api.gql(INVITE, { input: { proposalId, userId: target.id } });
      expectError(anonymous, 'UNAUTHENTICATED', 'SIGN_IN_REQUIRED');

      const underReview = await proposalOf(author, 'UNDER_REVIEW');
      expectError(
        await invite(author, underReview.proposalId, target.id),
        'FORBIDDEN',
        'PROPOSAL_NOT_EDITABLE',
      );
      expect((await read(underReview.proposalId, author)).viewerCanInviteCoAuthors).toBe(false);
      expect(await factoryPrisma().proposalCoAuthor.count({ where: { userId: target.id } })).toBe(
        0,
      );
    });

    it('validates the input, naming the field', async () => {
      const { author, proposalId } = await proposalOf();
      const result = await invite(author, proposalId, 'pas-un-identifiant');
      expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
      expect(firstError(result).extensions?.fields?.map((field) => field.field)).toContain(
        'userId',
      );
    });

    it(`keeps at most ${COAUTHORS_MAX} co-authors and pending invitations; declined ones free their place`, async () => {
      const { author, proposalId } = await proposalOf();
      const people = await Promise.all(
        Array.from({ length: COAUTHORS_MAX + 1 }, () => createUser()),
      );
      // Half accepted, half pending: both take a place.
      await factoryPrisma().proposalCoAuthor.createMany({
        data: people.slice(0, COAUTHORS_MAX - 1).map((user, index) => ({
          proposalId,
          userId: user.id,
          invitedById: author.id,
          status: index % 2 === 0 ? ('ACCEPTED' as const) : ('INVITED' as const),
          answeredAt: index % 2 === 0 ? new Date() : null,
        })),
      });
      const last = people[COAUTHORS_MAX - 1];
      const extra = people[COAUTHORS_MAX];
      dataOf(await invite(author, proposalId, last.id));
      expectError(await invite(author, proposalId, extra.id), 'CONFLICT', 'COAUTHOR_LIMIT');

      await factoryPrisma().proposalCoAuthor.update({
        where: { proposalId_userId: { proposalId, userId: last.id } },
        data: { status: 'DECLINED', answeredAt: new Date() },
      });
      dataOf(await invite(author, proposalId, extra.id));
      // The one who declined may not be invited again while the proposal is full.
      expectError(await invite(author, proposalId, last.id), 'CONFLICT', 'COAUTHOR_LIMIT');
    });

    it('lets only one of two concurrent invitations take the last place', async () => {
      const { author, proposalId } = await proposalOf();
      const people = await Promise.all(Array.from({ length: COAUTHORS_MAX + 1 }, () => person()));
      await factoryPrisma().proposalCoAuthor.createMany({
        data: people.slice(0, COAUTHORS_MAX - 1).map((user) => ({
          proposalId,
          userId: user.id,
          invitedById: author.id,
        })),
      });
      const results = await Promise.all([
        invite(author, proposalId, people[COAUTHORS_MAX - 1].id),
        invite(author, proposalId, people[COAUTHORS_MAX].id),
      ]);
      const reasons = results.map((result) => result.errors?.[0]?.extensions?.reason ?? 'ok');
      expect(reasons.sort()).toEqual(['COAUTHOR_LIMIT', 'ok']);
      expect(await factoryPrisma().proposalCoAuthor.count({ where: { proposalId } })).toBe(
        COAUTHORS_MAX,
      );
    });
  });

  describe('answerCoAuthorInvitation', () => {
    it('accepts: the invitee becomes a co-author who may edit, and the author is told', async () => {
      const author = await person();
      const { proposalId, title } = await proposalOf(author);
      const invitee = await person('Chloé Bernard');
      dataOf(await invite(author, proposalId, invitee.id));

      const accepted = dataOf(await answer(invitee, proposalId, true)).answerCoAuthorInvitation;
      expect(accepted.viewerCoAuthorStatus).toBe('ACCEPTED');
      expect(accepted.canEdit).toBe(true);
      expect(accepted.coAuthors).toEqual([{ id: invitee.id, displayName: 'Chloé Bernard' }]);

      const row = await factoryPrisma().proposalCoAuthor.findUniqueOrThrow({
        where: { proposalId_userId: { proposalId, userId: invitee.id } },
      });
      expect(row.status).toBe('ACCEPTED');
      expect(row.answeredAt).toBeInstanceOf(Date);
      expect(await notificationsOf(author.id)).toEqual([
        {
          kind: 'COAUTHOR_ANSWERED',
          payload: {
            proposalId,
            title,
            proposalTitle: title,
            authorName: 'Chloé Bernard',
            actorName: 'Chloé Bernard',
            accepted: true,
          },
        },
      ]);
      // Accepted co-authors are public; the author's list of invitations no longer holds them.
      expect((await read(proposalId)).coAuthors.map((user) => user.id)).toEqual([invitee.id]);
      expect((await read(proposalId, author)).coAuthorInvitations).toEqual([]);
    });

    it('declines: no co-author, the author is told and sees the declined invitation', async () => {
      const { author, proposalId } = await proposalOf();
      const invitee = await person();
      dataOf(await invite(author, proposalId, invitee.id));
      const declined = dataOf(await answer(invitee, proposalId, false)).answerCoAuthorInvitation;
      expect(declined.viewerCoAuthorStatus).toBe('DECLINED');
      expect(declined.canEdit).toBe(false);
      expect(declined.coAuthors).toEqual([]);

      const [notice] = await notificationsOf(author.id);
      expect(notice).toMatchObject({ kind: 'COAUTHOR_ANSWERED', payload: { accepted: false } });
      const seen = await read(proposalId, author);
      expect(seen.coAuthorInvitations).toEqual([
        expect.objectContaining({ status: 'DECLINED', answeredAt: expect.any(String) }),
      ]);
    });

    it('invites again someone who declined: pending once more, told again', async () => {
      const { author, proposalId } = await proposalOf();
      const invitee = await person();
      dataOf(await invite(author, proposalId, invitee.id));
      dataOf(await answer(invitee, proposalId, false));

      const again = dataOf(await invite(author, proposalId, invitee.id)).inviteCoAuthor;
      expect(again.coAuthorInvitations).toEqual([
        expect.objectContaining({ status: 'INVITED', answeredAt: null }),
      ]);
      const kinds = (await notificationsOf(invitee.id)).map((notice) => notice.kind);
      expect(kinds).toEqual(['COAUTHOR_INVITED', 'COAUTHOR_INVITED']);
      dataOf(await answer(invitee, proposalId, true));
      expect((await read(proposalId, invitee)).viewerCoAuthorStatus).toBe('ACCEPTED');
    });

    it('lets only the invitee answer, once', async () => {
      const { author, proposalId } = await proposalOf();
      const invitee = await person();
      const stranger = await person();
      dataOf(await invite(author, proposalId, invitee.id));

      for (const someone of [stranger, author]) {
        expectError(
          await answer(someone, proposalId, true),
          'NOT_FOUND',
          'COAUTHOR_INVITATION_NOT_FOUND',
        );
      }
      expect((await read(proposalId)).coAuthors).toEqual([]);
      dataOf(await answer(invitee, proposalId, false));
      expectError(
        await answer(invitee, proposalId, true),
        'NOT_FOUND',
        'COAUTHOR_INVITATION_NOT_FOUND',
      );
      expectError(await answer(invitee, randomUUID(), true), 'NOT_FOUND', 'PROPOSAL_NOT_FOUND');
      expect((await read(proposalId, invitee)).viewerCoAuthorStatus).toBe('DECLINED');
    });

    it('keeps a proposal hidden by moderation out of reach: no answer, no leaving, nothing written', async () => {
      const { author, proposalId } = await proposalOf();
      const invitee = await person();
      const coAuthor = await coAuthorOf(author, proposalId);
      dataOf(await invite(author, proposalId, invitee.id));
      await factoryPrisma().proposal.update({
        where: { id: proposalId },
        data: { hiddenAt: new Date() },
      });

      // Both answers return the proposal: they would show its hidden text.
      expectError(await answer(invitee, proposalId, true), 'NOT_FOUND', 'PROPOSAL_NOT_FOUND');
      expectError(
        await remove(coAuthor, proposalId, coAuthor.id),
        'NOT_FOUND',
        'PROPOSAL_NOT_FOUND',
      );
      expect(
        await factoryPrisma().proposalCoAuthor.findMany({
          where: { proposalId },
          orderBy: { userId: 'asc' },
          select: { userId: true, status: true },
        }),
      ).toEqual(
        [
          { userId: coAuthor.id, status: 'ACCEPTED' },
          { userId: invitee.id, status: 'INVITED' },
        ].sort((a, b) => (a.userId < b.userId ? -1 : 1)),
      );
    });

    it('lists co-authors in order of acceptance', async () => {
      const { author, proposalId } = await proposalOf();
      const [first, second, third] = await Promise.all([person(), person(), person()]);
      for (const invitee of [first, second, third]) {
        dataOf(await invite(author, proposalId, invitee.id));
      }
      for (const invitee of [third, first, second]) {
        dataOf(await answer(invitee, proposalId, true));
      }
      expect((await read(proposalId)).coAuthors.map((user) => user.id)).toEqual([
        third.id,
        first.id,
        second.id,
      ]);
    });
  });

  describe('what co-authors may do', () => {
    it('an accepted co-author edits the proposal: the revision names them as its editor', async () => {
      const { author, proposalId } = await proposalOf();
      const coAuthor = await coAuthorOf(author, proposalId);
      const result = dataOf(
        await edit(coAuthor, proposalId, 1, 'Des cantines locales, écrites à plusieurs mains'),
      ).updateProposal;
      expect(result.version).toBe(2);
      expect(result.title).toBe('Des cantines locales, écrites à plusieurs mains');
      expect(result.revisions[0]).toEqual({
        version: 2,
        title: 'Des cantines locales, écrites à plusieurs mains',
        editor: { id: coAuthor.id },
      });
      // The author still edits, and their revision is theirs.
      const next = dataOf(await edit(author, proposalId, 2, 'Des cantines locales et bio'));
      expect(next.updateProposal.revisions[0].editor.id).toBe(author.id);
    });

    it('a merely invited or declined person cannot edit (NOT_ALLOWED)', async () => {
      const { author, proposalId } = await proposalOf();
      const invited = await person();
      const declined = await person();
      dataOf(await invite(author, proposalId, invited.id));
      dataOf(await invite(author, proposalId, declined.id));
      dataOf(await answer(declined, proposalId, false));
      for (const someone of [invited, declined, await person()]) {
        expectError(
          await edit(someone, proposalId, 1, 'Une modification non autorisée du titre'),
          'FORBIDDEN',
          'NOT_ALLOWED',
        );
      }
      const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposalId } });
      expect(row.version).toBe(1);
    });

    it('a co-author cannot withdraw the proposal', async () => {
      const { author, proposalId } = await proposalOf();
      const coAuthor = await coAuthorOf(author, proposalId);
      const result = await api.gql(WITHDRAW, { input: { proposalId } }, { token: coAuthor.token });
      expectError(result, 'FORBIDDEN', 'NOT_ALLOWED');
      const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposalId } });
      expect(row.status).toBe('PUBLISHED');
    });

    it('a co-author neither decides amendments nor proposes one (they edit directly)', async () => {
      const { author, proposalId } = await proposalOf();
      const coAuthor = await coAuthorOf(author, proposalId);
      const amender = await createUser();
      const amendment = await factoryPrisma().amendment.create({
        data: {
          proposalId,
          authorId: amender.id,
          baseVersion: 1,
          title: 'Des cantines locales pour chaque commune volontaire',
          summary: 'Un résumé de proposition assez long pour être valide.',
          body: 'Un corps de proposition amendé, assez long pour être une proposition valide.',
          reason: 'Parce que les communes doivent rester libres de leur choix.',
        },
      });
      for (const mutation of ['acceptAmendment', 'rejectAmendment']) {
        const decided = await api.gql(
          `mutation ($input: DecideAmendmentInput!) { ${mutation}(input: $input) { id status } }`,
          { input: { amendmentId: amendment.id, expectedVersion: 1, reason: 'Je décide seul.' } },
          { token: coAuthor.token },
        );
        expectError(decided, 'FORBIDDEN', 'NOT_ALLOWED');
      }
      const row = await factoryPrisma().amendment.findUniqueOrThrow({
        where: { id: amendment.id },
      });
      expect(row.status).toBe('PENDING');

      const proposed = await api.gql(
        `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { id } }`,
        {
          input: {
            proposalId,
            title: 'Un titre amendé par une co-autrice',
            summary: 'Un résumé de proposition assez long pour être valide.',
            body: 'Un corps amendé par une co-autrice, assez long pour être valide.',
            reason: 'Une co-autrice devrait plutôt modifier le texte directement.',
          },
        },
        { token: coAuthor.token },
      );
      expect(firstError(proposed).extensions?.reason).toBe('OWN_PROPOSAL_AMENDMENT');
    });

    it('a co-author of a proposal under review cannot edit it any more', async () => {
      const { author, proposalId } = await proposalOf();
      const coAuthor = await coAuthorOf(author, proposalId);
      await factoryPrisma().proposal.update({
        where: { id: proposalId },
        data: { status: 'UNDER_REVIEW' },
      });
      expect((await read(proposalId, coAuthor)).canEdit).toBe(false);
      expectError(
        await edit(coAuthor, proposalId, 1, 'Une modification pendant l’examen'),
        'FORBIDDEN',
        'PROPOSAL_NOT_EDITABLE',
      );
    });
  });

  describe('drafts written together before publishing', () => {
    const NOTICE_PROPOSAL = `query { myNotifications(first: 10) { edges { node { kind proposal { id status } } } } }`;
    const status = async (proposalId: string, viewer?: Person) => {
      const result = await api.gql<{ proposal: { status: string } }>(
        `query ($id: ID!) { proposal(id: $id) { status } }`,
        { id: proposalId },
        viewer ? { token: viewer.token } : {},
      );
      return result.data?.proposal.status ?? firstError(result).extensions?.reason;
    };

    /** A draft of a fresh author: nobody but them has read it until now. */
    async function draftOf() {
      const author = await person();
      const consultation = await createConsultation();
      const { id } = await createProposal({
        consultationId: consultation.id,
        authorId: author.id,
        status: 'DRAFT',
      });
      return { author, proposalId: id };
    }

    it('opens the draft to the invitee, who reads it, answers and co-writes it; not to others', async () => {
      const { author, proposalId } = await draftOf();
      const invitee = await person();
      const stranger = await person();
      expect(await status(proposalId, invitee)).toBe('PROPOSAL_NOT_FOUND');
      dataOf(await invite(author, proposalId, invitee.id));

      // The invitation's notice leads to the draft, which the invitee reads before answering.
      const notices = dataOf(
        await api.gql<{
          myNotifications: {
            edges: { node: { kind: string; proposal: { id: string; status: string } | null } }[];
          };
        }>(NOTICE_PROPOSAL, {}, { token: invitee.token }),
      ).myNotifications.edges.map((edge) => edge.node);
      expect(notices).toContainEqual({
        kind: 'COAUTHOR_INVITED',
        proposal: { id: proposalId, status: 'DRAFT' },
      });
      expect(await read(proposalId, invitee)).toMatchObject({
        viewerCoAuthorStatus: 'INVITED',
        canEdit: false,
      });
      expect(await status(proposalId, stranger)).toBe('PROPOSAL_NOT_FOUND');
      expect(await status(proposalId)).toBe('PROPOSAL_NOT_FOUND');

      const accepted = dataOf(await answer(invitee, proposalId, true)).answerCoAuthorInvitation;
      expect(accepted).toMatchObject({ viewerCoAuthorStatus: 'ACCEPTED', canEdit: true });
      const edited = dataOf(
        await edit(invitee, proposalId, 1, 'Une épicerie coopérative écrite à deux'),
      ).updateProposal;
      expect(edited.revisions[0]).toMatchObject({ version: 2, editor: { id: invitee.id } });
      expect(await status(proposalId, invitee)).toBe('DRAFT');
      // Still a draft: the public and other participants do not see it.
      expect(await status(proposalId, stranger)).toBe('PROPOSAL_NOT_FOUND');
    });

    it('closes the draft again to an invitee who declines and to a removed co-author', async () => {
      const { author, proposalId } = await draftOf();
      const declining = await person();
      dataOf(await invite(author, proposalId, declining.id));
      dataOf(await answer(declining, proposalId, false));
      expect(await status(proposalId, declining)).toBe('PROPOSAL_NOT_FOUND');
      expectError(
        await edit(declining, proposalId, 1, 'Une modification sans invitation'),
        'NOT_FOUND',
        'PROPOSAL_NOT_FOUND',
      );

      const coAuthor = await coAuthorOf(author, proposalId);
      expect(await status(proposalId, coAuthor)).toBe('DRAFT');
      dataOf(await remove(author, proposalId, coAuthor.id));
      expect(await status(proposalId, coAuthor)).toBe('PROPOSAL_NOT_FOUND');
    });
  });

  describe('removeCoAuthor', () => {
    it('the author removes a co-author, who can no longer edit', async () => {
      const { author, proposalId } = await proposalOf();
      const coAuthor = await coAuthorOf(author, proposalId);
      const removed = dataOf(await remove(author, proposalId, coAuthor.id)).removeCoAuthor;
      expect(removed.coAuthors).toEqual([]);
      expect((await read(proposalId, coAuthor)).viewerCoAuthorStatus).toBeNull();
      expectError(
        await edit(coAuthor, proposalId, 1, 'Une modification après le départ'),
        'FORBIDDEN',
        'NOT_ALLOWED',
      );
    });

    it('the author withdraws a pending invitation, which can no longer be accepted', async () => {
      const { author, proposalId } = await proposalOf();
      const invitee = await person();
      dataOf(await invite(author, proposalId, invitee.id));
      dataOf(await remove(author, proposalId, invitee.id));
      expect((await read(proposalId, author)).coAuthorInvitations).toEqual([]);
      expectError(
        await answer(invitee, proposalId, true),
        'NOT_FOUND',
        'COAUTHOR_INVITATION_NOT_FOUND',
      );
    });

    it('a co-author leaves; they cannot remove another co-author', async () => {
      const { author, proposalId } = await proposalOf();
      const leaving = await coAuthorOf(author, proposalId);
      const staying = await coAuthorOf(author, proposalId);
      expectError(await remove(leaving, proposalId, staying.id), 'FORBIDDEN', 'NOT_ALLOWED');
      const left = dataOf(await remove(leaving, proposalId, leaving.id)).removeCoAuthor;
      expect(left.viewerCoAuthorStatus).toBeNull();
      expect(left.canEdit).toBe(false);
      expect(left.coAuthors.map((user) => user.id)).toEqual([staying.id]);
    });

    it('refuses strangers (NOT_ALLOWED) and unknown co-authors (COAUTHOR_NOT_FOUND)', async () => {
      const { author, proposalId } = await proposalOf();
      const coAuthor = await coAuthorOf(author, proposalId);
      const stranger = await person();
      expectError(await remove(stranger, proposalId, coAuthor.id), 'FORBIDDEN', 'NOT_ALLOWED');
      expectError(await remove(author, proposalId, stranger.id), 'NOT_FOUND', 'COAUTHOR_NOT_FOUND');
      expectError(
        await remove(stranger, proposalId, stranger.id),
        'NOT_FOUND',
        'COAUTHOR_NOT_FOUND',
      );
      expect((await read(proposalId)).coAuthors.map((user) => user.id)).toEqual([coAuthor.id]);
    });
  });

  describe('batching', () => {
    it('reads the co-author fields of a whole list in a fixed number of statements', async () => {
      const viewer = await person();
      const consultation = await createConsultation();
      const count = async () => {
        const { result, statements } = await countSqlStatements(() =>
          api.gql<{
            proposals: {
              edges: {
                node: {
                  id: string;
                  canEdit: boolean;
                  viewerCoAuthorStatus: string | null;
                  coAuthors: { id: string }[];
                };
              }[];
            };
          }>(LIST, { filter: { consultationId: consultation.id } }, { token: viewer.token }),
        );
        return { nodes: dataOf(result).proposals.edges.map((edge) => edge.node), statements };
      };
      const addProposal = async () => {
        const author = await createUser();
        const { id } = await createProposal({
          consultationId: consultation.id,
          authorId: author.id,
        });
        await factoryPrisma().proposalCoAuthor.create({
          data: {
            proposalId: id,
            userId: viewer.id,
            invitedById: author.id,
            status: 'ACCEPTED',
            answeredAt: new Date(),
          },
        });
        return id;
      };

      await addProposal();
      await addProposal();
      const small = await count();
      expect(small.nodes).toHaveLength(2);
      for (let i = 0; i < 6; i += 1) await addProposal();
      const large = await count();
      expect(large.nodes).toHaveLength(8);
      expect(large.nodes.every((node) => node.canEdit)).toBe(true);
      expect(large.nodes.every((node) => node.viewerCoAuthorStatus === 'ACCEPTED')).toBe(true);
      expect(large.nodes.every((node) => node.coAuthors[0]?.id === viewer.id)).toBe(true);
      expect(large.statements).toHaveLength(small.statements.length);
    });
  });
});
