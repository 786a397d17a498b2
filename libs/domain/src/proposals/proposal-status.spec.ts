import { type Actor } from '../permissions/can';
import { type ProposalStatus, ProposalStatus as Statuses, type Role } from '../shared/enums';
import {
  canTransitionProposal,
  capCount,
  isPubliclyVisible,
  PROPOSAL_COUNT_CAP,
  PROPOSAL_TRANSITIONS,
  transitionProposal,
} from './proposal-status';

const at = new Date('2026-05-01T10:00:00Z');
const as = (role: Role): Actor => ({ id: `${role.toLowerCase()}-1`, role });
const ALL = Object.values(Statuses);

describe('proposal state machine', () => {
  it.each([
    [null, 'PUBLISHED', 'PARTICIPANT', true],
    ['DRAFT', 'PUBLISHED', 'PARTICIPANT', true],
    ['PUBLISHED', 'WITHDRAWN', 'PARTICIPANT', true],
    ['UNDER_REVIEW', 'WITHDRAWN', 'PARTICIPANT', true],
    ['SELECTED', 'WITHDRAWN', 'PARTICIPANT', false],
    ['RETAINED', 'WITHDRAWN', 'PARTICIPANT', false],
    ['PUBLISHED', 'SELECTED', 'PARTICIPANT', false],
  ] as const)('the author moves %p → %s: %p', (from, to, role, expected) => {
    expect(canTransitionProposal(from, to, as(role), { isAuthor: true })).toBe(expected);
  });

  it.each([
    ['PUBLISHED', 'UNDER_REVIEW', 'MODERATOR', true],
    ['PUBLISHED', 'UNDER_REVIEW', 'ADMIN', true],
    ['PUBLISHED', 'UNDER_REVIEW', 'CURATOR', false],
    ['PUBLISHED', 'UNDER_REVIEW', 'PARTICIPANT', false],
    ['UNDER_REVIEW', 'NOT_RETAINED', 'MODERATOR', true],
    ['SELECTED', 'RETAINED', 'CURATOR', true],
    ['SELECTED', 'RETAINED', 'MODERATOR', false],
    ['PUBLISHED', 'WITHDRAWN', 'MODERATOR', false],
    ['MERGED', 'PUBLISHED', 'MODERATOR', true],
  ] as const)('a non-author %s → %s as %s: %p', (from, to, role, expected) => {
    expect(canTransitionProposal(from, to, as(role), { isAuthor: false })).toBe(expected);
  });

  it('keeps WITHDRAWN and RETAINED final', () => {
    for (const to of ALL) {
      expect(canTransitionProposal('WITHDRAWN', to, as('ADMIN'), { isAuthor: true })).toBe(false);
      expect(canTransitionProposal('RETAINED', to, as('ADMIN'), { isAuthor: true })).toBe(false);
    }
  });

  it('never lets an anonymous visitor change a status', () => {
    for (const { from, to } of PROPOSAL_TRANSITIONS) {
      expect(canTransitionProposal(from, to, null, { isAuthor: true })).toBe(false);
    }
  });

  it('records who, when and why', () => {
    expect(
      transitionProposal({
        from: 'PUBLISHED',
        to: 'NOT_RETAINED',
        actor: as('MODERATOR'),
        isAuthor: false,
        reason: '  Hors sujet  ',
        at,
      }),
    ).toEqual({
      from: 'PUBLISHED',
      to: 'NOT_RETAINED',
      actorId: 'moderator-1',
      reason: 'Hors sujet',
      at,
    });
    expect(
      transitionProposal({
        from: null,
        to: 'PUBLISHED',
        actor: as('PARTICIPANT'),
        isAuthor: true,
        at,
      }),
    ).toEqual({
      from: null,
      to: 'PUBLISHED',
      actorId: 'participant-1',
      reason: null,
      at,
    });
  });

  it.each([
    [
      { from: 'WITHDRAWN', to: 'PUBLISHED', actor: as('ADMIN'), isAuthor: true },
      'ILLEGAL_TRANSITION',
    ],
    [{ from: 'PUBLISHED', to: 'UNDER_REVIEW', actor: null, isAuthor: false }, 'SIGN_IN_REQUIRED'],
    [
      { from: 'PUBLISHED', to: 'UNDER_REVIEW', actor: as('PARTICIPANT'), isAuthor: true },
      'NOT_ALLOWED',
    ],
    [
      { from: 'PUBLISHED', to: 'MERGED', actor: as('MODERATOR'), isAuthor: false, reason: '   ' },
      'REASON_REQUIRED',
    ],
    [
      { from: 'UNDER_REVIEW', to: 'SELECTED', actor: as('MODERATOR'), isAuthor: false },
      'REASON_REQUIRED',
    ],
  ] as const)('refuses %p with %s', (input, code) => {
    expect(() =>
      transitionProposal({ ...input, at } as Parameters<typeof transitionProposal>[0]),
    ).toThrow(expect.objectContaining({ code }));
  });

  it('lists which statuses are public', () => {
    const hidden: ProposalStatus[] = ['DRAFT', 'WITHDRAWN'];
    for (const status of ALL) expect(isPubliclyVisible(status)).toBe(!hidden.includes(status));
  });
});

describe('capCount', () => {
  it.each([
    [0, 3, { totalCount: 0, isCapped: false }],
    [2, 3, { totalCount: 2, isCapped: false }],
    [3, 3, { totalCount: 3, isCapped: false }],
    [4, 3, { totalCount: 3, isCapped: true }],
    [5, 3, { totalCount: 3, isCapped: true }],
  ])('shows %p matches with a cap of %p as %p', (matched, cap, expected) => {
    expect(capCount(matched, cap)).toEqual(expected);
  });

  it('caps at PROPOSAL_COUNT_CAP (10 000) by default', () => {
    expect(PROPOSAL_COUNT_CAP).toBe(10_000);
    expect(capCount(10_000)).toEqual({ totalCount: 10_000, isCapped: false });
    expect(capCount(10_001)).toEqual({ totalCount: 10_000, isCapped: true });
  });
});
