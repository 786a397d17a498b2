import { Injectable } from '@nestjs/common';
import { InjectConfig } from '../../../config/app-config';
import { type AppConfig, type OidcConfig } from '../../../config/config.schema';
import {
  algorithmOf,
  checkClaims,
  decodeJwt,
  type Jwk,
  OidcTokenError,
  selectKey,
  verifySignature,
} from './oidc-jwt';

/** What the API uses of the provider's `/.well-known/openid-configuration`. */
export interface ProviderMetadata {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  userinfoEndpoint: string | null;
  tokenAuthMethod: 'client_secret_basic' | 'client_secret_post';
}

export interface VerifiedSignIn {
  subject: string;
  /** Claims of the ID token, completed by the userinfo answer (same subject). */
  claims: Record<string, unknown>;
}

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const JWKS_TTL_MS = 10 * 60 * 1000;
const FETCH_TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 256 * 1024;

/** The configured provider could not be reached or answered something unusable. */
export class OidcProviderError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'OidcProviderError';
  }
}

function stringField(value: Record<string, unknown>, name: string): string {
  const field = value[name];
  if (typeof field !== 'string' || !/^https?:\/\//.test(field))
    throw new OidcProviderError('BAD_DISCOVERY');
  return field;
}

async function readBody(response: Response): Promise<string> {
  const text = await response.text();
  if (text.length > MAX_BODY_BYTES) throw new OidcProviderError('ANSWER_TOO_LARGE');
  return text;
}

function parseObject(text: string, reason: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OidcProviderError(reason);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new OidcProviderError(reason);
  return value as Record<string, unknown>;
}

/**
 * A minimal OpenID Connect relying party (authorization code flow with PKCE) on fetch and
 * node:crypto. Discovery and the provider's keys are cached; keys are fetched again when a token
 * names a key id not seen yet (the provider rotated its keys).
 */
@Injectable()
export class OidcClient {
  private metadata: { value: ProviderMetadata; until: number } | null = null;
  private keys: { value: Jwk[]; fetchedAt: number } | null = null;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  /** The configuration; OIDC_UNAVAILABLE is the caller's answer when null. */
  get settings(): OidcConfig | null {
    return this.config.oidc;
  }

  private get oidc(): OidcConfig {
    const oidc = this.config.oidc;
    if (!oidc) throw new OidcProviderError('NOT_CONFIGURED');
    return oidc;
  }

  private async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    try {
      return await fetch(url, {
        headers: { accept: 'application/json', ...headers },
        redirect: 'error',
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch {
      throw new OidcProviderError('PROVIDER_UNREACHABLE');
    }
  }

  async discover(now = Date.now()): Promise<ProviderMetadata> {
    if (this.metadata && this.metadata.until > now) return this.metadata.value;
    const issuer = this.oidc.issuer;
    const response = await this.get(
      `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
    );
    if (!response.ok) throw new OidcProviderError('DISCOVERY_FAILED');
    const body = parseObject(await readBody(response), 'BAD_DISCOVERY');
    // OpenID Connect Discovery 4.3: the document must name exactly the configured issuer.
    if (body['issuer'] !== issuer) throw new OidcProviderError('DISCOVERY_ISSUER_MISMATCH');
    const methods = body['token_endpoint_auth_methods_supported'];
    const supported = Array.isArray(methods) ? methods : ['client_secret_basic'];
    const tokenAuthMethod =
      supported.includes('client_secret_basic') || !supported.includes('client_secret_post')
        ? 'client_secret_basic'
        : 'client_secret_post';
    const userinfo = body['userinfo_endpoint'];
    const value: ProviderMetadata = {
      issuer,
      authorizationEndpoint: stringField(body, 'authorization_endpoint'),
      tokenEndpoint: stringField(body, 'token_endpoint'),
      jwksUri: stringField(body, 'jwks_uri'),
      userinfoEndpoint:
        typeof userinfo === 'string' ? stringField(body, 'userinfo_endpoint') : null,
      tokenAuthMethod,
    };
    this.metadata = { value, until: now + DISCOVERY_TTL_MS };
    return value;
  }

  private async fetchKeys(jwksUri: string): Promise<Jwk[]> {
    const response = await this.get(jwksUri);
    if (!response.ok) throw new OidcProviderError('JWKS_FAILED');
    const body = parseObject(await readBody(response), 'BAD_JWKS');
    const keys = body['keys'];
    if (!Array.isArray(keys)) throw new OidcProviderError('BAD_JWKS');
    const value = keys.filter(
      (key): key is Jwk => typeof key === 'object' && key !== null && !Array.isArray(key),
    );
    this.keys = { value, fetchedAt: Date.now() };
    return value;
  }

  /** Verifies a token's signature with the provider's keys, fetching them again once if needed. */
  private async verifyJwt(token: string, metadata: ProviderMetadata) {
    const decoded = decodeJwt(token);
    const alg = algorithmOf(decoded);
    const cached = this.keys && Date.now() - this.keys.fetchedAt < JWKS_TTL_MS ? this.keys : null;
    let key = cached ? selectKey(cached.value, alg, decoded.header.kid) : null;
    if (!key) key = selectKey(await this.fetchKeys(metadata.jwksUri), alg, decoded.header.kid);
    if (!key) throw new OidcTokenError('UNKNOWN_KEY');
    verifySignature(decoded, key);
    return decoded.payload;
  }

  /** The authorization request URL (response_type=code, PKCE S256). */
  authorizationUrl(
    metadata: ProviderMetadata,
    params: { state: string; nonce: string; codeChallenge: string; redirectUri: string },
  ): string {
    const oidc = this.oidc;
    const scopes = new Set(oidc.scopes.split(/\s+/).filter(Boolean));
    scopes.add('openid');
    const url = new URL(metadata.authorizationEndpoint);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', oidc.clientId);
    url.searchParams.set('redirect_uri', params.redirectUri);
    url.searchParams.set('scope', [...scopes].join(' '));
    url.searchParams.set('state', params.state);
    url.searchParams.set('nonce', params.nonce);
    url.searchParams.set('code_challenge', params.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
    if (oidc.acrValues) url.searchParams.set('acr_values', oidc.acrValues);
    return url.toString();
  }

  /**
   * Exchanges the code (with the PKCE verifier), verifies the ID token (signature, issuer,
   * audience, times, nonce, at_hash) and completes its claims from the userinfo endpoint (JSON
   * or a signed JWT, verified the same way, for the same subject).
   */
  async completeSignIn(params: {
    code: string;
    codeVerifier: string;
    redirectUri: string;
    nonce: string;
  }): Promise<VerifiedSignIn> {
    const oidc = this.oidc;
    const metadata = await this.discover();
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.code,
      redirect_uri: params.redirectUri,
      code_verifier: params.codeVerifier,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (metadata.tokenAuthMethod === 'client_secret_basic') {
      // RFC 6749 2.3.1: both parts form-encoded before Basic encoding.
      const id = encodeURIComponent(oidc.clientId).replace(/%20/g, '+');
      const secret = encodeURIComponent(oidc.clientSecret).replace(/%20/g, '+');
      headers['authorization'] = `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
    } else {
      form.set('client_id', oidc.clientId);
      form.set('client_secret', oidc.clientSecret);
    }
    let response: Response;
    try {
      response = await fetch(metadata.tokenEndpoint, {
        method: 'POST',
        headers,
        body: form.toString(),
        redirect: 'error',
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch {
      throw new OidcProviderError('PROVIDER_UNREACHABLE');
    }
    const tokens = parseObject(await readBody(response), 'BAD_TOKEN_RESPONSE');
    if (!response.ok) throw new OidcProviderError('CODE_REFUSED');
    const idToken = tokens['id_token'];
    const accessToken = tokens['access_token'];
    if (typeof idToken !== 'string' || typeof accessToken !== 'string')
      throw new OidcProviderError('BAD_TOKEN_RESPONSE');

    const now = Math.floor(Date.now() / 1000);
    const claims = await this.verifyJwt(idToken, metadata);
    checkClaims(claims, {
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      now,
      nonce: params.nonce,
      accessToken,
      requireTimes: true,
    });
    const subject = claims['sub'] as string;
    if (!metadata.userinfoEndpoint) return { subject, claims };

    const answer = await this.get(metadata.userinfoEndpoint, {
      authorization: `Bearer ${accessToken}`,
      accept: 'application/json, application/jwt',
    });
    if (!answer.ok) throw new OidcProviderError('USERINFO_FAILED');
    const type = answer.headers.get('content-type') ?? '';
    const text = await readBody(answer);
    let userinfo: Record<string, unknown>;
    if (type.includes('application/jwt')) {
      userinfo = await this.verifyJwt(text.trim(), metadata);
      checkClaims(userinfo, {
        issuer: oidc.issuer,
        clientId: oidc.clientId,
        now,
        requireTimes: false,
      });
    } else {
      userinfo = parseObject(text, 'BAD_USERINFO');
    }
    // OIDC Core 5.3.2: userinfo about another subject must not be used.
    if (userinfo['sub'] !== subject) throw new OidcTokenError('USERINFO_SUBJECT_MISMATCH');
    return { subject, claims: { ...claims, ...userinfo } };
  }
}
