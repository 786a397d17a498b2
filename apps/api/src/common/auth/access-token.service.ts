import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@passerelle/domain';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type AuthUser } from './auth-user';
import { SessionsRepository } from './sessions.repository';

const ISSUER = 'passerelle';
const ROLES = new Set<string>(Object.values(Role));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

/**
 * Signs and verifies the short-lived access tokens (JWT HS256, claims `sub`, `role` and `sid`,
 * the session: the refresh-token family). A token is accepted only while its session is live
 * (not signed out, not ended by a password change or a role change, account not deleted), and
 * it carries the account's current role, not the one it was signed with. That costs one indexed
 * statement per HTTP request (AuthGuard keeps the answer for the request) and per subscription;
 * nothing is cached across requests, so every process sees a sign-out at once.
 */
@Injectable()
export class AccessTokenService {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries to parse it
   * as a public key (a thrown error on every verification), then makes a KeyObject of it.
   */
  private readonly jwt: JwtService;

  constructor(
    private readonly sessions: SessionsRepository,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) });
  }

  async sign(
    user: Pick<AuthUser, 'id' | 'role'>,
    sessionId: string,
    now = new Date(),
  ): Promise<SignedAccessToken> {
    const exp = Math.floor(now.getTime() / 1000) + this.config.accessTokenTtlSeconds;
    const token = await this.jwt.signAsync(
      { sub: user.id, role: user.role, sid: sessionId, exp },
      { algorithm: 'HS256', issuer: ISSUER },
    );
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /**
   * The account carried by a token, with its current role, or null when the token is expired,
   * forged or malformed, or its session has ended.
   */
  async verify(token: string, now = new Date()): Promise<AuthUser | null> {
    let payload: { sub?: unknown; role?: unknown; sid?: unknown };
    try {
      payload = await this.jwt.verifyAsync(token, { algorithms: ['HS256'], issuer: ISSUER });
    } catch {
      return null;
    }
    if (
      typeof payload.sub !== 'string' ||
      !UUID.test(payload.sub) ||
      typeof payload.sid !== 'string' ||
      !UUID.test(payload.sid) ||
      typeof payload.role !== 'string' ||
      !ROLES.has(payload.role)
    )
      return null;
    const session = await this.sessions.findLive(payload.sid, payload.sub, now);
    if (!session) return null;
    return {
      id: payload.sub,
      role: session.role,
      sessionId: payload.sid,
      ...(session.suspension ? { suspension: session.suspension } : {}),
    };
  }
}
