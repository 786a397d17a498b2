import { DomainError } from '../shared/errors';
import { buildVoteMatrix, type OpinionVote } from './vote-matrix';

const votes: OpinionVote[] = [
  { participantId: 'zoé', proposalId: 'scic-energie', value: 'FOR' },
  { participantId: 'adam', proposalId: 'ptce-reemploi', value: 'AGAINST' },
  { participantId: 'zoé', proposalId: 'circuits-courts', value: 'NEUTRAL' },
  { participantId: 'adam', proposalId: 'scic-energie', value: 'FOR' },
  { participantId: 'bea', proposalId: 'circuits-courts', value: 'AGAINST' },
];

function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('buildVoteMatrix', () => {
  it('sorts participants and proposals by id and each row by proposal', () => {
    const matrix = buildVoteMatrix(votes);
    expect(matrix.participantIds).toEqual(['adam', 'bea', 'zoé']);
    expect(matrix.proposalIds).toEqual(['circuits-courts', 'ptce-reemploi', 'scic-energie']);
    expect([...matrix.rowStart]).toEqual([0, 2, 3, 5]);
    expect([...matrix.columns]).toEqual([1, 2, 0, 0, 2]);
    expect([...matrix.values]).toEqual([-1, 1, -1, 0, 1]);
  });

  it('builds the same matrix from the votes in any order', () => {
    expect(buildVoteMatrix([...votes].reverse())).toEqual(buildVoteMatrix(votes));
  });

  it('adds columns for proposals nobody voted on', () => {
    const matrix = buildVoteMatrix(votes, ['aaa-sans-vote', 'scic-energie']);
    expect(matrix.proposalIds).toEqual([
      'aaa-sans-vote',
      'circuits-courts',
      'ptce-reemploi',
      'scic-energie',
    ]);
    expect([...matrix.columns]).toEqual([2, 3, 1, 1, 3]);
  });

  it('builds an empty matrix from no votes', () => {
    const matrix = buildVoteMatrix([]);
    expect(matrix.participantIds).toEqual([]);
    expect([...matrix.rowStart]).toEqual([0]);
  });

  it('rejects an unknown vote value, naming the vote', () => {
    const invalid = [...votes, { participantId: 'bea', proposalId: 'x', value: 'MAYBE' }];
    const error = caught(() => buildVoteMatrix(invalid as OpinionVote[], [], 'en'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toEqual([
      { field: 'votes.5.value', rule: 'oneOf', message: 'Choose one of: FOR, AGAINST, NEUTRAL.' },
    ]);
  });

  it('rejects a second vote of one participant on one proposal, naming the later vote', () => {
    const twice = [...votes, { ...votes[0], value: 'AGAINST' as const }];
    expect(caught(() => buildVoteMatrix(twice)).fields).toEqual([
      {
        field: 'votes.5',
        rule: 'unique',
        message: 'Chaque élément ne peut être choisi qu’une fois.',
      },
    ]);
  });
});
