import { fieldErrors, validateInput } from '../shared/validation';
import { PROPOSAL_LIMITS, submitProposalInputSchema } from './proposal.schemas';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const valid = {
  consultationId: uuid(1),
  title: 'Des cantines 100 % bio en régie',
  summary: 'Généraliser les cantines bio gérées en régie par les communes.',
  body: 'Les communes qui ont repris leur cantine en régie servent des repas bio et locaux sans surcoût.',
  themeIds: [uuid(2), uuid(3)],
  territoryId: 'COMMUNE-06088',
  competentLevel: 'COMMUNE',
  lever: 'PUBLIC_PROCUREMENT',
};

describe('submitProposalInputSchema', () => {
  it('accepts a complete proposal and turns blank optional texts into null', () => {
    expect(
      validateInput(submitProposalInputSchema, {
        ...valid,
        experiment: '  ',
        measuredImpact: 'Moins 30 % de gaspillage',
        organisationId: null,
      }),
    ).toEqual({
      ...valid,
      experiment: null,
      measuredImpact: 'Moins 30 % de gaspillage',
      organisationId: null,
    });
  });

  it.each([
    ['consultationId', 'abc', 'id'],
    ['title', '', 'required'],
    ['title', 'Cantines', 'minLength'],
    ['title', 'x'.repeat(PROPOSAL_LIMITS.titleMax + 1), 'maxLength'],
    ['summary', 'Court', 'minLength'],
    ['summary', 'x'.repeat(PROPOSAL_LIMITS.summaryMax + 1), 'maxLength'],
    ['body', 'Court', 'minLength'],
    ['body', 'x'.repeat(PROPOSAL_LIMITS.bodyMax + 1), 'maxLength'],
    ['themeIds', [], 'minItems'],
    ['themeIds', [uuid(2), uuid(3), uuid(4), uuid(5)], 'maxItems'],
    ['themeIds', [uuid(2), uuid(2)], 'unique'],
    ['territoryId', 'Lyon', 'territory'],
    ['competentLevel', 'MONDE', 'oneOf'],
    ['lever', 'PRAYER', 'oneOf'],
    ['experiment', 'x'.repeat(PROPOSAL_LIMITS.experimentMax + 1), 'maxLength'],
    ['measuredImpact', 'x'.repeat(PROPOSAL_LIMITS.measuredImpactMax + 1), 'maxLength'],
    ['organisationId', 'org', 'id'],
    ['experimentIds', [uuid(2), uuid(2)], 'unique'],
    ['experimentIds', [1, 2, 3, 4, 5, 6].map((n) => uuid(10 + n)), 'maxItems'],
  ])('rejects %s = %p with rule %s', (field, value, rule) => {
    expect(fieldErrors(submitProposalInputSchema, { ...valid, [field]: value })).toEqual([
      expect.objectContaining({ field, rule }),
    ]);
  });

  it('keeps cited experiments in the order given, and leaves them out when absent or null', () => {
    const cited = [uuid(12), uuid(11)];
    expect(validateInput(submitProposalInputSchema, { ...valid, experimentIds: cited })).toEqual(
      expect.objectContaining({ experimentIds: cited }),
    );
    expect(validateInput(submitProposalInputSchema, { ...valid, experimentIds: null })).toEqual(
      expect.objectContaining({ experimentIds: null }),
    );
    expect(validateInput(submitProposalInputSchema, valid)).not.toHaveProperty('experimentIds');
  });

  it('names a bad theme id by its position', () => {
    expect(fieldErrors(submitProposalInputSchema, { ...valid, themeIds: [uuid(2), 'x'] })).toEqual([
      expect.objectContaining({ field: 'themeIds.1', rule: 'id' }),
    ]);
  });

  it('rejects attempts to set the author, status or counters', () => {
    for (const extra of [{ authorId: uuid(9) }, { status: 'SELECTED' }, { votesFor: 1000 }]) {
      expect(fieldErrors(submitProposalInputSchema, { ...valid, ...extra })).toEqual([
        expect.objectContaining({ rule: 'unknownField' }),
      ]);
    }
  });
});
