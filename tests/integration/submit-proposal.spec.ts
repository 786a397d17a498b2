import {
  closeFactories,
  createConsultation,
  createOrganisation,
  createUser,
  factoryPrisma,
  PHASES,
  referenceThemes,
  TERRITORIES,
  type ThemeRef,
} from '../factories';
import { CookieJar } from './support/cookies';
import { SIGN_IN, SUBMIT_PROPOSAL } from './support/operations';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

type SubmitData = {
  submitProposal: {
    id: string;
    title: string;
    status: string;
    version: number;
    publishedAt: string;
    themes: { slug: string }[];
    territory: { id: string; parent: { id: string } | null };
    author: { id: string; displayName: string };
    organisation: { id: string; name: string } | null;
    consultation: { id: string; openPhases: string[] };
    votesFor: number;
    experiment: string | null;
  };
};

const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('submitProposal', () => {
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

  async function validInput(overrides: Record<string, unknown> = {}) {
    const consultation = await createConsultation();
    return {
      consultationId: consultation.id,
      title: 'Des cantines 100 % locales dans chaque commune',
      summary: 'Approvisionner les cantines scolaires auprès des producteurs du territoire.',
      body: 'La commune de Mouans-Sartoux a montré qu’une régie agricole municipale peut nourrir toutes ses cantines en bio.',
      themeIds: [themes[0].id, themes[1].id],
      territoryId: TERRITORIES.saintEtienne,
      competentLevel: 'COMMUNE',
      lever: 'PUBLIC_PROCUREMENT',
      experiment: 'Régie agricole municipale depuis 2011.',
      measuredImpact: null,
      ...overrides,
    };
  }

  async function participant() {
    const user = await createUser({ actorType: 'ASSOCIATION' });
    return { user, token: await api.tokenFor(user) };
  }

  it('publishes the proposal with its themes, revision 1 and first status change, in one go', async () => {
    const { user, token } = await participant();
    const input = await validInput();
    const result = await api.gql<SubmitData>(SUBMIT_PROPOSAL, { input }, { token });

    expect(result.errors).toBeUndefined();
    const proposal = dataOf(result).submitProposal;
    expect(proposal).toMatchObject({
      title: input.title,
      status: 'PUBLISHED',
      version: 1,
      votesFor: 0,
      experiment: input.experiment,
      territory: { id: TERRITORIES.saintEtienne, parent: { id: TERRITORIES.loire } },
      author: { id: user.id, displayName: user.displayName },
      organisation: null,
      consultation: { id: input.consultationId, openPhases: ['PROPOSING'] },
    });
    expect(proposal.themes.map((t) => t.slug).sort()).toEqual(
      [themes[0].slug, themes[1].slug].sort(),
    );
    expect(proposal.publishedAt).not.toBeNull();

    const prisma = factoryPrisma();
    const row = await prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } });
    expect(row.bodyHtml).toMatch(/^<p>La commune de Mouans-Sartoux/);
    // Ranked in HOT lists by its age from the start, before any vote.
    expect(row.scoreHot).toBeGreaterThan(0);
    const revisions = await prisma.proposalRevision.findMany({
      where: { proposalId: proposal.id },
    });
    expect(revisions).toEqual([
      expect.objectContaining({
        version: 1,
        title: input.title,
        editorId: user.id,
        bodyHtml: row.bodyHtml,
        experiment: input.experiment,
      }),
    ]);
    const changes = await prisma.proposalStatusChange.findMany({
      where: { proposalId: proposal.id },
    });
    expect(changes).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'PUBLISHED', actorId: user.id }),
    ]);
  });

  it('works for the web app through the session cookie', async () => {
    const user = await createUser();
    const jar = new CookieJar();
    await api.gql(SIGN_IN, { input: { email: user.email, password: user.password } }, { jar });
    const result = await api.gql<SubmitData>(
      SUBMIT_PROPOSAL,
      { input: await validInput() },
      { jar },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.submitProposal.author.id).toBe(user.id);
  });

  it('posts on behalf of an organisation the author belongs to', async () => {
    const { user, token } = await participant();
    const organisation = await createOrganisation({ memberIds: [user.id] });
    const result = await api.gql<SubmitData>(
      SUBMIT_PROPOSAL,
      { input: await validInput({ organisationId: organisation.id }) },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.submitProposal.organisation).toMatchObject({
      id: organisation.id,
      name: organisation.name,
    });
  });

  it('refuses an anonymous visitor: UNAUTHENTICATED / SIGN_IN_REQUIRED', async () => {
    const input = await validInput();
    const result = await api.gql(SUBMIT_PROPOSAL, { input });
    expect(firstError(result).extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'SIGN_IN_REQUIRED',
    });
    expect(
      await factoryPrisma().proposal.count({ where: { consultationId: input.consultationId } }),
    ).toBe(0);
  });

  it('refuses an organisation the author is not a member of: FORBIDDEN / NOT_A_MEMBER', async () => {
    const { token } = await participant();
    const someoneElse = await createUser();
    const organisation = await createOrganisation({ memberIds: [someoneElse.id] });
    const input = await validInput({ organisationId: organisation.id });
    const result = await api.gql(SUBMIT_PROPOSAL, { input }, { token, lang: 'en' });
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' });
    expect(error.message).toBe(
      'You are not a member of this organisation: you cannot post on its behalf.',
    );
    expect(
      await factoryPrisma().proposal.count({ where: { consultationId: input.consultationId } }),
    ).toBe(0);
  });

  it.each([
    ['over', PHASES.proposingClosed],
    ['not started yet', PHASES.proposingUpcoming],
  ])(
    'refuses when the PROPOSING phase is %s: FORBIDDEN / PROPOSING_CLOSED',
    async (_label, phases) => {
      const { token } = await participant();
      const consultation = await createConsultation({ phases: phases() });
      const result = await api.gql(
        SUBMIT_PROPOSAL,
        { input: await validInput({ consultationId: consultation.id }) },
        { token },
      );
      expect(firstError(result).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'PROPOSING_CLOSED',
      });
      expect(
        await factoryPrisma().proposal.count({ where: { consultationId: consultation.id } }),
      ).toBe(0);
    },
  );

  it('refuses an unknown theme: BAD_USER_INPUT naming themeIds', async () => {
    const { token } = await participant();
    const result = await api.gql(
      SUBMIT_PROPOSAL,
      { input: await validInput({ themeIds: [themes[0].id, NIL_UUID] }) },
      { token },
    );
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(error.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'themeIds', rule: 'exists' }),
      expect.objectContaining({
        field: 'themeIds.1',
        rule: 'exists',
        message: "Ce thème n'existe pas.",
      }),
    ]);
  });

  it.each([
    ['consultationId', { consultationId: NIL_UUID }],
    ['territoryId', { territoryId: 'COMMUNE-99999' }],
    ['organisationId', { organisationId: NIL_UUID }],
  ])('refuses an unknown %s: BAD_USER_INPUT naming it', async (field, overrides) => {
    const { token } = await participant();
    const result = await api.gql(
      SUBMIT_PROPOSAL,
      { input: await validInput(overrides) },
      { token },
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      fields: [expect.objectContaining({ field, rule: 'exists' })],
    });
  });

  it.each([
    ['consultationId', 'id', { consultationId: 'not-a-uuid' }],
    ['title', 'minLength', { title: 'Trop court'.slice(0, 9) }],
    ['title', 'maxLength', { title: 'x'.repeat(141) }],
    ['title', 'required', { title: '   ' }],
    ['summary', 'minLength', { summary: 'Court.' }],
    ['summary', 'maxLength', { summary: 'x'.repeat(501) }],
    ['body', 'minLength', { body: 'Un corps trop court.' }],
    ['body', 'maxLength', { body: 'x'.repeat(20_001) }],
    ['themeIds', 'minItems', { themeIds: [] }],
    ['themeIds', 'maxItems', { themeIds: 'four' }],
    ['themeIds', 'unique', { themeIds: 'duplicate' }],
    ['themeIds.0', 'id', { themeIds: ['transition-ecologique'] }],
    ['territoryId', 'territory', { territoryId: 'Saint-Étienne' }],
    ['experiment', 'maxLength', { experiment: 'x'.repeat(2001) }],
    ['measuredImpact', 'maxLength', { measuredImpact: 'x'.repeat(2001) }],
    ['organisationId', 'id', { organisationId: 'my-association' }],
  ])(
    'refuses an invalid %s (rule %s): BAD_USER_INPUT naming the field',
    async (field, rule, overrides) => {
      const { user, token } = await participant();
      const patch: Record<string, unknown> = { ...overrides };
      if (patch['themeIds'] === 'four') patch['themeIds'] = themes.slice(0, 4).map((t) => t.id);
      if (patch['themeIds'] === 'duplicate') patch['themeIds'] = [themes[0].id, themes[0].id];
      const input = await validInput(patch);
      const result = await api.gql(SUBMIT_PROPOSAL, { input }, { token });
      const error = firstError(result);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      expect(error.extensions?.fields).toEqual([expect.objectContaining({ field, rule })]);
      expect(await factoryPrisma().proposal.count({ where: { authorId: user.id } })).toBe(0);
    },
  );

  it.each([
    ['competentLevel', { competentLevel: 'GALAXY' }],
    ['lever', { lever: 'PRAYER' }],
  ])(
    'refuses an unknown %s before running the resolver (schema enum)',
    async (_field, overrides) => {
      const { token } = await participant();
      const result = await api.gql(
        SUBMIT_PROPOSAL,
        { input: await validInput(overrides) },
        { token },
      );
      expect(result.status).toBe(400);
      expect(firstError(result).extensions?.code).toBe('BAD_USER_INPUT');
    },
  );

  it('lets any signed-in role submit (moderators and admins take part too)', async () => {
    const admin = await createUser({ role: 'ADMIN' });
    const result = await api.gql<SubmitData>(
      SUBMIT_PROPOSAL,
      { input: await validInput() },
      { token: await api.tokenFor(admin) },
    );
    expect(result.errors).toBeUndefined();
  });
});
