import { fieldErrors } from '../shared/validation';
import {
  consultationChanges,
  type ConsultationSnapshot,
  createConsultationInputSchema,
  isValidSlug,
  phaseIssues,
  updateConsultationInputSchema,
} from './consultation-admin';
import { type PhaseWindow } from './phases';

const d = (iso: string) => new Date(iso);
const THEME = '00000000-0000-4000-8000-000000000001';

describe('consultation slugs', () => {
  it.each([
    ['ess-2027', true],
    ['abc', true],
    ['a1-b2-c3', true],
    ['ab', false],
    ['x'.repeat(81), false],
    ['ESS-2027', false],
    ['économie', false],
    ['-ess', false],
    ['ess-', false],
    ['ess--2027', false],
    ['ess 2027', false],
    ['ess_2027', false],
  ])('%s is valid: %p', (slug, expected) => {
    expect(isValidSlug(slug)).toBe(expected);
  });
});

describe('consultation phases', () => {
  const P = (kind: PhaseWindow['kind'], start: string, end: string | null): PhaseWindow => ({
    kind,
    startsAt: d(start),
    endsAt: end ? d(end) : null,
  });

  it.each<[string, PhaseWindow[], [number, string, string][]]>([
    ['a single open-ended phase', [P('PROPOSING', '2027-01-01', null)], []],
    [
      'overlapping proposing and voting',
      [P('PROPOSING', '2027-01-01', '2027-03-01'), P('VOTING', '2027-02-01', '2027-04-01')],
      [],
    ],
    [
      'the four steps in order, listed in any order',
      [
        P('CLOSED', '2027-06-01', null),
        P('CURATING', '2027-04-01', '2027-06-01'),
        P('PROPOSING', '2027-01-01', '2027-03-01'),
        P('VOTING', '2027-03-01', '2027-04-01'),
      ],
      [],
    ],
    [
      'a kind given twice',
      [P('PROPOSING', '2027-01-01', '2027-02-01'), P('PROPOSING', '2027-03-01', null)],
      [[1, 'kind', 'unique']],
    ],
    [
      'an end before the start',
      [P('PROPOSING', '2027-02-01', '2027-01-01')],
      [[0, 'endsAt', 'endsAfterStart']],
    ],
    [
      'an end equal to the start',
      [P('PROPOSING', '2027-02-01', '2027-02-01')],
      [[0, 'endsAt', 'endsAfterStart']],
    ],
    [
      'voting starting before proposing',
      [P('PROPOSING', '2027-02-01', '2027-03-01'), P('VOTING', '2027-01-01', '2027-04-01')],
      [[1, 'startsAt', 'phaseOrder']],
    ],
    [
      'closing while curating is open-ended',
      [P('CURATING', '2027-01-01', null), P('CLOSED', '2027-02-01', null)],
      [[1, 'startsAt', 'phaseOrder']],
    ],
    [
      'closing before voting ends',
      [P('VOTING', '2027-01-01', '2027-03-01'), P('CLOSED', '2027-02-01', null)],
      [[1, 'startsAt', 'phaseOrder']],
    ],
  ])('%s', (_label, phases, expected) => {
    expect(phaseIssues(phases).map((i) => [i.index, i.field, i.rule])).toEqual(expected);
  });
});

describe('consultation inputs', () => {
  const valid = {
    slug: 'ess-2027',
    title: 'Consultation ESS 2027',
    description: 'Une consultation nationale sur l’économie sociale et solidaire.',
    themeIds: [THEME],
    phases: [{ kind: 'PROPOSING', startsAt: '2027-01-01T00:00:00Z', endsAt: null }],
  };
  const fieldsOf = (schema: Parameters<typeof fieldErrors>[0], input: unknown) =>
    fieldErrors(schema, input, 'en').map((f) => [f.field, f.rule]);

  it.each<[string, Record<string, unknown>, [string, string][]]>([
    ['a valid consultation', {}, []],
    [
      'settings and a territory',
      { territoryId: 'REGION-84', settings: { reportThreshold: 5 } },
      [],
    ],
    ['an upper-case slug', { slug: 'ESS-2027' }, [['slug', 'slug']]],
    ['a short slug', { slug: 'ab' }, [['slug', 'minLength']]],
    ['a short title', { title: 'ESS' }, [['title', 'minLength']]],
    ['a blank description', { description: ' ' }, [['description', 'required']]],
    ['a bad territory', { territoryId: 'Paris' }, [['territoryId', 'territory']]],
    ['a carrying organisation', { organisationId: THEME }, []],
    ['a bad organisation id', { organisationId: 'ptce' }, [['organisationId', 'id']]],
    ['no theme', { themeIds: [] }, [['themeIds', 'minItems']]],
    ['a theme twice', { themeIds: [THEME, THEME] }, [['themeIds', 'unique']]],
    ['no phase', { phases: [] }, [['phases', 'minItems']]],
    [
      'a bad phase date',
      { phases: [{ kind: 'PROPOSING', startsAt: 'soon' }] },
      [['phases.0.startsAt', 'invalid']],
    ],
    [
      'phase rules',
      {
        phases: [
          { kind: 'VOTING', startsAt: '2027-01-01', endsAt: '2026-01-01' },
          { kind: 'VOTING', startsAt: '2027-02-01' },
        ],
      },
      [
        ['phases.0.endsAt', 'endsAfterStart'],
        ['phases.1.kind', 'unique'],
      ],
    ],
    [
      'a report threshold of 0',
      { settings: { reportThreshold: 0 } },
      [['settings.reportThreshold', 'minValue']],
    ],
    [
      'a report threshold of 51',
      { settings: { reportThreshold: 51 } },
      [['settings.reportThreshold', 'maxValue']],
    ],
  ])('create: %s', (_label, change, expected) => {
    expect(fieldsOf(createConsultationInputSchema, { ...valid, ...change })).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, [string, string][]]>([
    ['only an id', {}, []],
    ['a national scope', { territoryId: null, organisationId: null }, []],
    ['a carrying organisation', { organisationId: THEME }, []],
    ['nulls keep values', { title: null, themeIds: null, phases: null, settings: null }, []],
    ['a bad id', { consultationId: 'x' }, [['consultationId', 'id']]],
    ['an unknown field', { slug: 'new-slug' }, [['', 'unknownField']]],
  ])('update: %s', (_label, change, expected) => {
    expect(fieldsOf(updateConsultationInputSchema, { consultationId: THEME, ...change })).toEqual(
      expected,
    );
  });
});

describe('consultation changes (audit summary)', () => {
  const base: ConsultationSnapshot = {
    title: 'Titre',
    description: 'Description',
    territoryId: null,
    organisationId: null,
    themeIds: ['a', 'b'],
    phases: [{ kind: 'PROPOSING', startsAt: d('2027-01-01'), endsAt: null }],
    settings: { reportThreshold: 3, preModeration: false },
  };

  it.each<[string, Partial<ConsultationSnapshot>, string[]]>([
    ['nothing', { themeIds: ['b', 'a'] }, []],
    ['the title', { title: 'Autre' }, ['title']],
    [
      'the description and scope',
      { description: 'Autre', territoryId: 'REGION-84' },
      ['description', 'territoryId'],
    ],
    ['the carrying organisation', { organisationId: 'o1' }, ['organisationId']],
    ['the themes', { themeIds: ['a'] }, ['themeIds']],
    [
      'the phases',
      { phases: [{ kind: 'PROPOSING', startsAt: d('2027-01-01'), endsAt: d('2027-02-01') }] },
      ['phases'],
    ],
    ['the settings', { settings: { reportThreshold: 4, preModeration: false } }, ['settings']],
  ])('lists %s', (_label, change, expected) => {
    expect(consultationChanges(base, { ...base, ...change })).toEqual(expected);
  });
});

describe('consultation rule messages', () => {
  it.each(['fr', 'en'] as const)('explains slug and phase rules in %s', (lang) => {
    const messages = fieldErrors(
      createConsultationInputSchema,
      {
        slug: 'Pas Bon',
        title: 'Consultation ESS 2027',
        description: 'Une consultation nationale sur l’économie sociale et solidaire.',
        themeIds: [THEME],
        phases: [
          { kind: 'PROPOSING', startsAt: '2027-02-01', endsAt: '2027-01-01' },
          { kind: 'VOTING', startsAt: '2026-01-01' },
        ],
      },
      lang,
    ).map((f) => [f.field, f.message]);
    expect(messages).toEqual([
      ['slug', expect.stringMatching(lang === 'fr' ? /minuscules/ : /lower-case/)],
      ['phases.0.endsAt', expect.stringMatching(lang === 'fr' ? /fin/ : /end/)],
      ['phases.1.startsAt', expect.stringMatching(lang === 'fr' ? /ordre/ : /order/)],
    ]);
  });
});
