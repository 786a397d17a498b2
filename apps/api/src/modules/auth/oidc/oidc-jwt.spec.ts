import { constants, generateKeyPairSync, type JsonWebKey, type KeyObject, sign } from 'node:crypto';
import {
  accessTokenHash,
  algorithmOf,
  checkClaims,
  decodeJwt,
  type Jwk,
  OidcTokenError,
  selectKey,
  verifySignature,
} from './oidc-jwt';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaJwk: Jwk = { ...(rsa.publicKey.export({ format: 'jwk' }) as JsonWebKey), kid: 'r1' };
const ecJwk: Jwk = { ...(ec.publicKey.export({ format: 'jwk' }) as JsonWebKey), kid: 'e1' };

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function jwt(alg: string, payload: Record<string, unknown>, key: KeyObject, kid?: string) {
  const input = `${part({ alg, kid })}.${part(payload)}`;
  const data = Buffer.from(input);
  const signature =
    alg === 'ES256'
      ? sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' })
      : alg === 'PS256'
        ? sign('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 })
        : sign('sha256', data, key);
  return `${input}.${signature.toString('base64url')}`;
}

const reasonOf = (action: () => unknown) => {
  try {
    action();
  } catch (error) {
    if (error instanceof OidcTokenError) return error.reason;
    throw error;
  }
  return 'ACCEPTED';
};

const now = 1_800_000_000;
const valid = {
  iss: 'https://idp.example',
  aud: 'client',
  sub: 'subject',
  exp: now + 60,
  iat: now,
  nonce: 'n',
};
const expected = {
  issuer: 'https://idp.example',
  clientId: 'client',
  now,
  nonce: 'n',
  requireTimes: true,
};

describe('OIDC JWT verification', () => {
  it.each([
    ['RS256', rsa.privateKey, rsaJwk],
    ['PS256', rsa.privateKey, rsaJwk],
    ['ES256', ec.privateKey, ecJwk],
  ] as const)('verifies %s signatures and refuses a changed payload', (alg, key, jwk) => {
    const token = jwt(alg, valid, key, jwk.kid);
    const decoded = decodeJwt(token);
    expect(algorithmOf(decoded)).toBe(alg);
    expect(selectKey([rsaJwk, ecJwk], alg, decoded.header.kid)).toBe(jwk);
    expect(reasonOf(() => verifySignature(decoded, jwk))).toBe('ACCEPTED');
    const [header, , signature] = token.split('.');
    const forged = decodeJwt(`${header}.${part({ ...valid, sub: 'admin' })}.${signature}`);
    expect(reasonOf(() => verifySignature(forged, jwk))).toBe('BAD_SIGNATURE');
  });

  it('refuses alg none, HMAC, malformed tokens and unusable keys', () => {
    const none = decodeJwt(`${part({ alg: 'none' })}.${part(valid)}.`);
    expect(reasonOf(() => algorithmOf(none))).toBe('ALGORITHM_REFUSED');
    expect(reasonOf(() => verifySignature(none, rsaJwk))).toBe('ALGORITHM_REFUSED');
    const hmac = decodeJwt(`${part({ alg: 'HS256' })}.${part(valid)}.c2ln`);
    expect(reasonOf(() => algorithmOf(hmac))).toBe('ALGORITHM_REFUSED');
    expect(reasonOf(() => decodeJwt('a.b'))).toBe('MALFORMED_TOKEN');
    expect(reasonOf(() => decodeJwt('a.b.c.d.e'))).toBe('MALFORMED_TOKEN');
    expect(reasonOf(() => decodeJwt(`${part([1])}.${part(valid)}.x`))).toBe('MALFORMED_TOKEN');
    expect(reasonOf(() => decodeJwt(`bm90IGpzb24.${part(valid)}.x`))).toBe('MALFORMED_TOKEN');
    const token = decodeJwt(jwt('RS256', valid, rsa.privateKey));
    expect(reasonOf(() => verifySignature(token, { kty: 'RSA', n: '' }))).toBe('BAD_KEY');
    // An RS256 token checked with an EC key is refused, not trusted.
    expect(reasonOf(() => verifySignature(token, ecJwk))).toBe('BAD_SIGNATURE');
  });

  it('selects the key by kid, or the only key of the right type', () => {
    expect(selectKey([rsaJwk, ecJwk], 'RS256', 'unknown')).toBeNull();
    expect(selectKey([rsaJwk, ecJwk], 'RS256', undefined)).toBe(rsaJwk);
    expect(selectKey([rsaJwk, { ...rsaJwk, kid: 'r2' }], 'RS256', undefined)).toBeNull();
    expect(selectKey([{ ...rsaJwk, use: 'enc' }], 'RS256', 'r1')).toBeNull();
    expect(selectKey([{ ...rsaJwk, alg: 'PS256' }], 'RS256', 'r1')).toBeNull();
  });

  it('checks issuer, audience, authorised party, times, nonce, at_hash and subject', () => {
    const check = (claims: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      reasonOf(() => checkClaims({ ...valid, ...claims }, { ...expected, ...extra }));
    expect(check({})).toBe('ACCEPTED');
    expect(check({ iss: 'https://evil.example' })).toBe('WRONG_ISSUER');
    expect(check({ aud: 'other' })).toBe('WRONG_AUDIENCE');
    expect(check({ aud: 42 })).toBe('WRONG_AUDIENCE');
    expect(check({ aud: ['client'] })).toBe('ACCEPTED');
    expect(check({ aud: ['client', 'other'] })).toBe('WRONG_AUTHORIZED_PARTY');
    expect(check({ aud: ['client', 'other'], azp: 'client' })).toBe('ACCEPTED');
    expect(check({ azp: 'other' })).toBe('WRONG_AUTHORIZED_PARTY');
    expect(check({ exp: now - 61 })).toBe('EXPIRED_TOKEN');
    expect(check({ exp: now - 30 })).toBe('ACCEPTED');
    expect(check({ exp: undefined })).toBe('EXPIRED_TOKEN');
    expect(check({ iat: now + 120 })).toBe('TOKEN_FROM_THE_FUTURE');
    expect(check({ iat: undefined })).toBe('TOKEN_FROM_THE_FUTURE');
    expect(check({ nonce: 'other' })).toBe('WRONG_NONCE');
    expect(check({ at_hash: accessTokenHash('at') }, { accessToken: 'at' })).toBe('ACCEPTED');
    expect(check({ at_hash: accessTokenHash('other') }, { accessToken: 'at' })).toBe(
      'WRONG_AT_HASH',
    );
    expect(check({ sub: '' })).toBe('MISSING_SUBJECT');
    expect(check({ sub: 7 })).toBe('MISSING_SUBJECT');
    // A signed userinfo answer may omit times, but not carry wrong ones.
    expect(
      check({ exp: undefined, iat: undefined }, { requireTimes: false, nonce: undefined }),
    ).toBe('ACCEPTED');
    expect(check({ exp: now - 600 }, { requireTimes: false })).toBe('EXPIRED_TOKEN');
  });

  it('computes at_hash as the left half of SHA-256 (OIDC Core example)', () => {
    // OpenID Connect Core, appendix A.3: access token and at_hash for RS256.
    expect(accessTokenHash('jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y')).toBe(
      '77QmUPtjPfzWtF2AnpK9RQ',
    );
  });
});
