import { type DomainError } from '../shared/errors';
import { fieldErrors } from '../shared/validation';
import {
  assertCanModerate,
  assertCanReport,
  assertDecisionTarget,
  canSeeHidden,
  isContentVisibleTo,
  moderationDecisionInputSchema,
  reportContentInputSchema,
  reportOpenKey,
  shouldHide,
} from './moderation';

const ID = '0b8f7a2e-4c1d-4e8a-9f3b-2a6c5d7e8f90';
const participant = { id: 'p', role: 'PARTICIPANT' } as const;
const author = { id: 'a', role: 'PARTICIPANT' } as const;
const moderator = { id: 'm', role: 'MODERATOR' } as const;
const curator = { id: 'c', role: 'CURATOR' } as const;
const admin = { id: 'x', role: 'ADMIN' } as const;

const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('report input', () => {
  it.each([
    [{ targetType: 'PROPOSAL', targetId: ID, reason: 'SPAM' }, null],
    [{ targetType: 'COMMENT', targetId: ID, reason: 'OTHER', details: 'Insulte' }, null],
    [{ targetType: 'USER', targetId: ID, reason: 'OFFENSIVE', details: '  ' }, null],
    [{ targetType: 'PROPOSAL', targetId: ID, reason: 'OTHER' }, 'details:required'],
    [{ targetType: 'PROPOSAL', targetId: ID, reason: 'OTHER', details: ' ' }, 'details:required'],
    [
      { targetType: 'PROPOSAL', targetId: ID, reason: 'SPAM', details: 'x'.repeat(1001) },
      'details:maxLength',
    ],
    [{ targetType: 'THEME', targetId: ID, reason: 'SPAM' }, 'targetType:oneOf'],
    [{ targetType: 'PROPOSAL', targetId: 'nope', reason: 'SPAM' }, 'targetId:id'],
    [{ targetType: 'PROPOSAL', targetId: ID, reason: 'BORING' }, 'reason:oneOf'],
  ])('%j → %s', (input, expected) => {
    const errors = fieldErrors(reportContentInputSchema, input, 'en');
    expect(errors[0] ? `${errors[0].field}:${errors[0].rule}` : null).toBe(expected);
  });
});

describe('moderation decision input', () => {
  it.each([
    [{ targetType: 'PROPOSAL', targetId: ID, reason: 'Spam' }, null],
    [{ targetType: 'COMMENT', targetId: ID, reason: 'x'.repeat(1000) }, null],
    [{ targetType: 'COMMENT', targetId: ID, reason: '  ab ' }, 'reason:minLength'],
    [{ targetType: 'COMMENT', targetId: ID, reason: 'x'.repeat(1001) }, 'reason:maxLength'],
    [{ targetType: 'COMMENT', targetId: ID }, 'reason:required'],
  ])('%j → %s', (input, expected) => {
    const errors = fieldErrors(moderationDecisionInputSchema, input, 'en');
    expect(errors[0] ? `${errors[0].field}:${errors[0].rule}` : null).toBe(expected);
  });
});

describe('who may report', () => {
  it.each([
    [null, 'a', 'SIGN_IN_REQUIRED'],
    [author, 'a', 'OWN_CONTENT_REPORT'],
    [participant, 'a', null],
    [moderator, 'a', null],
  ])('%j on content of %s → %s', (actor, ownerId, expected) => {
    expect(codeOf(() => assertCanReport(actor, { ownerId }))).toBe(expected);
  });

  it('keys an open report by reporter and target', () => {
    expect(reportOpenKey('r', 'COMMENT', 't')).toBe('r:COMMENT:t');
  });
});

describe('automatic hiding', () => {
  it.each([
    [0, 3, false],
    [2, 3, false],
    [3, 3, true],
    [4, 3, true],
    [1, 1, true],
  ])('%d open reports at threshold %d → hidden %s', (count, threshold, hidden) => {
    expect(shouldHide(count, threshold)).toBe(hidden);
  });
});

describe('moderation decisions', () => {
  it.each([
    [null, 'SIGN_IN_REQUIRED'],
    [participant, 'NOT_ALLOWED'],
    [curator, 'NOT_ALLOWED'],
    [moderator, null],
    [admin, null],
  ])('%j → %s', (actor, expected) => {
    expect(codeOf(() => assertCanModerate(actor))).toBe(expected);
  });

  it.each([
    ['HIDE', 'USER', 'INVALID_INPUT'],
    ['RESTORE', 'USER', 'INVALID_INPUT'],
    ['DISMISS_REPORTS', 'USER', null],
    ['HIDE', 'PROPOSAL', null],
    ['RESTORE', 'COMMENT', null],
    ['HIDE', 'AMENDMENT', null],
    ['RESTORE', 'AMENDMENT', null],
  ] as const)('%s on %s → %s', (decision, targetType, expected) => {
    expect(codeOf(() => assertDecisionTarget(decision, targetType))).toBe(expected);
    expect(codeOf(() => assertDecisionTarget(decision, targetType, 'en'))).toBe(expected);
  });
});

describe('visibility of hidden content', () => {
  it.each([
    [null, false],
    [participant, false],
    [curator, false],
    [author, true],
    [moderator, true],
    [admin, true],
  ])('%j sees hidden content: %s', (actor, expected) => {
    expect(canSeeHidden(actor, 'a')).toBe(expected);
    expect(isContentVisibleTo(actor, { hiddenAt: new Date(), authorId: 'a' })).toBe(expected);
    expect(isContentVisibleTo(actor, { hiddenAt: null, authorId: 'a' })).toBe(true);
  });

  it.each([
    [null, { isLocalModerator: true }, false],
    [participant, { isLocalModerator: true }, true],
    [participant, { isLocalModerator: true, isSuspended: false }, true],
    [participant, { isLocalModerator: true, isSuspended: true }, false],
    [participant, { isLocalModerator: false }, false],
    [moderator, { isLocalModerator: false }, true],
  ])(
    '%j moderating the consultation as %j sees hidden content: %s',
    (actor, moderation, expected) => {
      const hidden = { hiddenAt: new Date(), authorId: 'a' };
      expect(canSeeHidden(actor, 'a', moderation)).toBe(expected);
      expect(isContentVisibleTo(actor, hidden, moderation)).toBe(expected);
    },
  );
});
