import type { AdminConsultation } from '../../../shared/graphql/schema-types';
import {
  consultationToForm,
  emptyConsultationForm,
  fromLocalInput,
  missingFieldErrors,
  offeredVoteValues,
  slugify,
  toCreateConsultationInput,
  toFormFieldErrors,
  toLocalInput,
  toSettingsInput,
  toUpdateConsultationInput,
  type ConsultationFormState,
} from '../forms/consultation-form';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** The instant a `datetime-local` value means in the test's time zone. */
const iso = (local: string) => new Date(local).toISOString();

const lyon = {
  __typename: 'Territory' as const,
  id: 'COMMUNE-69123',
  level: 'COMMUNE' as const,
  code: '69123',
  name: 'Lyon',
  parent: null,
};

function filledForm(): ConsultationFormState {
  const form = emptyConsultationForm();
  return {
    ...form,
    title: 'Consultation lyonnaise sur l’ESS',
    slug: ' lyon-ess-2027 ',
    description: 'Une consultation des acteurs lyonnais de l’économie sociale et solidaire.',
    isNational: false,
    territory: lyon,
    themeIds: [uuid(11), uuid(12)],
    phases: {
      ...form.phases,
      PROPOSING: { ...form.phases.PROPOSING, startsAt: '2027-01-10T09:00', endsAt: '' },
      // Ticked after the others: still sent in step order.
      CLOSED: { ...form.phases.CLOSED, enabled: true, startsAt: '2027-06-01T00:00' },
      VOTING: {
        ...form.phases.VOTING,
        enabled: true,
        startsAt: '2027-03-01T09:00',
        endsAt: '2027-04-01T18:30',
      },
    },
    reportThreshold: 5,
    preModeration: true,
    voteValues: ['FOR', 'AGAINST'],
    minForSharePercent: 67,
    minColleges: '4',
    minVotesPerCollege: 25,
  };
}

const loaded: AdminConsultation = {
  __typename: 'Consultation',
  id: uuid(1),
  slug: 'grande-consultation',
  title: 'Grande consultation',
  description: 'Description assez longue pour la règle.',
  openPhases: ['PROPOSING'],
  phases: [
    {
      kind: 'PROPOSING',
      startsAt: '2026-09-01T07:15:42.123Z',
      endsAt: null,
      isOpen: true,
    },
  ],
  themes: [{ __typename: 'Theme', id: uuid(11), slug: 'ess', name: 'ESS' }],
  territory: null,
  settings: {
    reportThreshold: 3,
    preModeration: false,
    voteValues: ['FOR', 'NEUTRAL'],
    collegeThresholds: { minForShare: 0.55, minColleges: 2, minVotesPerCollege: 10 },
  },
};

describe('consultation form → CreateConsultationInput', () => {
  it('maps every field, phases in step order and the settings with the share as a fraction', () => {
    expect(toCreateConsultationInput(filledForm())).toEqual({
      slug: 'lyon-ess-2027',
      title: 'Consultation lyonnaise sur l’ESS',
      description: 'Une consultation des acteurs lyonnais de l’économie sociale et solidaire.',
      territoryId: 'COMMUNE-69123',
      themeIds: [uuid(11), uuid(12)],
      phases: [
        { kind: 'PROPOSING', startsAt: iso('2027-01-10T09:00'), endsAt: null },
        { kind: 'VOTING', startsAt: iso('2027-03-01T09:00'), endsAt: iso('2027-04-01T18:30') },
        { kind: 'CLOSED', startsAt: iso('2027-06-01T00:00'), endsAt: null },
      ],
      settings: {
        reportThreshold: 5,
        preModeration: true,
        voteValues: ['FOR', 'AGAINST'],
        collegeThresholds: { minForShare: 0.67, minColleges: 4, minVotesPerCollege: 25 },
      },
    });
  });

  it('sends a null territory for a national consultation, even with a territory picked before', () => {
    const input = toCreateConsultationInput({ ...filledForm(), isNational: true });
    expect(input.territoryId).toBeNull();
  });

  it('leaves unticked phases out, whatever dates they kept', () => {
    const form = filledForm();
    form.phases.VOTING = { ...form.phases.VOTING, enabled: false };
    expect(toCreateConsultationInput(form).phases.map((phase) => phase.kind)).toEqual([
      'PROPOSING',
      'CLOSED',
    ]);
  });

  it('starts from the API defaults: every vote value, 60 %, 3 collèges, 10 votes, threshold 3', () => {
    expect(toSettingsInput(emptyConsultationForm())).toEqual({
      reportThreshold: 3,
      preModeration: false,
      voteValues: ['FOR', 'AGAINST', 'NEUTRAL'],
      collegeThresholds: { minForShare: 0.6, minColleges: 3, minVotesPerCollege: 10 },
    });
  });
});

describe('consultation form → UpdateConsultationInput', () => {
  it('names the consultation, never sends the slug and keeps the loaded values', () => {
    const input = toUpdateConsultationInput(loaded.id, consultationToForm(loaded));
    expect(input).toEqual({
      consultationId: loaded.id,
      title: loaded.title,
      description: loaded.description,
      territoryId: null,
      themeIds: [uuid(11)],
      // An untouched date keeps its exact instant (seconds and milliseconds included).
      phases: [{ kind: 'PROPOSING', startsAt: '2026-09-01T07:15:42.123Z', endsAt: null }],
      settings: {
        reportThreshold: 3,
        preModeration: false,
        voteValues: ['FOR', 'NEUTRAL'],
        collegeThresholds: { minForShare: 0.55, minColleges: 2, minVotesPerCollege: 10 },
      },
    });
    expect(input).not.toHaveProperty('slug');
  });

  it('sends an edited threshold and an edited date as typed', () => {
    const form = consultationToForm(loaded);
    form.reportThreshold = 7;
    form.phases.PROPOSING = { ...form.phases.PROPOSING, startsAt: '2026-09-02T08:00' };
    const input = toUpdateConsultationInput(loaded.id, form);
    expect(input.settings.reportThreshold).toBe(7);
    expect(input.phases[0].startsAt).toBe(iso('2026-09-02T08:00'));
  });
});

describe('the FOR vote value is always offered', () => {
  it.each([
    [[], ['FOR']],
    [['AGAINST'], ['FOR', 'AGAINST']],
    [
      ['NEUTRAL', 'FOR', 'AGAINST'],
      ['FOR', 'AGAINST', 'NEUTRAL'],
    ],
    [
      ['NEUTRAL', 'BOGUS'],
      ['FOR', 'NEUTRAL'],
    ],
  ])('ticked %j offers %j', (ticked, offered) => {
    expect(offeredVoteValues(ticked)).toEqual(offered);
  });

  it('adds FOR to the settings sent even when the form state lost it', () => {
    const form = { ...filledForm(), voteValues: ['AGAINST' as const] };
    expect(toSettingsInput(form).voteValues).toEqual(['FOR', 'AGAINST']);
  });

  it('adds FOR when a loaded consultation somehow lacks it', () => {
    const form = consultationToForm({
      ...loaded,
      settings: { ...loaded.settings, voteValues: ['AGAINST'] },
    });
    expect(form.voteValues).toEqual(['FOR', 'AGAINST']);
  });
});

describe('errors as form fields', () => {
  it('names phase errors by kind and settings errors by their own field', () => {
    const errors = toFormFieldErrors(
      [
        { field: 'phases.1.endsAt', rule: 'endsAfterStart', message: 'a' },
        { field: 'phases.2.kind', rule: 'unique', message: 'b' },
        { field: 'phases', rule: 'minItems', message: 'c' },
        { field: 'settings.collegeThresholds.minColleges', rule: 'max', message: 'd' },
        { field: 'settings.voteValues', rule: 'includesFor', message: 'e' },
        { field: 'settings', rule: 'unknownKeys', message: 'f' },
        { field: 'themeIds.0', rule: 'unknown', message: 'g' },
      ],
      ['PROPOSING', 'VOTING', 'CLOSED'],
    );
    expect(errors.map((error) => error.field)).toEqual([
      'VOTING_endsAt',
      'CLOSED_startsAt',
      'phases',
      'minColleges',
      'voteValues',
      'settings',
      'themeIds',
    ]);
  });

  it('asks for empty numbers, start dates of ticked phases and a missing territory', () => {
    const form = filledForm();
    form.territory = null;
    form.minColleges = '';
    form.phases.VOTING = { ...form.phases.VOTING, startsAt: '' };
    form.phases.CURATING = { ...form.phases.CURATING, startsAt: '' }; // unticked: not asked
    expect(missingFieldErrors(form, 'Obligatoire').map((error) => error.field)).toEqual([
      'territoryId',
      'VOTING_startsAt',
      'minColleges',
    ]);
    expect(missingFieldErrors(filledForm(), 'Obligatoire')).toEqual([]);
  });
});

describe('helpers', () => {
  it('turns a title into a slug', () => {
    expect(slugify('  Économie sociale & solidaire : 2027 ! ')).toBe(
      'economie-sociale-solidaire-2027',
    );
  });

  it('round-trips datetime-local values', () => {
    expect(toLocalInput(iso('2027-01-10T09:05'))).toBe('2027-01-10T09:05');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a date')).toBe('not a date');
  });
});
