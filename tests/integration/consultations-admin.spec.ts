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
  uniqueKey,
} from '../factories';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const FIELDS = `id slug title description territory { id } themes { slug }
  phases { kind startsAt endsAt } settings { reportThreshold preModeration }`;
const CREATE = `mutation ($input: CreateConsultationInput!) { createConsultation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateConsultationInput!) { updateConsultation(input: $input) { ${FIELDS} } }`;
const BY_SLUG = `query ($slug: String!) { consultation(slug: $slug) { ${FIELDS} } }`;

interface ConsultationView {
  id: string;
  slug: string;
  title: string;
  description: string;
  territory: { id: string } | null;
  themes: { slug: string }[];
  phases: { kind: string; startsAt: string; endsAt: string | null }[];
  settings: { reportThreshold: number; preModeration: boolean };
}

/** The vote settings every consultation gets by default (see libs/domain consultations/settings). */
const DEFAULT_VOTE_SETTINGS = {
  voteValues: ['FOR', 'AGAINST', 'NEUTRAL'],
  collegeThresholds: { minForShare: 0.6, minColleges: 3, minVotesPerCollege: 10 },
};

const NIL_UUID = '00000000-0000-4000-8000-000000000000';
const PROPOSING = {
  kind: 'PROPOSING',
  startsAt: '2027-01-01T00:00:00.000Z',
  endsAt: '2027-03-01T00:00:00.000Z',
};
const VOTING = {
  kind: 'VOTING',
  startsAt: '2027-02-01T00:00:00.000Z',
  endsAt: '2027-04-01T00:00:00.000Z',
};

describe('consultation admin: createConsultation, updateConsultation', () => {
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

  const auditOf = (targetId: string) =>
    factoryPrisma().auditLogEntry.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' } });

  function newInput(overrides: Record<string, unknown> = {}) {
    return {
      slug: uniqueKey('ess')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, ''),
      title: 'Économie sociale et solidaire 2027',
      description: 'Une consultation nationale sur les politiques de l’ESS.',
      themeIds: [themes[0].id, themes[1].id],
      phases: [PROPOSING, VOTING],
      ...overrides,
    };
  }

  async function as(actor: CreatedUser | null) {
    return { token: actor ? await api.tokenFor(actor) : undefined };
  }

  async function admin() {
    return createUser({ role: 'ADMIN' });
  }

  describe('permission matrix', () => {
    const refused: [string, () => Promise<CreatedUser | null>, string, string][] = [
      ['an anonymous visitor', async () => null, 'UNAUTHENTICATED', 'SIGN_IN_REQUIRED'],
      ['a participant', () => createUser(), 'FORBIDDEN', 'NOT_ALLOWED'],
      ['a moderator', () => createUser({ role: 'MODERATOR' }), 'FORBIDDEN', 'NOT_ALLOWED'],
      ['a curator', () => createUser({ role: 'CURATOR' }), 'FORBIDDEN', 'NOT_ALLOWED'],
    ];

    it.each(refused)('refuses createConsultation to %s', async (_who, make, code, reason) => {
      const input = newInput();
      const result = await api.gql(CREATE, { input }, await as(await make()));
      expect(firstError(result).extensions).toMatchObject({ code, reason });
      expect(await factoryPrisma().consultation.count({ where: { slug: input.slug } })).toBe(0);
    });

    it.each(refused)('refuses updateConsultation to %s', async (_who, make, code, reason) => {
      const consultation = await createConsultation();
      const result = await api.gql(
        UPDATE,
        { input: { consultationId: consultation.id, title: 'Un autre titre' } },
        await as(await make()),
      );
      expect(firstError(result).extensions).toMatchObject({ code, reason });
      expect(await auditOf(consultation.id)).toHaveLength(0);
    });

    it("refuses updateConsultation to the author of one of the consultation's proposals", async () => {
      const consultation = await createConsultation();
      const author = await createUser();
      await createProposal({ consultationId: consultation.id, authorId: author.id });
      const result = await api.gql(
        UPDATE,
        { input: { consultationId: consultation.id, title: 'Un autre titre' } },
        await as(author),
      );
      expect(firstError(result).extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ALLOWED',
      });
    });
  });

  it('lets an administrator create a consultation, with default settings and one audit entry', async () => {
    const actor = await admin();
    const input = newInput({ territoryId: TERRITORIES.auvergneRhoneAlpes });
    const created = dataOf(
      await api.gql<{ createConsultation: ConsultationView }>(CREATE, { input }, await as(actor)),
    ).createConsultation;
    expect(created).toMatchObject({
      slug: input.slug,
      title: input.title,
      territory: { id: TERRITORIES.auvergneRhoneAlpes },
      themes: expect.arrayContaining([{ slug: themes[0].slug }, { slug: themes[1].slug }]),
      phases: [PROPOSING, VOTING],
      settings: { reportThreshold: 3, preModeration: false },
    });
    const read = dataOf(
      await api.gql<{ consultation: ConsultationView }>(BY_SLUG, { slug: input.slug }),
    ).consultation;
    expect(read.id).toBe(created.id);
    const entries = await auditOf(created.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: actor.id,
      action: 'CREATE_CONSULTATION',
      targetType: 'CONSULTATION',
      metadata: expect.objectContaining({
        slug: input.slug,
        settings: { reportThreshold: 3, preModeration: false, ...DEFAULT_VOTE_SETTINGS },
      }),
    });
  });

  it('creates a national consultation with explicit settings', async () => {
    const input = newInput({
      territoryId: null,
      settings: { reportThreshold: 7, preModeration: true },
    });
    const created = dataOf(
      await api.gql<{ createConsultation: ConsultationView }>(
        CREATE,
        { input },
        await as(await admin()),
      ),
    ).createConsultation;
    expect(created.territory).toBeNull();
    expect(created.settings).toEqual({ reportThreshold: 7, preModeration: true });
  });

  it('answers CONFLICT / SLUG_TAKEN for a slug in use, without an audit entry', async () => {
    const existing = await createConsultation();
    const result = await api.gql(
      CREATE,
      { input: newInput({ slug: existing.slug }) },
      { ...(await as(await admin())), lang: 'en' },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'CONFLICT', reason: 'SLUG_TAKEN' });
    expect(firstError(result).message).toMatch(/slug/);
    expect(await factoryPrisma().consultation.count({ where: { slug: existing.slug } })).toBe(1);
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['slug', 'slug', { slug: 'Pas-Valide' }],
    ['slug', 'minLength', { slug: 'ab' }],
    ['title', 'minLength', { title: 'ESS' }],
    ['description', 'required', { description: '  ' }],
    ['territoryId', 'territory', { territoryId: 'Lyon' }],
    ['territoryId', 'exists', { territoryId: 'COMMUNE-99999' }],
    ['themeIds', 'minItems', { themeIds: [] }],
    ['themeIds.0', 'exists', { themeIds: [NIL_UUID] }],
    ['phases', 'minItems', { phases: [] }],
    ['phases.1.kind', 'unique', { phases: [PROPOSING, { ...VOTING, kind: 'PROPOSING' }] }],
    [
      'phases.0.endsAt',
      'endsAfterStart',
      { phases: [{ ...PROPOSING, endsAt: '2026-01-01T00:00:00Z' }] },
    ],
    [
      'phases.1.startsAt',
      'phaseOrder',
      { phases: [PROPOSING, { ...VOTING, startsAt: '2026-12-01T00:00:00Z' }] },
    ],
    ['settings.reportThreshold', 'minValue', { settings: { reportThreshold: 0 } }],
    ['settings.reportThreshold', 'maxValue', { settings: { reportThreshold: 51 } }],
  ])('createConsultation names an invalid %s (rule %s)', async (field, rule, change) => {
    const input = newInput(change);
    const result = await api.gql(CREATE, { input }, await as(await admin()));
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field, rule })],
    });
  });

  it('edits a consultation: absent fields kept, settings merged, lists replaced, one audit entry', async () => {
    const actor = await admin();
    const consultation = await createConsultation({
      territoryId: TERRITORIES.loire,
      themeIds: [themes[0].id],
    });
    const result = await api.gql<{ updateConsultation: ConsultationView }>(
      UPDATE,
      {
        input: {
          consultationId: consultation.id,
          title: 'Un titre revu pour la consultation',
          themeIds: [themes[2].id],
          phases: [PROPOSING],
          settings: { reportThreshold: 5 },
        },
      },
      await as(actor),
    );
    const updated = dataOf(result).updateConsultation;
    expect(updated).toMatchObject({
      title: 'Un titre revu pour la consultation',
      description: 'Une consultation créée pour un test.',
      territory: { id: TERRITORIES.loire },
      themes: [{ slug: themes[2].slug }],
      phases: [PROPOSING],
      settings: { reportThreshold: 5, preModeration: false },
    });
    const entries = await auditOf(consultation.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorId: actor.id,
      action: 'UPDATE_CONSULTATION',
      targetType: 'CONSULTATION',
      metadata: expect.objectContaining({
        changed: ['title', 'themeIds', 'phases', 'settings'],
        settings: {
          from: { reportThreshold: 3, preModeration: false, ...DEFAULT_VOTE_SETTINGS },
          to: { reportThreshold: 5, preModeration: false, ...DEFAULT_VOTE_SETTINGS },
        },
      }),
    });

    // A second edit keeps the threshold and makes the consultation national.
    const national = await api.gql<{ updateConsultation: ConsultationView }>(
      UPDATE,
      {
        input: {
          consultationId: consultation.id,
          territoryId: null,
          settings: { preModeration: true },
        },
      },
      await as(actor),
    );
    expect(dataOf(national).updateConsultation).toMatchObject({
      territory: null,
      title: 'Un titre revu pour la consultation',
      settings: { reportThreshold: 5, preModeration: true },
    });
    const after = await auditOf(consultation.id);
    expect(after).toHaveLength(2);
    expect(after[1].metadata).toMatchObject({ changed: ['territoryId', 'settings'] });
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['consultationId', 'id', { consultationId: 'nope' }],
    ['title', 'minLength', { title: 'ESS' }],
    ['themeIds.0', 'exists', { themeIds: [NIL_UUID] }],
    [
      'phases.0.endsAt',
      'endsAfterStart',
      { phases: [{ ...PROPOSING, endsAt: PROPOSING.startsAt }] },
    ],
    ['settings.reportThreshold', 'maxValue', { settings: { reportThreshold: 100 } }],
  ])('updateConsultation names an invalid %s (rule %s)', async (field, rule, change) => {
    const consultation = await createConsultation();
    const result = await api.gql(
      UPDATE,
      { input: { consultationId: consultation.id, ...change } },
      await as(await admin()),
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field, rule })],
    });
    if (field !== 'consultationId') expect(await auditOf(consultation.id)).toHaveLength(0);
  });

  it('answers NOT_FOUND / CONSULTATION_NOT_FOUND for an unknown consultation', async () => {
    const result = await api.gql(
      UPDATE,
      { input: { consultationId: NIL_UUID, title: 'Un autre titre' } },
      await as(await admin()),
    );
    expect(firstError(result).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CONSULTATION_NOT_FOUND',
    });
  });

  it('shows default settings for a consultation created before settings existed', async () => {
    const consultation = await createConsultation();
    const read = dataOf(
      await api.gql<{ consultation: ConsultationView }>(BY_SLUG, { slug: consultation.slug }),
    ).consultation;
    expect(read.settings).toEqual({ reportThreshold: 3, preModeration: false });
  });
});
