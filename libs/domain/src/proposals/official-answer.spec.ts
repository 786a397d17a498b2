import { validateInput } from '../shared/validation';
import { answerProposalInputSchema, isAnswerStatus, officialAnswerOf } from './official-answer';

const ID = '00000000-0000-4000-8000-000000000001';

describe('official answers', () => {
  it.each([
    ['UNDER_REVIEW', true],
    ['SELECTED', true],
    ['NOT_RETAINED', true],
    ['PUBLISHED', false],
    ['RETAINED', false],
    ['MERGED', false],
    ['WITHDRAWN', false],
    ['DRAFT', false],
    [null, false],
  ] as const)('%s is an answer status: %p', (status, expected) => {
    expect(isAnswerStatus(status)).toBe(expected);
  });

  it.each([
    [{ status: 'SELECTED', answer: '  Retenue pour le plan régional.  ' }, []],
    [{ status: 'RETAINED', answer: 'Retenue pour le plan régional.' }, [['status', 'oneOf']]],
    [{ status: 'SELECTED', answer: 'Trop court' }, []],
    [{ status: 'SELECTED', answer: 'court' }, [['answer', 'minLength']]],
    [{ status: 'SELECTED', answer: '   ' }, [['answer', 'required']]],
    [{ status: 'SELECTED', answer: 'x'.repeat(5001) }, [['answer', 'maxLength']]],
    [{ status: 'NOT_RETAINED' }, [['answer', 'required']]],
  ])('validates %p', (input, expected) => {
    let fields: [string, string][] = [];
    try {
      validateInput(answerProposalInputSchema, { proposalId: ID, ...input }, 'en');
    } catch (error) {
      fields = (error as { fields: { field: string; rule: string }[] }).fields.map((f) => [
        f.field,
        f.rule,
      ]);
    }
    expect(fields).toEqual(expected);
  });

  it('trims the answer', () => {
    expect(
      validateInput(answerProposalInputSchema, {
        proposalId: ID,
        status: 'UNDER_REVIEW',
        answer: '  En cours d’examen.  ',
      }).answer,
    ).toBe('En cours d’examen.');
  });

  it.each([
    [[], null],
    [[{ to: 'PUBLISHED', reason: null }], null],
    [
      [
        { to: 'PUBLISHED', reason: null },
        { to: 'UNDER_REVIEW', reason: 'À l’étude' },
      ],
      'À l’étude',
    ],
    [
      [
        { to: 'PUBLISHED', reason: null },
        { to: 'UNDER_REVIEW', reason: 'À l’étude' },
        { to: 'SELECTED', reason: 'Retenue' },
        { to: 'RETAINED', reason: null },
      ],
      'Retenue',
    ],
    [
      [
        { to: 'PUBLISHED', reason: null },
        { to: 'NOT_RETAINED', reason: 'Non' },
        { to: 'UNDER_REVIEW', reason: 'Réexamen' },
      ],
      'Réexamen',
    ],
  ] as const)('the official answer of %p is %p', (changes, expected) => {
    expect(officialAnswerOf(changes)).toBe(expected);
  });
});
