import {
  applyConsultationSettings,
  consultationSettingsInputSchema,
  DEFAULT_CONSULTATION_SETTINGS,
  isVoteValueOffered,
  parseConsultationSettings,
} from './settings';
import { fieldErrors } from '../shared/validation';

const ALL = ['FOR', 'AGAINST', 'NEUTRAL'];
const THRESHOLDS = { minForShare: 0.6, minColleges: 3, minVotesPerCollege: 10 };
const defaults = (overrides: Record<string, unknown> = {}) => ({
  reportThreshold: 3,
  preModeration: false,
  voteValues: ALL,
  collegeThresholds: THRESHOLDS,
  ...overrides,
});

describe('consultation settings', () => {
  it.each([
    [null, DEFAULT_CONSULTATION_SETTINGS],
    [[], DEFAULT_CONSULTATION_SETTINGS],
    ['text', DEFAULT_CONSULTATION_SETTINGS],
    [{}, defaults()],
    [{ reportThreshold: 5 }, defaults({ reportThreshold: 5 })],
    [
      { reportThreshold: 1, preModeration: true },
      defaults({ reportThreshold: 1, preModeration: true }),
    ],
    [{ reportThreshold: 50 }, defaults({ reportThreshold: 50 })],
    [{ reportThreshold: 0 }, defaults()],
    [{ reportThreshold: 51 }, defaults()],
    [{ reportThreshold: 2.5 }, defaults()],
    [{ reportThreshold: '4', preModeration: 'yes' }, defaults()],
    [{ voteValues: ['FOR'] }, defaults({ voteValues: ['FOR'] })],
    [{ voteValues: ['NEUTRAL', 'FOR'] }, defaults({ voteValues: ['FOR', 'NEUTRAL'] })],
    [{ voteValues: ['AGAINST', 'NEUTRAL'] }, defaults()],
    [{ voteValues: ['FOR', 'FOR'] }, defaults()],
    [{ voteValues: [] }, defaults()],
    [{ voteValues: ['FOR', 'MAYBE'] }, defaults()],
    [{ voteValues: 'FOR' }, defaults()],
    [
      { collegeThresholds: { minForShare: 0.75, minColleges: 1, minVotesPerCollege: 10000 } },
      defaults({
        collegeThresholds: { minForShare: 0.75, minColleges: 1, minVotesPerCollege: 10000 },
      }),
    ],
    [
      { collegeThresholds: { minForShare: 1.5, minColleges: 8, minVotesPerCollege: 0 } },
      defaults(),
    ],
    [
      { collegeThresholds: { minForShare: 0.5, minColleges: 2.5 } },
      defaults({ collegeThresholds: { ...THRESHOLDS, minForShare: 0.5 } }),
    ],
    [{ collegeThresholds: 'high' }, defaults()],
  ])('parses %j with defaults', (json, expected) => {
    expect(parseConsultationSettings(json)).toEqual(expected);
  });

  it('applies changes, keeping what is absent or null', () => {
    expect(applyConsultationSettings({ reportThreshold: 7 }, { preModeration: true })).toEqual(
      defaults({ reportThreshold: 7, preModeration: true }),
    );
    expect(applyConsultationSettings(null, { reportThreshold: 2, preModeration: null })).toEqual(
      defaults({ reportThreshold: 2 }),
    );
    expect(applyConsultationSettings({ preModeration: true }, null)).toEqual(
      defaults({ preModeration: true }),
    );
  });

  it('applies vote values in the order FOR, AGAINST, NEUTRAL', () => {
    expect(
      applyConsultationSettings({ voteValues: ['FOR'] }, { voteValues: ['NEUTRAL', 'FOR'] })
        .voteValues,
    ).toEqual(['FOR', 'NEUTRAL']);
    expect(
      applyConsultationSettings({ voteValues: ['FOR', 'AGAINST'] }, { voteValues: null })
        .voteValues,
    ).toEqual(['FOR', 'AGAINST']);
  });

  it('applies college thresholds key by key', () => {
    const current = { collegeThresholds: { minForShare: 0.7, minColleges: 2 } };
    expect(
      applyConsultationSettings(current, {
        collegeThresholds: { minColleges: 5, minVotesPerCollege: null },
      }).collegeThresholds,
    ).toEqual({ minForShare: 0.7, minColleges: 5, minVotesPerCollege: 10 });
    expect(
      applyConsultationSettings(current, {
        collegeThresholds: { minForShare: 0.9, minVotesPerCollege: 25 },
      }).collegeThresholds,
    ).toEqual({ minForShare: 0.9, minColleges: 2, minVotesPerCollege: 25 });
    expect(
      applyConsultationSettings(current, { collegeThresholds: null }).collegeThresholds,
    ).toEqual({ minForShare: 0.7, minColleges: 2, minVotesPerCollege: 10 });
  });

  it.each([
    [{ reportThreshold: 0 }, 'reportThreshold', 'minValue'],
    [{ reportThreshold: 51 }, 'reportThreshold', 'maxValue'],
    [{ other: 1 }, '', 'unknownField'],
    [{ voteValues: ['AGAINST', 'NEUTRAL'] }, 'voteValues', 'includesFor'],
    [{ voteValues: ['FOR', 'FOR'] }, 'voteValues', 'unique'],
    [{ voteValues: [] }, 'voteValues', 'minItems'],
    [{ voteValues: ['FOR', 'MAYBE'] }, 'voteValues.1', 'oneOf'],
    [{ collegeThresholds: { minForShare: 1.5 } }, 'collegeThresholds.minForShare', 'maxValue'],
    [{ collegeThresholds: { minForShare: 0.4 } }, 'collegeThresholds.minForShare', 'minValue'],
    [{ collegeThresholds: { minColleges: 0 } }, 'collegeThresholds.minColleges', 'minValue'],
    [{ collegeThresholds: { minColleges: 8 } }, 'collegeThresholds.minColleges', 'maxValue'],
    [
      { collegeThresholds: { minVotesPerCollege: 10001 } },
      'collegeThresholds.minVotesPerCollege',
      'maxValue',
    ],
    [{ collegeThresholds: { other: 1 } }, 'collegeThresholds', 'unknownField'],
  ])('refuses the input %j', (input, field, rule) => {
    expect(fieldErrors(consultationSettingsInputSchema, input, 'en')[0]).toMatchObject({
      field,
      rule,
    });
  });

  it('explains in French and English that FOR must stay offered', () => {
    const input = { voteValues: ['AGAINST'] };
    expect(fieldErrors(consultationSettingsInputSchema, input, 'fr')[0]?.message).toContain(
      '« Pour »',
    );
    expect(fieldErrors(consultationSettingsInputSchema, input, 'en')[0]?.message).toContain(
      '“For”',
    );
  });

  it('accepts a valid input', () => {
    expect(
      fieldErrors(consultationSettingsInputSchema, {
        reportThreshold: 10,
        voteValues: ['FOR', 'AGAINST'],
        collegeThresholds: { minForShare: 1, minColleges: 7, minVotesPerCollege: 1 },
      }),
    ).toEqual([]);
  });

  it('tells whether a vote value is offered', () => {
    const settings = parseConsultationSettings({ voteValues: ['FOR', 'AGAINST'] });
    expect(isVoteValueOffered(settings, 'AGAINST')).toBe(true);
    expect(isVoteValueOffered(settings, 'NEUTRAL')).toBe(false);
  });
});
