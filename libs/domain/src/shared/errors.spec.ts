import { DomainError, DomainErrorCode, errorMessage } from './errors';

describe('domain errors', () => {
  it('has a French and an English message for every code', () => {
    for (const code of Object.values(DomainErrorCode)) {
      expect(errorMessage(code, 'fr').length).toBeGreaterThan(10);
      expect(errorMessage(code, 'en').length).toBeGreaterThan(10);
      expect(errorMessage(code, 'fr')).not.toBe(errorMessage(code, 'en'));
    }
  });

  it('carries its code, fields and a message in the requested language', () => {
    const fields = [{ field: 'title', rule: 'required', message: 'x' }];
    const error = new DomainError(DomainErrorCode.INVALID_INPUT, fields, 'en');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fields).toBe(fields);
    expect(error.message).toBe(errorMessage('INVALID_INPUT', 'en'));
    expect(new DomainError('NOT_ALLOWED').message).toBe(errorMessage('NOT_ALLOWED', 'fr'));
  });
});

describe('error message parameters', () => {
  it('fills placeholders from the params and keeps them on the error', () => {
    const error = new DomainError(DomainErrorCode.RATE_LIMITED, undefined, 'fr', {
      retryAfterSeconds: 42,
    });
    expect(error.message).toBe('Trop de tentatives : réessayez dans 42 s.');
    expect(error.params).toEqual({ retryAfterSeconds: 42 });
    expect(errorMessage('RATE_LIMITED', 'en', { retryAfterSeconds: 7 })).toBe(
      'Too many attempts: try again in 7 s.',
    );
  });

  it('falls back to the general message when a value is missing', () => {
    expect(errorMessage('RATE_LIMITED', 'en')).toBe(
      'Too many attempts: wait a moment and try again.',
    );
    expect(errorMessage('ACCOUNT_SUSPENDED', 'fr', { other: 1 })).toBe(
      errorMessage('ACCOUNT_SUSPENDED', 'fr'),
    );
    expect(errorMessage('ACCOUNT_SUSPENDED', 'en', { suspendedUntil: '2027-01-01' })).toContain(
      'until 2027-01-01',
    );
  });
});
