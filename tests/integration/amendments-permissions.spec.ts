import {
  closeFactories,
  createConsultation,
  createUser,
  type CreatedUser,
  factoryPrisma,
} from '../factories';
import {
  ACCEPT,
  amendableProposal,
  type AmendmentView,
  BASE_TEXTS,
  PROPOSAL_AMENDMENTS,
  propose,
  REBASE,
  REJECT,
  WITHDRAW,
} from './support/amendments';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

type Who =
  | 'the proposal author'
  | 'a platform moderator'
  | 'an administrator'
  | 'a local moderator of the consultation'
  | 'a local moderator of another consultation'
  | 'an accepted co-author'
  | 'the amendment author'
  | 'another participant'
  | 'a curator'
  | 'an invited co-author'
  | 'a suspended proposal author'
  | 'a moderator who wrote the amendment'
  | 'an anonymous visitor';

const MODERATOR_REASON = 'Amendement conforme à la charte et utile au débat';

/**
 * Who may accept or reject an amendment: only the proposal's author, and moderators of its
 * consultation (platform or local) who give a reason. The peers' hole — any signed-in user
 * accepting an amendment and becoming co-author — must stay closed.
 */
describe('amendments permissions: who decides, who rebases and withdraws', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const prisma = () => factoryPrisma();

  /** A proposal with a pending amendment and everyone around it. */
  async function fixture() {
    const consultation = await createConsultation();
    const otherConsultation = await createConsultation();
    const { id, author } = await amendableProposal({ consultationId: consultation.id });
    const amender = await createUser();
    const amendment = await propose(api, await api.tokenFor(amender), id, {
      title: 'Soutenir l’économie sociale, solidaire et écologique',
    });
    // A moderator's own amendment to the same proposal.
    const moderatorAmender = await createUser({ role: 'MODERATOR' });
    const ownModeration = await propose(api, await api.tokenFor(moderatorAmender), id, {
      summary: `${BASE_TEXTS.summary} Avec un suivi annuel public.`,
    });
    const [coAuthor, invitee, local, otherLocal] = [
      await createUser(),
      await createUser(),
      await createUser(),
      await createUser(),
    ];
    await prisma().proposalCoAuthor.createMany({
      data: [
        { proposalId: id, userId: coAuthor.id, invitedById: author.id, status: 'ACCEPTED' },
        { proposalId: id, userId: invitee.id, invitedById: author.id, status: 'INVITED' },
      ],
    });
    await prisma().consultationModerator.createMany({
      data: [
        { consultationId: consultation.id, userId: local.id },
        { consultationId: otherConsultation.id, userId: otherLocal.id },
      ],
    });
    const users: Record<Exclude<Who, 'an anonymous visitor'>, () => Promise<CreatedUser>> = {
      'the proposal author': async () => author,
      'a platform moderator': () => createUser({ role: 'MODERATOR' }),
      'an administrator': () => createUser({ role: 'ADMIN' }),
      'a local moderator of the consultation': async () => local,
      'a local moderator of another consultation': async () => otherLocal,
      'an accepted co-author': async () => coAuthor,
      'an invited co-author': async () => invitee,
      'the amendment author': async () => amender,
      'a moderator who wrote the amendment': async () => moderatorAmender,
      'another participant': () => createUser(),
      'a curator': () => createUser({ role: 'CURATOR' }),
      'a suspended proposal author': async () => {
        await prisma().user.update({
          where: { id: author.id },
          data: { suspendedAt: new Date(), suspendedUntil: null, suspensionReason: 'Test' },
        });
        return author;
      },
    };
    const tokenOf = async (who: Who) =>
      who === 'an anonymous visitor' ? undefined : api.tokenFor(await users[who]());
    return { proposalId: id, author, amender, amendment, ownModeration, tokenOf };
  }

  type Fixture = Awaited<ReturnType<typeof fixture>>;

  async function expectUndecided(f: Fixture) {
    expect(
      await prisma().amendment.findUniqueOrThrow({ where: { id: f.amendment.id } }),
    ).toMatchObject({ status: 'PENDING', decidedAt: null, decidedById: null, version: 1 });
    expect(
      await prisma().proposal.findUniqueOrThrow({ where: { id: f.proposalId } }),
    ).toMatchObject({ version: 1, title: BASE_TEXTS.title });
    expect(await prisma().proposalRevision.count({ where: { proposalId: f.proposalId } })).toBe(1);
    expect(
      await prisma().amendment.findUniqueOrThrow({ where: { id: f.ownModeration.id } }),
    ).toMatchObject({ status: 'PENDING', decidedAt: null });
    expect(
      await prisma().proposalCoAuthor.count({
        where: { proposalId: f.proposalId, userId: f.amender.id },
      }),
    ).toBe(0);
    expect(
      await prisma().notification.count({
        where: {
          kind: { in: ['AMENDMENT_DECIDED', 'COAUTHOR_INVITED'] },
          payload: { path: ['amendmentId'], equals: f.amendment.id },
        },
      }),
    ).toBe(0);
  }

  const decide = (
    mutation: string,
    f: Fixture,
    token: string | undefined,
    extra: Record<string, unknown> = {},
  ) =>
    api.gql<Record<string, AmendmentView>>(
      mutation,
      {
        input: {
          amendmentId: f.amendment.id,
          expectedVersion: 1,
          ...extra,
        },
      },
      { token },
    );

  const refusal = (result: GqlResult<unknown>) => firstError(result).extensions;

  describe.each([
    ['acceptAmendment', ACCEPT, 'ACCEPTED'],
    ['rejectAmendment', REJECT, 'REJECTED'],
  ] as const)('%s', (name, mutation, status) => {
    it('is allowed to the proposal author without a reason', async () => {
      const f = await fixture();
      const result = await decide(mutation, f, await f.tokenOf('the proposal author'), {
        inviteAuthorAsCoAuthor: mutation === ACCEPT ? true : undefined,
      });
      expect(dataOf(result)[name]).toMatchObject({
        status,
        decidedBy: { id: f.author.id },
        decisionReason: null,
      });
      // Accepting, the author may invite the amendment's author to co-author the proposal.
      expect(
        await prisma().proposalCoAuthor.count({
          where: { proposalId: f.proposalId, userId: f.amender.id, status: 'INVITED' },
        }),
      ).toBe(mutation === ACCEPT ? 1 : 0);
    });

    it('never lets a moderator invite the amendment author as co-author of someone else’s proposal', async () => {
      const f = await fixture();
      const token = await f.tokenOf('a platform moderator');
      const result = await decide(mutation, f, token, {
        reason: MODERATOR_REASON,
        inviteAuthorAsCoAuthor: true,
      });
      if (mutation === ACCEPT) {
        expect(refusal(result)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' });
        await expectUndecided(f);
      } else {
        // Rejecting invites nobody: the flag is read only on acceptance.
        expect(dataOf(result)[name]).toMatchObject({ status });
        expect(await prisma().proposalCoAuthor.count({ where: { proposalId: f.proposalId } })).toBe(
          2,
        );
      }
    });

    it.each([
      'a platform moderator',
      'an administrator',
      'a local moderator of the consultation',
    ] as const)('is allowed to %s only with a reason', async (who) => {
      const f = await fixture();
      const token = await f.tokenOf(who);
      const blank = await decide(mutation, f, token, { reason: '   ' });
      expect(refusal(blank)).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'DECISION_REASON_REQUIRED',
      });
      expect(refusal(await decide(mutation, f, token))).toMatchObject({
        reason: 'DECISION_REASON_REQUIRED',
      });
      await expectUndecided(f);
      const result = await decide(mutation, f, token, { reason: MODERATOR_REASON });
      expect(dataOf(result)[name]).toMatchObject({ status, decisionReason: MODERATOR_REASON });
    });

    it.each([
      'a local moderator of another consultation',
      'an accepted co-author',
      'an invited co-author',
      'the amendment author',
      'another participant',
      'a curator',
    ] as const)(
      'is refused to %s (NOT_ALLOWED), reason or not, and writes nothing',
      async (who) => {
        const f = await fixture();
        const token = await f.tokenOf(who);
        for (const extra of [{}, { reason: MODERATOR_REASON }]) {
          expect(refusal(await decide(mutation, f, token, extra))).toMatchObject({
            code: 'FORBIDDEN',
            reason: 'NOT_ALLOWED',
          });
        }
        await expectUndecided(f);
      },
    );

    it('is refused to a moderator on their own amendment, reason or not (NOT_ALLOWED)', async () => {
      const f = await fixture();
      const token = await f.tokenOf('a moderator who wrote the amendment');
      const input = { amendmentId: f.ownModeration.id, expectedVersion: 1 };
      for (const extra of [{}, { reason: MODERATOR_REASON }]) {
        const result = await api.gql(mutation, { input: { ...input, ...extra } }, { token });
        expect(refusal(result)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' });
      }
      // They still decide the others' amendments, with a reason.
      const other = await decide(mutation, f, token, { reason: MODERATOR_REASON });
      expect(dataOf(other)[name]).toMatchObject({ status });
      expect(
        await prisma().amendment.findUniqueOrThrow({ where: { id: f.ownModeration.id } }),
      ).toMatchObject({ status: 'PENDING', decidedAt: null });
    });

    it('is refused to an anonymous visitor (UNAUTHENTICATED)', async () => {
      const f = await fixture();
      expect(refusal(await decide(mutation, f, undefined))?.code).toBe('UNAUTHENTICATED');
      await expectUndecided(f);
    });

    it('is refused to a suspended proposal author (ACCOUNT_SUSPENDED)', async () => {
      const f = await fixture();
      const token = await f.tokenOf('a suspended proposal author');
      expect(refusal(await decide(mutation, f, token))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ACCOUNT_SUSPENDED',
      });
      await expectUndecided(f);
    });
  });

  it('invites no suspended amendment author when the author accepts with an invitation', async () => {
    const f = await fixture();
    await prisma().user.update({
      where: { id: f.amender.id },
      data: { suspendedAt: new Date(), suspendedUntil: null, suspensionReason: 'Test' },
    });
    const result = await decide(ACCEPT, f, await f.tokenOf('the proposal author'), {
      inviteAuthorAsCoAuthor: true,
    });
    expect(dataOf(result).acceptAmendment).toMatchObject({ status: 'ACCEPTED' });
    expect(
      await prisma().proposalCoAuthor.count({
        where: { proposalId: f.proposalId, userId: f.amender.id },
      }),
    ).toBe(0);
  });

  it('tells each viewer whether they may decide, vote, rebase and withdraw', async () => {
    const f = await fixture();
    const flags = async (who: Who, amendmentId = f.amendment.id) => {
      const result = await api.gql<{
        proposal: { viewerCanAmend: boolean; amendments: AmendmentView[] };
      }>(PROPOSAL_AMENDMENTS, { id: f.proposalId }, { token: await f.tokenOf(who) });
      const { viewerCanAmend, amendments } = dataOf(result).proposal;
      const amendment = amendments.find((a) => a.id === amendmentId) as AmendmentView;
      return [
        viewerCanAmend,
        amendment.viewerCanDecide,
        amendment.viewerCanVote,
        amendment.viewerIsAuthor,
      ];
    };
    expect(await flags('the proposal author')).toEqual([false, true, true, false]);
    expect(await flags('a platform moderator')).toEqual([true, true, true, false]);
    expect(await flags('a local moderator of the consultation')).toEqual([true, true, true, false]);
    expect(await flags('a local moderator of another consultation')).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(await flags('an accepted co-author')).toEqual([false, false, true, false]);
    expect(await flags('the amendment author')).toEqual([true, false, false, true]);
    expect(await flags('another participant')).toEqual([true, false, true, false]);
    expect(await flags('an anonymous visitor')).toEqual([false, false, false, false]);
    expect(await flags('a moderator who wrote the amendment', f.ownModeration.id)).toEqual([
      true,
      false,
      false,
      true,
    ]);
  });

  describe('rebase and withdraw: the amendment author only', () => {
    const rebaseInput = (f: Fixture) => ({
      amendmentId: f.amendment.id,
      expectedVersion: 1,
      ...BASE_TEXTS,
      summary: `${BASE_TEXTS.summary} Les communes rurales sont prioritaires.`,
    });

    it.each([
      'the proposal author',
      'an accepted co-author',
      'a platform moderator',
      'a local moderator of the consultation',
      'another participant',
    ] as const)('refuses %s (NOT_ALLOWED)', async (who) => {
      const f = await fixture();
      const token = await f.tokenOf(who);
      expect(refusal(await api.gql(REBASE, { input: rebaseInput(f) }, { token }))).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ALLOWED',
      });
      expect(
        refusal(await api.gql(WITHDRAW, { input: { amendmentId: f.amendment.id } }, { token })),
      ).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ALLOWED' });
      await expectUndecided(f);
    });

    it('refuses an anonymous visitor (UNAUTHENTICATED)', async () => {
      const f = await fixture();
      const result = await api.gql(WITHDRAW, { input: { amendmentId: f.amendment.id } });
      expect(refusal(result)?.code).toBe('UNAUTHENTICATED');
      await expectUndecided(f);
    });

    it('lets the amendment author rebase (stale version refused) and withdraw', async () => {
      const f = await fixture();
      const token = await f.tokenOf('the amendment author');
      const rebased = dataOf(
        await api.gql<{ rebaseAmendment: AmendmentView }>(
          REBASE,
          { input: rebaseInput(f) },
          { token },
        ),
      ).rebaseAmendment;
      expect(rebased).toMatchObject({ version: 2, baseVersion: 1, title: BASE_TEXTS.title });
      expect(rebased.diff.changedFields).toEqual(['SUMMARY']);
      expect(refusal(await api.gql(REBASE, { input: rebaseInput(f) }, { token }))).toMatchObject({
        code: 'CONFLICT',
        reason: 'STALE_VERSION',
      });
      const withdrawn = dataOf(
        await api.gql<{ withdrawAmendment: AmendmentView }>(
          WITHDRAW,
          { input: { amendmentId: f.amendment.id } },
          { token },
        ),
      ).withdrawAmendment;
      expect(withdrawn.status).toBe('WITHDRAWN');
      const again = await api.gql(WITHDRAW, { input: { amendmentId: f.amendment.id } }, { token });
      expect(refusal(again)).toMatchObject({ code: 'CONFLICT', reason: 'AMENDMENT_CLOSED' });
    });
  });
});
