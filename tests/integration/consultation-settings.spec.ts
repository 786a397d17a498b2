import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { CAST_VOTE } from './support/participation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const SETTINGS = `settings { reportThreshold preModeration voteValues
  collegeThresholds { minForShare minColleges minVotesPerCollege } }`;
const UPDATE = `mutation ($input: UpdateConsultationInput!) { updateConsultation(input: $input) { id ${SETTINGS} } }`;
const BY_SLUG = `query ($slug: String!) { consultation(slug: $slug) { id ${SETTINGS} } }`;

interface SettingsView {
  reportThreshold: number;
  preModeration: boolean;
  voteValues: string[];
  collegeThresholds: { minForShare: number; minColleges: number; minVotesPerCollege: number };
}

const DEFAULTS: SettingsView = {
  reportThreshold: 3,
  preModeration: false,
  voteValues: ['FOR', 'AGAINST', 'NEUTRAL'],
  collegeThresholds: { minForShare: 0.6, minColleges: 3, minVotesPerCollege: 10 },
};

describe('consultation settings: vote values and college thresholds', () => {
  let api: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    api = await startTestApp();
    adminToken = await api.tokenFor(await createUser({ role: 'ADMIN' }));
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const update = (consultationId: string, settings: Record<string, unknown>, lang?: string) =>
    api.gql<{ updateConsultation: { id: string; settings: SettingsView } }>(
      UPDATE,
      { input: { consultationId, settings } },
      { token: adminToken, lang },
    );

  it('reads the defaults of a consultation stored without them', async () => {
    const consultation = await createConsultation();
    const read = dataOf(
      await api.gql<{ consultation: { settings: SettingsView } }>(BY_SLUG, {
        slug: consultation.slug,
      }),
    ).consultation;
    expect(read.settings).toEqual(DEFAULTS);
  });

  it('round-trips vote values (in the order FOR, AGAINST, NEUTRAL) and thresholds key by key', async () => {
    const consultation = await createConsultation();
    const first = dataOf(
      await update(consultation.id, {
        voteValues: ['NEUTRAL', 'FOR'],
        collegeThresholds: { minForShare: 0.75, minColleges: 2 },
      }),
    ).updateConsultation.settings;
    expect(first).toEqual({
      ...DEFAULTS,
      voteValues: ['FOR', 'NEUTRAL'],
      collegeThresholds: { minForShare: 0.75, minColleges: 2, minVotesPerCollege: 10 },
    });
    const second = dataOf(
      await update(consultation.id, {
        reportThreshold: 4,
        collegeThresholds: { minVotesPerCollege: 25 },
      }),
    ).updateConsultation.settings;
    expect(second).toEqual({
      ...DEFAULTS,
      reportThreshold: 4,
      voteValues: ['FOR', 'NEUTRAL'],
      collegeThresholds: { minForShare: 0.75, minColleges: 2, minVotesPerCollege: 25 },
    });
    const row = await factoryPrisma().consultation.findUniqueOrThrow({
      where: { id: consultation.id },
    });
    expect(row.settings).toEqual(second);
    const audit = await factoryPrisma().auditLogEntry.findFirstOrThrow({
      where: { targetId: consultation.id, action: 'UPDATE_CONSULTATION' },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.metadata).toMatchObject({
      changed: ['settings'],
      settings: { from: first, to: second },
    });
  });

  it.each([
    [
      { voteValues: ['AGAINST', 'NEUTRAL'] },
      'settings.voteValues',
      'includesFor',
      '« Pour »',
      '“For”',
    ],
    [{ voteValues: ['FOR', 'FOR'] }, 'settings.voteValues', 'unique', 'qu’une fois', 'only once'],
    [{ voteValues: [] }, 'settings.voteValues', 'minItems', 'au moins 1', 'at least 1'],
    [
      { collegeThresholds: { minForShare: 1.5 } },
      'settings.collegeThresholds.minForShare',
      'maxValue',
      'au plus 1',
      'at most 1',
    ],
    [
      { collegeThresholds: { minColleges: 8 } },
      'settings.collegeThresholds.minColleges',
      'maxValue',
      'au plus 7',
      'at most 7',
    ],
    [
      { collegeThresholds: { minVotesPerCollege: 0 } },
      'settings.collegeThresholds.minVotesPerCollege',
      'minValue',
      'au moins 1',
      'at least 1',
    ],
  ])(
    'refuses %j naming the field, in French and English',
    async (settings, field, rule, fr, en) => {
      const consultation = await createConsultation();
      for (const [lang, text] of [
        ['fr', fr],
        ['en', en],
      ]) {
        const error = firstError(await update(consultation.id, settings, lang));
        expect(error.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field, rule })],
        });
        expect(error.extensions?.fields?.[0]?.message).toContain(text);
      }
      const row = await factoryPrisma().consultation.findUniqueOrThrow({
        where: { id: consultation.id },
      });
      expect(row.settings).toEqual({});
    },
  );

  it('refuses a vote value the consultation does not offer, and accepts the others', async () => {
    const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
    dataOf(await update(consultation.id, { voteValues: ['FOR', 'AGAINST'] }));
    const author = await createUser();
    const proposalId = (
      await createProposal({ consultationId: consultation.id, authorId: author.id })
    ).id;
    const token = await api.tokenFor(await createUser());
    const cast = (value: string, lang?: string) =>
      api.gql(CAST_VOTE, { input: { proposalId, value } }, { token, lang });

    const refused = firstError(await cast('NEUTRAL'));
    expect(refused.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VOTE_VALUE_NOT_OFFERED',
    });
    expect(refused.message).toContain('ne propose pas ce choix');
    expect(firstError(await cast('NEUTRAL', 'en')).message).toContain('does not offer');
    expect(await factoryPrisma().vote.count({ where: { proposalId } })).toBe(0);

    expect((await cast('AGAINST')).errors).toBeUndefined();
    expect((await cast('FOR')).errors).toBeUndefined();
    const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(row).toMatchObject({ votesFor: 1, votesAgainst: 0, votesNeutral: 0 });
  });
});
