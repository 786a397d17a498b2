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
