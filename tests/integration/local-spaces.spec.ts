import {
  closeFactories,
  createConsultation,
  createOrganisation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
  type ThemeRef,
  uniqueKey,
} from '../factories';
import { AUDIT_LOG, DISMISS, HIDE, QUEUE, REPORT, RESTORE, signedIn } from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';
import { SUSPEND } from './support/trust';

const SCOPE_FIELDS = `id scope territory { id } organisation { id name } moderators { id }`;
const CREATE = `mutation ($input: CreateConsultationInput!) { createConsultation(input: $input) { ${SCOPE_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateConsultationInput!) { updateConsultation(input: $input) { ${SCOPE_FIELDS} } }`;
const BY_SLUG = `query ($slug: String!) { consultation(slug: $slug) { ${SCOPE_FIELDS} } }`;
const ADD = `mutation ($input: ConsultationModeratorInput!) { addConsultationModerator(input: $input) { id moderators { id } } }`;
const REMOVE = `mutation ($input: ConsultationModeratorInput!) { removeConsultationModerator(input: $input) { id moderators { id } } }`;
const MINE = `query { myModeratedConsultations { id scope } }`;

type ScopeView = {
  id: string;
  scope: 'NATIONAL' | 'LOCAL';
  territory: { id: string } | null;
  organisation: { id: string; name: string } | null;
  moderators: { id: string }[];
};
type QueueData = {
  moderationQueue: {
    totalCount: number;
    edges: { node: { targetType: string; targetId: string } }[];
  };
};

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('local spaces: scope, local moderators and scoped moderation', () => {
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

  const tokenOf = (user: CreatedUser) => api.tokenFor(user);
  const auditOf = (targetId: string, action: string) =>
    factoryPrisma().auditLogEntry.findMany({ where: { targetId, action } });

  /** Two consultations, each with a reported proposal and a reported comment; a local moderator of the first. */
  async function twoSpaces() {
    const organisation = await createOrganisation({ actorType: 'PTCE' });
    const local = await createConsultation({ territoryId: TERRITORIES.saintEtienne });
    await factoryPrisma().consultation.update({
      where: { id: local.id },
      data: { organisationId: organisation.id },
    });
    const other = await createConsultation();
    const author = await createUser();
    const reporter = await createUser();
    const reporterToken = await tokenOf(reporter);
    const contentOf = async (consultationId: string) => {
      const proposal = await createProposal({ consultationId, authorId: author.id });
      const comment = await factoryPrisma().comment.create({
        data: {
          proposalId: proposal.id,
          authorId: author.id,
          body: 'Un commentaire désobligeant',
          bodyHtml: '<p>Un commentaire désobligeant</p>',
        },
      });
      for (const [targetType, targetId] of [
        ['PROPOSAL', proposal.id],
        ['COMMENT', comment.id],
      ]) {
        dataOf(
          await api.gql(
            REPORT,
            { input: { targetType, targetId, reason: 'SPAM' } },
            { token: reporterToken },
          ),
        );
      }
      return { proposalId: proposal.id, commentId: comment.id };
    };
    const mine = await contentOf(local.id);
    const theirs = await contentOf(other.id);
    const moderator = await createUser();
    await factoryPrisma().consultationModerator.create({
      data: { consultationId: local.id, userId: moderator.id },
    });
    return {
      organisation,
      local,
      other,
      author,
      mine,
      theirs,
      moderator,
      token: await tokenOf(moderator),
    };
  }

  const decision = (targetType: string, targetId: string, reason = 'Contenu hors charte') => ({
    input: { targetType, targetId, reason },
  });

  describe('scope and carrying organisation', () => {
    const input = (overrides: Record<string, unknown>) => ({
      slug: uniqueKey('espace')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      title: 'Espace local du PTCE',
      description: 'Une consultation locale portée par un pôle territorial de coopération.',
      themeIds: [themes[0].id],
      phases: [{ kind: 'PROPOSING', startsAt: '2027-01-01T00:00:00.000Z', endsAt: null }],
      ...overrides,
    });

    it('computes NATIONAL without territory nor organisation, LOCAL otherwise', async () => {
      const token = await tokenOf(await createUser({ role: 'ADMIN' }));
      const organisation = await createOrganisation({ actorType: 'PTCE' });
      const national = dataOf(
        await api.gql<{ createConsultation: ScopeView }>(CREATE, { input: input({}) }, { token }),
      );
      expect(national.createConsultation).toMatchObject({
        scope: 'NATIONAL',
        organisation: null,
        territory: null,
      });
      const territorial = dataOf(
        await api.gql<{ createConsultation: ScopeView }>(
          CREATE,
          { input: input({ territoryId: TERRITORIES.saintEtienne }) },
          { token },
        ),
      );
      expect(territorial.createConsultation.scope).toBe('LOCAL');
      const carried = dataOf(
        await api.gql<{ createConsultation: ScopeView }>(
          CREATE,
          { input: input({ organisationId: organisation.id }) },
          { token },
        ),
      );
      expect(carried.createConsultation).toMatchObject({
        scope: 'LOCAL',
        organisation: { id: organisation.id, name: organisation.name },
      });
      const [created] = await auditOf(carried.createConsultation.id, 'CREATE_CONSULTATION');
      expect(created.metadata).toMatchObject({ organisationId: organisation.id });

      // An explicit null removes the organisation: national again, and the audit says so.
      const updated = dataOf(
        await api.gql<{ updateConsultation: ScopeView }>(
          UPDATE,
          { input: { consultationId: carried.createConsultation.id, organisationId: null } },
          { token },
        ),
      );
      expect(updated.updateConsultation).toMatchObject({ scope: 'NATIONAL', organisation: null });
      const [edit] = await auditOf(carried.createConsultation.id, 'UPDATE_CONSULTATION');
      expect(edit.metadata).toMatchObject({
        changed: ['organisationId'],
        organisationId: { from: organisation.id, to: null },
      });
    });

    it('refuses an unknown or malformed organisationId, naming the field', async () => {
      const token = await tokenOf(await createUser({ role: 'ADMIN' }));
      const unknown = await api.gql(
        CREATE,
        { input: input({ organisationId: NIL_UUID }) },
        { token },
      );
      expect(firstError(unknown).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'organisationId', rule: 'exists' })],
      });
      const malformed = await api.gql(
        CREATE,
        { input: input({ organisationId: 'ptce' }) },
        { token },
      );
      expect(firstError(malformed).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'organisationId' })],
      });
      const existing = await createConsultation();
      const onUpdate = await api.gql(
        UPDATE,
        { input: { consultationId: existing.id, organisationId: NIL_UUID } },
        { token },
      );
      expect(firstError(onUpdate).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'organisationId', rule: 'exists' })],
      });
      const row = await factoryPrisma().consultation.findUniqueOrThrow({
        where: { id: existing.id },
      });
      expect(row.organisationId).toBeNull();
    });
  });

  describe('adding and removing local moderators', () => {
    it('administrators add and remove, idempotently, with one audit entry per change', async () => {
      const admin = await tokenOf(await createUser({ role: 'ADMIN' }));
      const consultation = await createConsultation();
      const user = await createUser();
      const input = { consultationId: consultation.id, userId: user.id };

      for (let i = 0; i < 2; i += 1) {
        const added = dataOf(
          await api.gql<{ addConsultationModerator: { moderators: { id: string }[] } }>(
            ADD,
            { input },
            { token: admin },
          ),
        );
        expect(added.addConsultationModerator.moderators).toEqual([{ id: user.id }]);
      }
      expect(await auditOf(consultation.id, 'ADD_CONSULTATION_MODERATOR')).toEqual([
        expect.objectContaining({ metadata: { userId: user.id } }),
      ]);

      for (let i = 0; i < 2; i += 1) {
        const removed = dataOf(
          await api.gql<{ removeConsultationModerator: { moderators: { id: string }[] } }>(
            REMOVE,
            { input },
            { token: admin },
          ),
        );
        expect(removed.removeConsultationModerator.moderators).toEqual([]);
      }
      expect(await auditOf(consultation.id, 'REMOVE_CONSULTATION_MODERATOR')).toHaveLength(1);
      expect(
        await factoryPrisma().consultationModerator.count({
          where: { consultationId: consultation.id },
        }),
      ).toBe(0);
    });

    it.each([
      ['an anonymous visitor', null, 'UNAUTHENTICATED'],
      ['a participant', 'PARTICIPANT', 'FORBIDDEN'],
      ['a platform moderator', 'MODERATOR', 'FORBIDDEN'],
      ['a curator', 'CURATOR', 'FORBIDDEN'],
      ['a local moderator', 'LOCAL', 'FORBIDDEN'],
    ] as const)('refuses %s, changing nothing', async (_label, role, code) => {
      const consultation = await createConsultation();
      const target = await createUser();
      let token: string | undefined;
      if (role === 'LOCAL') {
        const local = await createUser();
        await factoryPrisma().consultationModerator.create({
          data: { consultationId: consultation.id, userId: local.id },
        });
        token = await tokenOf(local);
      } else if (role) {
        token = (await signedIn(api, role)).token;
      }
      const input = { consultationId: consultation.id, userId: target.id };
      for (const operation of [ADD, REMOVE]) {
        expect(firstError(await api.gql(operation, { input }, { token })).extensions?.code).toBe(
          code,
        );
      }
      expect(
        await factoryPrisma().consultationModerator.count({ where: { userId: target.id } }),
      ).toBe(0);
    });

    it('answers NOT_FOUND for an unknown consultation or account, BAD_USER_INPUT for a malformed id', async () => {
      const token = await tokenOf(await createUser({ role: 'ADMIN' }));
      const consultation = await createConsultation();
      const user = await createUser();
      const unknownConsultation = await api.gql(
        ADD,
        { input: { consultationId: NIL_UUID, userId: user.id } },
        { token },
      );
      expect(firstError(unknownConsultation).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'CONSULTATION_NOT_FOUND',
      });
      const unknownUser = await api.gql(
        ADD,
        { input: { consultationId: consultation.id, userId: NIL_UUID } },
        { token },
      );
      expect(firstError(unknownUser).extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'USER_NOT_FOUND',
      });
      const malformed = await api.gql(
        ADD,
        { input: { consultationId: 'x', userId: user.id } },
        { token },
      );
      expect(firstError(malformed).extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('who sees the moderators and what they moderate', () => {
    it('shows the list to administrators, platform moderators and that space’s moderators; empty to others', async () => {
      const spaces = await twoSpaces();
      const slugOf = async (id: string) =>
        (await factoryPrisma().consultation.findUniqueOrThrow({ where: { id } })).slug;
      const localSlug = await slugOf(spaces.local.id);
      const otherLocal = await createUser();
      await factoryPrisma().consultationModerator.create({
        data: { consultationId: spaces.other.id, userId: otherLocal.id },
      });
      const viewers: [string, string | undefined, number][] = [
        ['admin', (await signedIn(api, 'ADMIN')).token, 1],
        ['moderator', (await signedIn(api, 'MODERATOR')).token, 1],
        ['local', spaces.token, 1],
        ['other local', await tokenOf(otherLocal), 0],
        ['participant', (await signedIn(api, 'PARTICIPANT')).token, 0],
        ['anonymous', undefined, 0],
      ];
      for (const [label, token, count] of viewers) {
        const data = dataOf(
          await api.gql<{ consultation: ScopeView }>(BY_SLUG, { slug: localSlug }, { token }),
        );
        expect([label, data.consultation.moderators.length]).toEqual([label, count]);
        expect(data.consultation).toMatchObject({
          scope: 'LOCAL',
          organisation: { id: spaces.organisation.id },
          territory: { id: TERRITORIES.saintEtienne },
        });
      }
    });

    it('myModeratedConsultations lists a local moderator’s spaces only', async () => {
      const spaces = await twoSpaces();
      const mine = dataOf(
        await api.gql<{ myModeratedConsultations: { id: string; scope: string }[] }>(
          MINE,
          {},
          { token: spaces.token },
        ),
      );
      expect(mine.myModeratedConsultations).toEqual([{ id: spaces.local.id, scope: 'LOCAL' }]);
      const participant = (await signedIn(api, 'PARTICIPANT')).token;
      expect(
        dataOf(
          await api.gql<{ myModeratedConsultations: unknown[] }>(MINE, {}, { token: participant }),
        ).myModeratedConsultations,
      ).toEqual([]);
      expect(
        dataOf(await api.gql<{ myModeratedConsultations: unknown[] }>(MINE, {}))
          .myModeratedConsultations,
      ).toEqual([]);
    });
  });

  describe('scoped moderation', () => {
    it('a local moderator hides, restores and dismisses in their consultation', async () => {
      const { mine, token } = await twoSpaces();
      const hidden = dataOf(
        await api.gql<{ hideContent: { isHidden: boolean } }>(
          HIDE,
          decision('PROPOSAL', mine.proposalId),
          { token },
        ),
      );
      expect(hidden.hideContent.isHidden).toBe(true);
      const restored = dataOf(
        await api.gql<{ restoreContent: { isHidden: boolean } }>(
          RESTORE,
          decision('PROPOSAL', mine.proposalId, 'Finalement conforme'),
          { token },
        ),
      );
      expect(restored.restoreContent.isHidden).toBe(false);
      dataOf(
        await api.gql(DISMISS, decision('COMMENT', mine.commentId, 'Signalement infondé'), {
          token,
        }),
      );
      const reports = await factoryPrisma().report.findMany({
        where: { targetId: mine.commentId },
      });
      expect(reports.map((report) => report.status)).toEqual(['DISMISSED']);
      const [entry] = await auditOf(mine.proposalId, 'HIDE');
      expect(entry).toBeDefined();
    });

    it('a local moderator approves content held by pre-moderation in their consultation', async () => {
      const { local, author, token } = await twoSpaces();
      const held = await createProposal({ consultationId: local.id, authorId: author.id });
      await factoryPrisma().proposal.update({
        where: { id: held.id },
        data: { awaitingReview: true, hiddenAt: new Date() },
      });
      dataOf(
        await api.gql(RESTORE, decision('PROPOSAL', held.id, 'Conforme à la charte'), { token }),
      );
      const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: held.id } });
      expect(row).toMatchObject({ awaitingReview: false, hiddenAt: null });
      expect(await auditOf(held.id, 'APPROVE')).toHaveLength(1);
    });

    it('refuses every decision on another consultation’s content or on an account, changing nothing', async () => {
      const { theirs, author, token } = await twoSpaces();
      const attempts: [string, Record<string, unknown>][] = [
        [HIDE, decision('PROPOSAL', theirs.proposalId)],
        [HIDE, decision('COMMENT', theirs.commentId)],
        [RESTORE, decision('PROPOSAL', theirs.proposalId)],
        [DISMISS, decision('COMMENT', theirs.commentId)],
        [DISMISS, decision('USER', author.id)],
      ];
      for (const [operation, variables] of attempts) {
        expect(firstError(await api.gql(operation, variables, { token })).extensions?.code).toBe(
          'FORBIDDEN',
        );
      }
      const proposal = await factoryPrisma().proposal.findUniqueOrThrow({
        where: { id: theirs.proposalId },
      });
      expect(proposal).toMatchObject({ hiddenAt: null, openReportsCount: 1 });
      const reports = await factoryPrisma().report.findMany({
        where: { targetId: { in: [theirs.proposalId, theirs.commentId] } },
      });
      expect(reports.map((report) => report.status)).toEqual(['OPEN', 'OPEN']);
    });

    it('scopes the queue to the local moderator’s consultations; platform moderators see all', async () => {
      const { mine, theirs, other, token } = await twoSpaces();
      const queue = dataOf(await api.gql<QueueData>(QUEUE, { first: 50 }, { token }));
      const ids = queue.moderationQueue.edges.map((edge) => edge.node.targetId);
      expect(ids.sort()).toEqual([mine.proposalId, mine.commentId].sort());
      expect(queue.moderationQueue.totalCount).toBe(2);
      const filtered = dataOf(
        await api.gql<QueueData>(QUEUE, { consultationId: other.id }, { token }),
      );
      expect(filtered.moderationQueue.totalCount).toBe(0);

      const platform = (await signedIn(api, 'MODERATOR')).token;
      const all = dataOf(await api.gql<QueueData>(QUEUE, { first: 50 }, { token: platform }));
      const allIds = all.moderationQueue.edges.map((edge) => edge.node.targetId);
      expect(allIds).toEqual(
        expect.arrayContaining([mine.proposalId, theirs.proposalId, theirs.commentId]),
      );
    });

    it('shows a local moderator the text of a hidden comment of their queue', async () => {
      const { mine, token } = await twoSpaces();
      dataOf(await api.gql(HIDE, decision('COMMENT', mine.commentId), { token }));
      type CommentQueue = {
        moderationQueue: {
          edges: {
            node: { comment: { id: string; isHidden: boolean; body: string | null } | null };
          }[];
        };
      };
      const queue = dataOf(
        await api.gql<CommentQueue>(QUEUE, { targetType: 'COMMENT' }, { token }),
      );
      expect(queue.moderationQueue.edges.map((edge) => edge.node.comment)).toEqual([
        { id: mine.commentId, isHidden: true, body: 'Un commentaire désobligeant' },
      ]);
    });

    it('keeps platform-wide actions and the audit log to platform moderators', async () => {
      const { author, token } = await twoSpaces();
      expect(firstError(await api.gql(AUDIT_LOG, {}, { token })).extensions?.code).toBe(
        'FORBIDDEN',
      );
      const suspend = await api.gql(
        SUSPEND,
        { input: { userId: author.id, reason: 'Abus répétés', durationDays: 7 } },
        { token },
      );
      expect(firstError(suspend).extensions?.code).toBe('FORBIDDEN');
      const row = await factoryPrisma().user.findUniqueOrThrow({ where: { id: author.id } });
      expect(row.suspendedAt).toBeNull();
    });

    it('refuses participants the queue and decisions', async () => {
      const { mine } = await twoSpaces();
      const token = (await signedIn(api, 'PARTICIPANT')).token;
      expect(firstError(await api.gql(QUEUE, {}, { token })).extensions?.code).toBe('FORBIDDEN');
      expect(
        firstError(await api.gql(HIDE, decision('PROPOSAL', mine.proposalId), { token })).extensions
          ?.code,
      ).toBe('FORBIDDEN');
    });

    it('a suspended local moderator moderates nothing', async () => {
      const { mine, moderator, token } = await twoSpaces();
      await factoryPrisma().user.update({
        where: { id: moderator.id },
        data: { suspendedAt: new Date(), suspendedUntil: null, suspensionReason: 'Abus' },
      });
      expect(firstError(await api.gql(QUEUE, {}, { token })).extensions?.code).toBe('FORBIDDEN');
      expect(
        firstError(await api.gql(HIDE, decision('PROPOSAL', mine.proposalId), { token })).extensions
          ?.code,
      ).toBe('FORBIDDEN');
      expect(
        dataOf(await api.gql<{ myModeratedConsultations: unknown[] }>(MINE, {}, { token }))
          .myModeratedConsultations,
      ).toEqual([]);
      const proposal = await factoryPrisma().proposal.findUniqueOrThrow({
        where: { id: mine.proposalId },
      });
      expect(proposal.hiddenAt).toBeNull();
    });
  });
});
