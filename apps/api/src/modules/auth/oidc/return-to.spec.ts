import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/propositions', '/propositions'],
    ['/propositions?tri=TOP#liste', '/propositions?tri=TOP#liste'],
    ['/profil/../admin', '/admin'],
  ])('keeps the same-site path %s', (next, expected) => {
    expect(safeReturnTo(next)).toBe(expected);
  });

  it.each([
    undefined,
    42,
    ['/a'],
    '',
    'propositions',
    '//evil.example',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/%2F%2Fevil.example',
    '/%5cevil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/\t/evil.example',
    '/\n/evil.example',
    '/api/auth/oidc/start',
    '/graphql',
    `/${'a'.repeat(1001)}`,
  ])('falls back to / for %p', (next) => {
    expect(safeReturnTo(next)).toBe('/');
  });
});
