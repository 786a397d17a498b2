import { type DomainError } from '../shared/errors';
import { fieldErrors } from '../shared/validation';
import {
  ANONYMOUS_DISPLAY_NAME,
  anonymousName,
  assertAccountDeletable,
  assertDeletionConfirmed,
  deleteMyAccountInputSchema,
  DEFAULT_RETENTION,
  exportFileName,
  isTombstoneEmail,
  redactName,
  retentionCutoffs,
  TERMS_VERSION,
  tombstoneEmail,
} from './privacy';

const catchError = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('privacy', () => {
  it('has a dated terms version', () => {
    expect(TERMS_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  describe('deleteMyAccountInputSchema', () => {
    it('accepts both modes, with or without a password', () => {
      expect(
        fieldErrors(deleteMyAccountInputSchema, {
          mode: 'KEEP_CONTRIBUTIONS',
          password: 'secret',
          confirmation: 'a@b.fr',
        }),
      ).toEqual([]);
      expect(
        fieldErrors(deleteMyAccountInputSchema, {
          mode: 'ERASE_CONTRIBUTIONS',
          confirmation: 'a@b.fr',
        }),
      ).toEqual([]);
    });

    it('refuses an unknown mode, a blank confirmation and unknown fields', () => {
      const errors = fieldErrors(deleteMyAccountInputSchema, {
        mode: 'DROP',
        confirmation: '  ',
        userId: 'x',
      });
      expect(errors.map((error) => error.field).sort()).toEqual(['', 'confirmation', 'mode']);
    });
  });

  describe('assertDeletionConfirmed', () => {
    it('accepts the account e-mail, whatever its case and spaces', () => {
      expect(() =>
        assertDeletionConfirmed('  Alice@Example.ORG ', 'alice@example.org'),
      ).not.toThrow();
    });

    it('refuses anything else with a message on the confirmation field', () => {
      const error = catchError(() => assertDeletionConfirmed('SUPPRIMER', 'alice@example.org'));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.fields?.[0]).toMatchObject({
        field: 'confirmation',
        rule: 'deletionConfirmation',
      });
      expect(error.fields?.[0]?.message).toContain('adresse e-mail');
      const english = catchError(() => assertDeletionConfirmed('x', 'alice@example.org', 'en'));
      expect(english.fields?.[0]?.message).toContain('e-mail address');
    });
  });

  describe('assertAccountDeletable', () => {
    it('lets an ordinary account go', () => {
      expect(() =>
        assertAccountDeletable({ isLastAdmin: false, organisationsWithoutOtherManager: 0 }),
      ).not.toThrow();
    });

    it('keeps the last administrator', () => {
      const error = catchError(() =>
        assertAccountDeletable({ isLastAdmin: true, organisationsWithoutOtherManager: 0 }, 'en'),
      );
      expect(error.code).toBe('LAST_ADMIN');
      expect(error.message).toContain('last administrator');
    });

    it('keeps the last manager of an organisation', () => {
      const error = catchError(() =>
        assertAccountDeletable({ isLastAdmin: false, organisationsWithoutOtherManager: 2 }),
      );
      expect(error.code).toBe('LAST_MANAGER');
    });
  });

  it('builds tombstone addresses that are unique and recognisable', () => {
    const id = '0b7c5a52-1d55-4c1e-9d0c-6f7a1b2c3d4e';
    expect(tombstoneEmail(id)).toBe(`supprime-${id}@invalid`);
    expect(isTombstoneEmail(tombstoneEmail(id))).toBe(true);
    expect(isTombstoneEmail('alice@example.org')).toBe(false);
  });

  it('names a deleted account in both languages', () => {
    expect(anonymousName()).toBe(ANONYMOUS_DISPLAY_NAME);
    expect(anonymousName('fr')).toBe('Participant·e anonyme');
    expect(anonymousName('en')).toBe('Anonymous participant');
  });

  it('redacts every copy of a name, and nothing for a blank name', () => {
    expect(redactName('Alice a répondu à Alice', 'Alice', 'X')).toBe('X a répondu à X');
    expect(redactName('rien', ' ', 'X')).toBe('rien');
  });

  it('computes the retention cutoffs', () => {
    const now = new Date('2026-11-26T00:00:00Z');
    expect(retentionCutoffs(now, DEFAULT_RETENTION)).toEqual({
      authEvents: new Date('2025-11-26T00:00:00Z'),
      emails: new Date('2026-08-28T00:00:00Z'),
      tokens: new Date('2026-10-27T00:00:00Z'),
    });
  });

  it('names the export file after the UTC date', () => {
    expect(exportFileName(new Date('2026-11-26T23:30:00Z'))).toBe(
      'passerelle-mes-donnees-2026-11-26.json',
    );
  });
});
