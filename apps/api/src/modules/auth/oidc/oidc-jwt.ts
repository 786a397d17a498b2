import {
  constants,
  createHash,
  createPublicKey,
  type JsonWebKey,
  type KeyObject,
  verify,
} from 'node:crypto';

/**
 * Verification of the JSON Web Tokens an OpenID Connect provider signs (ID tokens, and signed
 * userinfo answers as FranceConnect v2 returns), with node:crypto only: the usual libraries are
 * ESM-only and the API must also load as CommonJS under Jest.
 */

/** Asymmetric algorithms accepted; `none` and HMAC (a shared secret) are never accepted. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'PS256', 'ES256'] as const;
export type AcceptedAlgorithm = (typeof ACCEPTED_ALGORITHMS)[number];

/** Tolerated clock difference with the provider, in seconds. */
export const CLOCK_SKEW_SECONDS = 60;

/** Why a token was refused: recorded in the auth event's detail, never shown to the user. */
export class OidcTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OidcTokenError';
  }
}

export interface Jwk extends JsonWebKey {
  kid?: string;
  kty?: string;
  use?: string;
  alg?: string;
}

export interface DecodedJwt {
  header: { alg?: unknown; kid?: unknown; typ?: unknown };
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

function parseJsonPart(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new OidcTokenError('MALFORMED_TOKEN');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new OidcTokenError('MALFORMED_TOKEN');
  return value as Record<string, unknown>;
}

/** Splits a compact JWS; throws MALFORMED_TOKEN for anything else (e.g. an encrypted JWE). */
export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part)))
    throw new OidcTokenError('MALFORMED_TOKEN');
  const [header = '', payload = '', signature = ''] = parts;
  return {
    header: parseJsonPart(header),
    payload: parseJsonPart(payload),
    signingInput: `${header}.${payload}`,
    signature: Buffer.from(signature, 'base64url'),
  };
}

function isAccepted(alg: unknown): alg is AcceptedAlgorithm {
  return typeof alg === 'string' && (ACCEPTED_ALGORITHMS as readonly string[]).includes(alg);
}

const KEY_TYPE: Record<AcceptedAlgorithm, string> = { RS256: 'RSA', PS256: 'RSA', ES256: 'EC' };

/** The provider key that signed this token: by `kid`, else the only key of the right type. */
export function selectKey(keys: readonly Jwk[], alg: AcceptedAlgorithm, kid: unknown): Jwk | null {
  const usable = keys.filter(
    (key) =>
      key.kty === KEY_TYPE[alg] &&
      (key.use === undefined || key.use === 'sig') &&
      (key.alg === undefined || key.alg === alg),
  );
  if (typeof kid === 'string') return usable.find((key) => key.kid === kid) ?? null;
  return usable.length === 1 ? (usable[0] ?? null) : null;
}

function publicKeyOf(jwk: Jwk): KeyObject {
  try {
    return createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    throw new OidcTokenError('BAD_KEY');
  }
}

/** Checks the signature of a decoded token with a provider key; throws BAD_SIGNATURE. */
export function verifySignature(decoded: DecodedJwt, jwk: Jwk): void {
  const alg = decoded.header.alg;
  if (!isAccepted(alg)) throw new OidcTokenError('ALGORITHM_REFUSED');
  const key = publicKeyOf(jwk);
  const data = Buffer.from(decoded.signingInput);
  let isValid = false;
  try {
    if (alg === 'RS256') isValid = verify('sha256', data, key, decoded.signature);
    else if (alg === 'PS256')
      isValid = verify(
        'sha256',
        data,
        { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
        decoded.signature,
      );
    else isValid = verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, decoded.signature);
  } catch {
    isValid = false;
  }
  if (!isValid) throw new OidcTokenError('BAD_SIGNATURE');
}

/** The algorithm of a token, refused unless it is one of ACCEPTED_ALGORITHMS. */
export function algorithmOf(decoded: DecodedJwt): AcceptedAlgorithm {
  const alg = decoded.header.alg;
  if (!isAccepted(alg)) throw new OidcTokenError('ALGORITHM_REFUSED');
  return alg;
}

export interface ClaimExpectations {
  issuer: string;
  clientId: string;
  /** Seconds since the epoch. */
  now: number;
  /** For ID tokens: the nonce stored with the attempt. */
  nonce?: string;
  /** For ID tokens: the access token received with it, checked against `at_hash` if present. */
  accessToken?: string;
  /** ID tokens must carry exp and iat; a signed userinfo answer may omit them. */
  requireTimes: boolean;
}

/** Left half of the SHA-256 of the access token, base64url (OIDC Core 3.1.3.6). */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256')
    .update(accessToken, 'ascii')
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** Checks iss, aud/azp, exp/iat, nonce and at_hash; throws OidcTokenError with the reason. */
export function checkClaims(payload: Record<string, unknown>, expected: ClaimExpectations): void {
  if (payload['iss'] !== expected.issuer) throw new OidcTokenError('WRONG_ISSUER');
  const aud = payload['aud'];
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(expected.clientId)) throw new OidcTokenError('WRONG_AUDIENCE');
  const azp = payload['azp'];
  if ((audiences.length > 1 || azp !== undefined) && azp !== expected.clientId)
    throw new OidcTokenError('WRONG_AUTHORIZED_PARTY');
  const exp = payload['exp'];
  const iat = payload['iat'];
  if (expected.requireTimes || exp !== undefined) {
    if (typeof exp !== 'number' || exp + CLOCK_SKEW_SECONDS <= expected.now)
      throw new OidcTokenError('EXPIRED_TOKEN');
  }
  if (expected.requireTimes || iat !== undefined) {
    if (typeof iat !== 'number' || iat - CLOCK_SKEW_SECONDS > expected.now)
      throw new OidcTokenError('TOKEN_FROM_THE_FUTURE');
  }
  if (expected.nonce !== undefined && payload['nonce'] !== expected.nonce)
    throw new OidcTokenError('WRONG_NONCE');
  const atHash = payload['at_hash'];
  if (expected.accessToken !== undefined && atHash !== undefined) {
    if (atHash !== accessTokenHash(expected.accessToken)) throw new OidcTokenError('WRONG_AT_HASH');
  }
  const sub = payload['sub'];
  if (typeof sub !== 'string' || sub === '' || sub.length > 255)
    throw new OidcTokenError('MISSING_SUBJECT');
}
