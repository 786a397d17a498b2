import { validateInput } from '../shared/validation';
import {
  ACCOUNT_TOKEN_LIFETIME_MS,
  accountTokenError,
  accountTokenExpiresAt,
  accountTokenState,
  isAccountTokenShape,
  requestPasswordResetInputSchema,
  resetPasswordInputSchema,
} from './account-tokens';

const now = new Date('2026-11-26T10:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('account token lifetimes', () => {
  it('keeps a verification link 48 hours and a reset link one hour', () => {
    expect(ACCOUNT_TOKEN_LIFETIME_MS.VERIFY_EMAIL).toBe(48 * 3600 * 1000);
    expect(ACCOUNT_TOKEN_LIFETIME_MS.PASSWORD_RESET).toBe(3600 * 1000);
    expect(accountTokenExpiresAt('VERIFY_EMAIL', now)).toEqual(
      new Date('2026-11-28T10:00:00.000Z'),
    );
    expect(accountTokenExpiresAt('PASSWORD_RESET', now)).toEqual(
      new Date('2026-11-26T11:00:00.000Z'),
    );
  });
});

describe('accountTokenState', () => {
  it.each([
    ['valid before its expiry', { expiresAt: later(1), usedAt: null }, 'valid'],
    ['expired at its expiry instant', { expiresAt: now, usedAt: null }, 'expired'],
    ['expired after its expiry', { expiresAt: later(-1), usedAt: null }, 'expired'],
    ['used while still valid', { expiresAt: later(1000), usedAt: later(-10) }, 'used'],
    ['used, even once expired', { expiresAt: later(-1000), usedAt: later(-2000) }, 'used'],
  ] as const)('is %s', (_, token, state) => {
    expect(accountTokenState(token, now)).toBe(state);
  });
});

describe('accountTokenError', () => {
  it('is null for a valid token', () => {
    expect(accountTokenError({ expiresAt: later(1), usedAt: null }, now)).toBeNull();
  });

  it.each([
    [null, 'TOKEN_INVALID'],
    [{ expiresAt: later(-1), usedAt: null }, 'TOKEN_EXPIRED'],
    [{ expiresAt: later(1), usedAt: now }, 'TOKEN_USED'],
  ] as const)('explains why %o cannot be used', (token, code) => {
    expect(accountTokenError(token, now)?.code).toBe(code);
  });

  it('speaks the requested language, French by default', () => {
    expect(accountTokenError({ expiresAt: now, usedAt: null }, now)?.message).toBe(
      'Ce lien a expiré : demandez-en un nouveau.',
    );
    expect(accountTokenError({ expiresAt: now, usedAt: null }, now, 'en')?.message).toBe(
      'This link has expired: ask for a new one.',
    );
  });
});

describe('isAccountTokenShape', () => {
  it.each([
    ['A'.repeat(43), true],
    ['abc_DEF-123'.padEnd(43, 'x'), true],
    ['A'.repeat(42), false],
    ['A'.repeat(44), false],
    [`${'A'.repeat(42)}=`, false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isAccountTokenShape(value)).toBe(expected);
  });
});

describe('password-reset inputs', () => {
  it('normalises the address of a reset request', () => {
    expect(
      validateInput(requestPasswordResetInputSchema, { email: ' Camille@Exemple.FR ' }),
    ).toEqual({ email: 'camille@exemple.fr' });
  });

  it('refuses an address that is not one', () => {
    expect(() => validateInput(requestPasswordResetInputSchema, { email: 'camille@' })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('applies the sign-up password rules to the new password', () => {
    const token = 'A'.repeat(43);
    expect(
      validateInput(resetPasswordInputSchema, { token, password: 'une-phrase-longue' }),
    ).toEqual({ token, password: 'une-phrase-longue' });
    expect(() => validateInput(resetPasswordInputSchema, { token, password: 'court' })).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ field: 'password', rule: 'minLength' })],
      }),
    );
  });
});
