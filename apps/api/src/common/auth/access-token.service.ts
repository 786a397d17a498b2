import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@passerelle/domain';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type AuthUser } from './auth-user';

const ISSUER = 'passerelle';
const ROLES = new Set<string>(Object.values(Role));

export interface SignedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs and verifies the short-lived access tokens (JWT HS256, claims `sub` and `role`). */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async sign(user: AuthUser, now = new Date()): Promise<SignedAccessToken> {
    const exp = Math.floor(now.getTime() / 1000) + this.config.accessTokenTtlSeconds;
    const token = await this.jwt.signAsync(
      { sub: user.id, role: user.role, exp },
      { secret: this.config.jwtSecret, algorithm: 'HS256', issuer: ISSUER },
    );
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The account carried by a token, or null when it is expired, forged or malformed. */
  async verify(token: string): Promise<AuthUser | null> {
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown; role?: unknown }>(token, {
        secret: this.config.jwtSecret,
        algorithms: ['HS256'],
        issuer: ISSUER,
      });
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.role !== 'string' ||
        !ROLES.has(payload.role)
      )
        return null;
      return { id: payload.sub, role: payload.role as Role };
    } catch {
      return null;
    }
  }
}
