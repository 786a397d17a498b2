import { displayNameFromClaims, emailFromClaims } from './oidc.service';

describe('claims of the provider', () => {
  it('builds a display name from name, or given and family names, within the limits', () => {
    expect(displayNameFromClaims({ name: '  Louise   Michel ' })).toBe('Louise Michel');
    expect(displayNameFromClaims({ given_name: 'Olympe', family_name: 'de Gouges' })).toBe(
      'Olympe de Gouges',
    );
    expect(displayNameFromClaims({ given_name: 'Olympe' })).toBe('Olympe');
    expect(displayNameFromClaims({ name: 'A\u0000\u202eB\nC' })).toBe('A B C');
    expect(displayNameFromClaims({ name: 'x'.repeat(80) })).toHaveLength(60);
    expect(displayNameFromClaims({ name: 'x' })).toBe('Participant·e');
    expect(displayNameFromClaims({ name: 42 })).toBe('Participant·e');
    expect(displayNameFromClaims({})).toBe('Participant·e');
  });

  it('normalises the e-mail and trusts only email_verified true', () => {
    expect(emailFromClaims({ email: ' Louise@Example.ORG ', email_verified: true })).toEqual({
      email: 'louise@example.org',
      isVerified: true,
    });
    expect(emailFromClaims({ email: 'a@b.fr', email_verified: 'true' }).isVerified).toBe(true);
    expect(emailFromClaims({ email: 'a@b.fr', email_verified: 'yes' }).isVerified).toBe(false);
    expect(emailFromClaims({ email: 'a@b.fr' }).isVerified).toBe(false);
    expect(emailFromClaims({ email: 'not an address' }).email).toBeNull();
    expect(emailFromClaims({ email: 7 }).email).toBeNull();
    expect(emailFromClaims({ email: `${'a'.repeat(250)}@b.fr` }).email).toBeNull();
  });
});
