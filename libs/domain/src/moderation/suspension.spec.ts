import { type DomainError } from '../shared/errors';
import { fieldErrors } from '../shared/validation';
import { excerpt } from './notifications';
import { shouldHoldForReview } from './pre-moderation';
import {
  assertCanSuspend,
  assertNotSuspended,
  assertSuspended,
  canSuspend,
  isBlockedWhenSuspended,
  isSuspended,
  reinstateUserInputSchema,
  suspendUserInputSchema,
  suspensionEnd,
} from './suspension';

const ID = '0b8f7a2e-4c1d-4e8a-9f3b-2a6c5d7e8f90';
const NOW = new Date('2026-11-25T12:00:00.000Z');
const account = (id: string, role: 'PARTICIPANT' | 'MODERATOR' | 'CURATOR' | 'ADMIN') => ({
  id,
  role,
});

const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('who may suspend whom', () => {
  it.each([
    [null, account('t', 'PARTICIPANT'), 'SIGN_IN_REQUIRED'],
    [account('p', 'PARTICIPANT'), account('t', 'PARTICIPANT'), 'NOT_ALLOWED'],
    [account('c', 'CURATOR'), account('t', 'PARTICIPANT'), 'NOT_ALLOWED'],
    [account('m', 'MODERATOR'), account('t', 'PARTICIPANT'), null],
    [account('m', 'MODERATOR'), account('t', 'CURATOR'), null],
    [account('m', 'MODERATOR'), account('t', 'MODERATOR'), 'NOT_ALLOWED'],
    [account('m', 'MODERATOR'), account('t', 'ADMIN'), 'NOT_ALLOWED'],
    [account('m', 'MODERATOR'), account('m', 'MODERATOR'), 'OWN_ACCOUNT_SUSPENSION'],
    [account('x', 'ADMIN'), account('t', 'MODERATOR'), null],
    [account('x', 'ADMIN'), account('t', 'ADMIN'), null],
    [account('x', 'ADMIN'), account('x', 'ADMIN'), 'OWN_ACCOUNT_SUSPENSION'],
  ] as const)('%j suspending %j → %s', (actor, target, expected) => {
    expect(codeOf(() => assertCanSuspend(actor, target, 'en'))).toBe(expected);
    expect(canSuspend(actor, target)).toBe(expected === null);
  });
});

describe('suspension end and state', () => {
  it.each([
    [1, '2026-11-26T12:00:00.000Z'],
    [30, '2026-12-25T12:00:00.000Z'],
    [null, null],
    [undefined, null],
  ])('durationDays %p ends at %p', (days, expected) => {
    expect(suspensionEnd(NOW, days)?.toISOString() ?? null).toBe(expected);
  });

  const at = (iso: string | null) => (iso ? new Date(iso) : null);
  it.each([
    [null, null, false],
    ['2026-11-20T00:00:00.000Z', null, true],
    ['2026-11-20T00:00:00.000Z', '2026-11-30T00:00:00.000Z', true],
    ['2026-11-20T00:00:00.000Z', '2026-11-25T12:00:00.000Z', false],
    ['2026-11-20T00:00:00.000Z', '2026-11-24T00:00:00.000Z', false],
  ])('suspendedAt %p until %p → suspended now: %p', (from, until, expected) => {
    const state = { suspendedAt: at(from), suspendedUntil: at(until) };
    expect(isSuspended(state, NOW)).toBe(expected);
    expect(codeOf(() => assertNotSuspended(state, NOW))).toBe(
      expected ? 'ACCOUNT_SUSPENDED' : null,
    );
    expect(codeOf(() => assertSuspended(state, NOW))).toBe(expected ? null : 'NOT_SUSPENDED');
  });

  it('gives the end of a suspension in the error, and none when indefinite', () => {
    const until = new Date('2026-12-01T00:00:00.000Z');
    const params = (state: { suspendedAt: Date; suspendedUntil: Date | null }) => {
      try {
        assertNotSuspended(state, NOW, 'en');
      } catch (error) {
        return { params: (error as DomainError).params, message: (error as Error).message };
      }
      return null;
    };
    const ending = params({ suspendedAt: NOW, suspendedUntil: until });
    expect(ending?.params).toEqual({ suspendedUntil: until.toISOString() });
    expect(ending?.message).toContain(until.toISOString());
    expect(params({ suspendedAt: NOW, suspendedUntil: null })?.params).toBeUndefined();
  });

  it.each([
    ['castVote', true],
    ['submitProposal', true],
    ['suspendUser', true],
    ['signIn', false],
    ['signOut', false],
    ['refreshSession', false],
    ['markNotificationsRead', false],
    ['resetPassword', false],
    ['verifyEmail', false],
  ])('mutation %s is blocked when suspended: %p', (name, expected) => {
    expect(isBlockedWhenSuspended(name)).toBe(expected);
  });
});

describe('suspension inputs', () => {
  it.each([
    [{ userId: ID, reason: 'Insultes répétées', durationDays: 7 }, null],
    [{ userId: ID, reason: 'Insultes répétées', durationDays: null }, null],
    [{ userId: ID, reason: 'Insultes répétées' }, null],
    [{ userId: ID, reason: 'no' }, 'reason:minLength'],
    [{ userId: ID, reason: 'Spam', durationDays: 0 }, 'durationDays:minValue'],
    [{ userId: ID, reason: 'Spam', durationDays: 3651 }, 'durationDays:maxValue'],
    [{ userId: ID, reason: 'Spam', durationDays: 1.5 }, 'durationDays:invalid'],
    [{ userId: 'x', reason: 'Spam' }, 'userId:id'],
  ])('suspend %j → %s', (input, expected) => {
    const errors = fieldErrors(suspendUserInputSchema, input, 'en');
    expect(errors.map((error) => `${error.field}:${error.rule}`)).toEqual(
      expected === null ? [] : [expected],
    );
  });

  it.each([
    [{ userId: ID, reason: 'Erreur de modération' }, true],
    [{ userId: ID, reason: '' }, false],
    [{ userId: ID }, false],
  ])('reinstate %j valid: %p', (input, expected) => {
    expect(reinstateUserInputSchema.safeParse(input).success).toBe(expected);
  });
});

describe('pre-moderation', () => {
  const trusted = new Date('2026-01-01T00:00:00.000Z');
  it.each([
    [true, 'PARTICIPANT', null, true],
    [true, 'PARTICIPANT', trusted, false],
    [true, 'MODERATOR', null, false],
    [true, 'ADMIN', null, false],
    [true, 'CURATOR', null, false],
    [false, 'PARTICIPANT', null, false],
  ] as const)('preModeration %p, %s, trustedAt %p → held: %p', (pre, role, trustedAt, held) => {
    expect(shouldHoldForReview({ preModeration: pre }, { role, trustedAt })).toBe(held);
  });
});

describe('notification excerpts', () => {
  it.each([
    ['  Court.  ', 280, 'Court.'],
    ['un deux trois quatre', 12, 'un deux…'],
    ['abcdefghijklmnop', 8, 'abcdefg…'],
  ])('%p at %p → %p', (value, max, expected) => {
    expect(excerpt(value, max)).toBe(expected);
  });
  it('keeps the default length', () => {
    expect(excerpt('x'.repeat(400)).length).toBe(280);
  });
});
