import {
  applyConsultationSettings,
  consultationSettingsInputSchema,
  DEFAULT_CONSULTATION_SETTINGS,
  parseConsultationSettings,
} from './settings';
import { fieldErrors } from '../shared/validation';

describe('consultation settings', () => {
  it.each([
    [null, DEFAULT_CONSULTATION_SETTINGS],
    [[], DEFAULT_CONSULTATION_SETTINGS],
    ['text', DEFAULT_CONSULTATION_SETTINGS],
    [{}, { reportThreshold: 3, preModeration: false }],
    [{ reportThreshold: 5 }, { reportThreshold: 5, preModeration: false }],
    [
      { reportThreshold: 1, preModeration: true },
      { reportThreshold: 1, preModeration: true },
    ],
    [{ reportThreshold: 50 }, { reportThreshold: 50, preModeration: false }],
    [{ reportThreshold: 0 }, { reportThreshold: 3, preModeration: false }],
    [{ reportThreshold: 51 }, { reportThreshold: 3, preModeration: false }],
    [{ reportThreshold: 2.5 }, { reportThreshold: 3, preModeration: false }],
    [
      { reportThreshold: '4', preModeration: 'yes' },
      { reportThreshold: 3, preModeration: false },
    ],
  ])('parses %j with defaults', (json, expected) => {
    expect(parseConsultationSettings(json)).toEqual(expected);
  });

  it('applies changes, keeping what is absent or null', () => {
    expect(applyConsultationSettings({ reportThreshold: 7 }, { preModeration: true })).toEqual({
      reportThreshold: 7,
      preModeration: true,
    });
    expect(applyConsultationSettings(null, { reportThreshold: 2, preModeration: null })).toEqual({
      reportThreshold: 2,
      preModeration: false,
    });
    expect(applyConsultationSettings({ preModeration: true }, null)).toEqual({
      reportThreshold: 3,
      preModeration: true,
    });
  });

  it.each([
    [{ reportThreshold: 0 }, 'minValue'],
    [{ reportThreshold: 51 }, 'maxValue'],
    [{ other: 1 }, 'unknownField'],
  ])('refuses the input %j', (input, rule) => {
    expect(fieldErrors(consultationSettingsInputSchema, input, 'en')[0]?.rule).toBe(rule);
  });

  it('accepts a valid input', () => {
    expect(fieldErrors(consultationSettingsInputSchema, { reportThreshold: 10 })).toEqual([]);
  });
});
