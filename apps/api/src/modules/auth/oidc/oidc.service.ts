import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  ACCOUNT_LIMITS,
  ActorType,
  DomainErrorCode,
  normaliseEmail,
  TERMS_VERSION,
} from '@passerelle/domain';
import { isUniqueViolation } from '../../../common/prisma/prisma-errors';
import { InjectConfig } from '../../../config/app-config';
import { type AppConfig } from '../../../config/config.schema';
import { type AuthEventInput, AuthEventsService } from '../../audit/auth-events.service';
import { type UserRecord } from '../../users/users.repository';
import { AuthService, type Session } from '../auth.service';
import { OidcClient, OidcProviderError } from './oidc-client';
import { OidcTokenError } from './oidc-jwt';
import { OidcRepository } from './oidc.repository';
import { safeReturnTo } from './return-to';

/** The state cookie: binds a sign-in attempt to the browser that started it. */
export const OIDC_STATE_COOKIE = 'passerelle_oidc_state';
export const OIDC_PATH = '/api/auth/oidc';
export const OIDC_START_PATH = `${OIDC_PATH}/start`;
export const OIDC_CALLBACK_PATH = `${OIDC_PATH}/callback`;
/** How long a sign-in may stay at the provider. */
export const OIDC_ATTEMPT_TTL_MS = 10 * 60 * 1000;

/** Suffix of a state whose flow was started from the sign-up page with the terms accepted. */
const TERMS_ACCEPTED_MARK = '.t';
const SIGN_IN_PAGE = '/connexion';
const SIGN_UP_PAGE = '/inscription';
const FALLBACK_DISPLAY_NAME = 'Participant·e';

type RequestInfo = AuthEventInput['request'];

/** The outcome of a step of the flow: where the browser goes next, and a session to set. */
export interface OidcStep {
  redirectTo: string;
  /** The raw state to put in the state cookie (start only). */
  stateCookie?: string;
  session?: Session;
}

/** A refused sign-in: the reason is recorded, the code is all the browser sees. */
class OidcFailure extends Error {
  constructor(
    readonly reason: string,
    readonly code: DomainErrorCode = DomainErrorCode.OIDC_SIGN_IN_FAILED,
    readonly userId: string | null = null,
    readonly page: string = SIGN_IN_PAGE,
  ) {
    super(reason);
  }
}

export const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right) && a === b;
}

/** A display name from the provider's claims, without control characters, within the limits. */
export function displayNameFromClaims(claims: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const full =
    text(claims['name']) ||
    [text(claims['given_name']), text(claims['family_name'])].filter(Boolean).join(' ');
  const clean = full
    // eslint-disable-next-line no-control-regex -- control and bidi characters are dropped
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
  const name = [...clean].slice(0, ACCOUNT_LIMITS.displayNameMax).join('').trim();
  return name.length >= ACCOUNT_LIMITS.displayNameMin ? name : FALLBACK_DISPLAY_NAME;
}

/** The e-mail address of the claims (normalised), and whether the provider vouches for it. */
export function emailFromClaims(claims: Record<string, unknown>): {
  email: string | null;
  isVerified: boolean;
} {
  const raw = claims['email'];
  const email =
    typeof raw === 'string' && /^[^\s@]+@[^\s@]+$/.test(raw.trim()) ? normaliseEmail(raw) : null;
  const verified = claims['email_verified'];
  return {
    email: email && email.length <= ACCOUNT_LIMITS.emailMax ? email : null,
    isVerified: verified === true || verified === 'true',
  };
}

/**
 * Sign-in with the configured OpenID Connect provider (authorization code flow with state,
 * nonce and PKCE). Accounts: the identity (issuer, subject) already linked, else the account
 * with the same e-mail when the provider says it is verified (never on an unverified address),
 * else a new account without a password, when the flow started from the sign-up page with the
 * terms accepted.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);

  constructor(
    private readonly client: OidcClient,
    private readonly repository: OidcRepository,
    private readonly auth: AuthService,
    private readonly authEvents: AuthEventsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** Whether a provider is configured (the `authProviders` query). */
  get provider(): { id: string; name: string; startUrl: string } | null {
    const oidc = this.config.oidc;
    return oidc ? { id: 'oidc', name: oidc.providerName, startUrl: OIDC_START_PATH } : null;
  }

  /** The redirect URI registered at the provider. */
  redirectUri(requestOrigin: string): string {
    return `${(this.config.publicUrl ?? requestOrigin).replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`;
  }

  async start(params: {
    next: unknown;
    terms: unknown;
    origin: string;
    request: RequestInfo;
    now?: Date;
  }): Promise<OidcStep> {
    const now = params.now ?? new Date();
    if (!this.config.oidc)
      return this.refused(
        new OidcFailure('NOT_CONFIGURED', DomainErrorCode.OIDC_UNAVAILABLE),
        params.request,
      );
    try {
      const metadata = await this.client.discover();
      const state =
        randomBytes(32).toString('base64url') +
        (params.terms === 'accepted' ? TERMS_ACCEPTED_MARK : '');
      const nonce = randomBytes(32).toString('base64url');
      const codeVerifier = randomBytes(32).toString('base64url');
      const codeChallenge = createHash('sha256').update(codeVerifier).digest('base64url');
      await this.repository.createAttempt({
        stateHash: hashState(state),
        nonce,
        codeVerifier,
        returnTo: safeReturnTo(params.next),
        expiresAt: new Date(now.getTime() + OIDC_ATTEMPT_TTL_MS),
      });
      return {
        redirectTo: this.client.authorizationUrl(metadata, {
          state,
          nonce,
          codeChallenge,
          redirectUri: this.redirectUri(params.origin),
        }),
        stateCookie: state,
      };
    } catch (error) {
      return this.refused(this.failureOf(error, DomainErrorCode.OIDC_UNAVAILABLE), params.request);
    }
  }

  async callback(params: {
    code: unknown;
    state: unknown;
    error: unknown;
    stateCookie: unknown;
    origin: string;
    request: RequestInfo;
    now?: Date;
  }): Promise<OidcStep> {
    const now = params.now ?? new Date();
    const oidc = this.config.oidc;
    if (!oidc)
      return this.refused(
        new OidcFailure('NOT_CONFIGURED', DomainErrorCode.OIDC_UNAVAILABLE),
        params.request,
      );
    try {
      const state = typeof params.state === 'string' ? params.state : '';
      const cookie = typeof params.stateCookie === 'string' ? params.stateCookie : '';
      if (state === '') throw new OidcFailure('MISSING_STATE');
      if (cookie === '') throw new OidcFailure('MISSING_STATE_COOKIE');
      if (!sameSecret(state, cookie)) throw new OidcFailure('STATE_MISMATCH');
      const attempt = await this.repository.claimAttempt(hashState(state), now);
      if (!attempt) throw new OidcFailure('UNKNOWN_USED_OR_EXPIRED_STATE');
      if (typeof params.error === 'string' && params.error !== '') {
        // The person cancelled at the provider, or it refused: its own words are not recorded.
        throw new OidcFailure(
          /^[a-z_]{1,40}$/.test(params.error)
            ? `PROVIDER_ERROR_${params.error.toUpperCase()}`
            : 'PROVIDER_ERROR',
        );
      }
      if (typeof params.code !== 'string' || params.code === '')
        throw new OidcFailure('MISSING_CODE');

      const signIn = await this.client.completeSignIn({
        code: params.code,
        codeVerifier: attempt.codeVerifier,
        redirectUri: this.redirectUri(params.origin),
        nonce: attempt.nonce,
      });
      const user = await this.accountFor(
        { issuer: oidc.issuer, subject: signIn.subject },
        signIn.claims,
        state.endsWith(TERMS_ACCEPTED_MARK),
        attempt.returnTo,
        params.request,
        now,
      );
      const session = await this.auth.startSessionFor(user.record);
      await this.authEvents.record({
        kind: 'OIDC_SIGN_IN_SUCCEEDED',
        userId: user.record.id,
        request: params.request,
        detail: { issuer: oidc.issuer, account: user.how },
      });
      return { redirectTo: attempt.returnTo, session };
    } catch (error) {
      return this.refused(
        this.failureOf(error, DomainErrorCode.OIDC_SIGN_IN_FAILED),
        params.request,
      );
    }
  }

  private async accountFor(
    identity: { issuer: string; subject: string },
    claims: Record<string, unknown>,
    hasAcceptedTerms: boolean,
    returnTo: string,
    request: RequestInfo,
    now: Date,
  ): Promise<{ record: UserRecord; how: 'EXISTING' | 'LINKED' | 'CREATED' }> {
    const linked = await this.repository.findIdentityUser(identity.issuer, identity.subject);
    if (linked) {
      if (linked.user.deletedAt)
        throw new OidcFailure('ACCOUNT_DELETED', undefined, linked.user.id);
      await this.repository.touchIdentity(linked.identityId, now);
      return { record: linked.user, how: 'EXISTING' };
    }
    const { email, isVerified } = emailFromClaims(claims);
    if (!email) throw new OidcFailure('NO_EMAIL');
    const existing = await this.repository.findUserByEmail(email);
    if (existing) {
      if (existing.deletedAt) throw new OidcFailure('ACCOUNT_DELETED', undefined, existing.id);
      if (!isVerified)
        throw new OidcFailure(
          'EMAIL_UNVERIFIED',
          DomainErrorCode.OIDC_EMAIL_UNVERIFIED,
          existing.id,
        );
      // Nobody ever proved this address for the account: whoever set its password does not own
      // it. The provider's owner takes the account over (see OidcRepository.linkIdentity).
      const isTakeOver = existing.emailVerifiedAt === null;
      await this.repository.linkIdentity(existing.id, identity, now, isTakeOver, (tx, userId) =>
        this.authEvents.record(
          {
            kind: 'OIDC_ACCOUNT_LINKED',
            userId,
            request,
            detail: {
              issuer: identity.issuer,
              by: 'VERIFIED_EMAIL',
              ...(isTakeOver ? { unverifiedPasswordRemoved: true } : {}),
            },
          },
          tx,
        ),
      );
      return {
        record: isTakeOver ? { ...existing, emailVerifiedAt: now } : existing,
        how: 'LINKED',
      };
    }
    if (!hasAcceptedTerms) {
      throw new OidcFailure(
        'TERMS_NOT_ACCEPTED',
        DomainErrorCode.OIDC_TERMS_REQUIRED,
        null,
        `${SIGN_UP_PAGE}?next=${encodeURIComponent(returnTo)}&`,
      );
    }
    try {
      const record = await this.repository.createUserWithIdentity(
        {
          email,
          displayName: displayNameFromClaims(claims),
          actorType: ActorType.CITIZEN,
          emailVerifiedAt: isVerified ? now : null,
          termsAcceptedAt: now,
          termsVersion: TERMS_VERSION,
        },
        identity,
        now,
        (tx, userId) =>
          this.authEvents.record(
            {
              kind: 'OIDC_ACCOUNT_LINKED',
              userId,
              request,
              detail: { issuer: identity.issuer, by: 'NEW_ACCOUNT' },
            },
            tx,
          ),
      );
      return { record, how: 'CREATED' };
    } catch (error) {
      // Two first sign-ins of one person at once: the unique indexes let one of them win.
      if (isUniqueViolation(error)) throw new OidcFailure('ACCOUNT_CREATED_CONCURRENTLY');
      throw error;
    }
  }

  private failureOf(error: unknown, fallback: DomainErrorCode): OidcFailure {
    if (error instanceof OidcFailure) return error;
    if (error instanceof OidcTokenError) return new OidcFailure(`ID_TOKEN_${error.reason}`);
    if (error instanceof OidcProviderError) return new OidcFailure(error.reason, fallback);
    this.logger.error({ err: error }, 'OpenID Connect sign-in failed unexpectedly');
    return new OidcFailure('UNEXPECTED_ERROR', fallback);
  }

  private async refused(failure: OidcFailure, request: RequestInfo): Promise<OidcStep> {
    // Without a provider there is no sign-in to audit (and nothing for a flood of requests to fill).
    if (failure.reason !== 'NOT_CONFIGURED')
      await this.authEvents.record({
        kind: 'OIDC_SIGN_IN_FAILED',
        userId: failure.userId,
        request,
        detail: { reason: failure.reason, code: failure.code },
      });
    const page = failure.page.includes('?') ? failure.page : `${failure.page}?`;
    return { redirectTo: `${page}erreur=${encodeURIComponent(failure.code)}` };
  }
}
