import {
  changedDiffFields,
  conflictKind,
  decisionInput,
  filterAmendments,
  nextVote,
} from '../amendment-logic';
import { amendment } from './fixtures';

describe('nextVote', () => {
  it.each([
    [null, 'FOR', 'FOR'],
    [null, 'AGAINST', 'AGAINST'],
    ['AGAINST', 'FOR', 'FOR'],
    ['FOR', 'AGAINST', 'AGAINST'],
    ['FOR', 'FOR', null],
    ['AGAINST', 'AGAINST', null],
  ] as const)('with %s, a click on %s sends %s', (current, clicked, sent) => {
    expect(nextVote(current, clicked)).toBe(sent);
  });
});

describe('filterAmendments', () => {
  const list = [
    amendment({ id: 'a', status: 'PENDING' }),
    amendment({ id: 'b', status: 'ACCEPTED' }),
    amendment({ id: 'c', status: 'REJECTED' }),
    amendment({ id: 'd', status: 'WITHDRAWN' }),
  ];
  it('keeps one status, or all of them (withdrawn ones only there), in order', () => {
    expect(filterAmendments(list, 'PENDING').map((a) => a.id)).toEqual(['a']);
    expect(filterAmendments(list, 'ACCEPTED').map((a) => a.id)).toEqual(['b']);
    expect(filterAmendments(list, 'REJECTED').map((a) => a.id)).toEqual(['c']);
    expect(filterAmendments(list, 'ALL').map((a) => a.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('changedDiffFields', () => {
  it('lists only the changed fields, in reading order, whatever order the API gives', () => {
    const { diff } = amendment();
    const fields = changedDiffFields({ ...diff, changedFields: ['BODY', 'TITLE'] });
    expect(fields.map((f) => f.field)).toEqual(['TITLE', 'BODY']);
    expect(fields[0]?.parts).toBe(diff.title);
  });
});

describe('decisionInput', () => {
  const read = { id: 'a1', version: 3 };

  it('sends the version read, the trimmed reason and the invitation on acceptance', () => {
    expect(
      decisionInput(read, 'ACCEPT', { reason: '  Bonne idée. ', inviteAuthor: true }, false),
    ).toEqual({
      input: {
        amendmentId: 'a1',
        expectedVersion: 3,
        reason: 'Bonne idée.',
        inviteAuthorAsCoAuthor: true,
      },
    });
  });

  it('sends no invitation on rejection, and a blank reason as none', () => {
    expect(decisionInput(read, 'REJECT', { reason: '   ', inviteAuthor: true }, false)).toEqual({
      input: { amendmentId: 'a1', expectedVersion: 3, reason: null },
    });
  });

  it('requires a reason from a moderator deciding in the author’s place', () => {
    expect(decisionInput(read, 'ACCEPT', { reason: ' ', inviteAuthor: false }, true)).toEqual({
      error: 'REASON_REQUIRED',
    });
    expect(
      decisionInput(read, 'REJECT', { reason: 'Hors sujet.', inviteAuthor: false }, true),
    ).toEqual({ input: { amendmentId: 'a1', expectedVersion: 3, reason: 'Hors sujet.' } });
  });
});

describe('conflictKind', () => {
  it('tells an outdated amendment from a stale read, and nothing else', () => {
    expect(conflictKind('AMENDMENT_OUTDATED')).toBe('outdated');
    expect(conflictKind('STALE_VERSION')).toBe('stale');
    expect(conflictKind('NOT_ALLOWED')).toBeNull();
    expect(conflictKind(undefined)).toBeNull();
  });
});
