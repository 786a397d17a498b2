import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, DomainErrorCode, type Role } from '@passerelle/domain';
import { type ApiRequest, type GraphQLContext } from '../graphql/graphql-context';
import { AccessTokenService } from './access-token.service';
import { PUBLIC_KEY, type PublicOptions, ROLES_KEY } from './auth.decorators';
import { ACCESS_COOKIE, type AuthUser } from './auth-user';

type TokenState = { user: AuthUser | null; invalid: boolean };
const TOKEN_STATE = Symbol('tokenState');
type RequestWithState = ApiRequest & { [TOKEN_STATE]?: Promise<TokenState> };

/**
 * Global guard. Reads the access token from `Authorization: Bearer` (API clients) or the
 * `passerelle_at` cookie (the web app), then applies @Public() and @Roles(). Everything not
 * marked @Public() needs a signed-in account.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const targets = [context.getHandler(), context.getClass()];
    const publicOptions = this.reflector.getAllAndOverride<PublicOptions | undefined>(
      PUBLIC_KEY,
      targets,
    );
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);

    // One verification per HTTP request, however many root fields the operation selects.
    req[TOKEN_STATE] ??= this.readToken(req);
    const { user, invalid } = await req[TOKEN_STATE];
    req.user = user;

    if (invalid && !publicOptions?.ignoreInvalidToken) {
      // The web app answers SESSION_EXPIRED by calling refreshSession once, then retrying.
      throw new DomainError(DomainErrorCode.SESSION_EXPIRED);
    }
    if (!user) {
      if (publicOptions) return true;
      throw new DomainError(DomainErrorCode.SIGN_IN_REQUIRED);
    }
    if (roles && roles.length > 0 && !roles.includes(user.role)) {
      throw new DomainError(DomainErrorCode.NOT_ALLOWED);
    }
    return true;
  }

  private async readToken(req: ApiRequest): Promise<TokenState> {
    const token = bearerToken(req) ?? cookieToken(req);
    if (!token) return { user: null, invalid: false };
    const user = await this.tokens.verify(token);
    return { user, invalid: user === null };
  }
}

function requestOf(context: ExecutionContext): RequestWithState {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<GraphQLContext>().req;
  }
  return context.switchToHttp().getRequest<RequestWithState>();
}

function bearerToken(req: ApiRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token.trim() : undefined;
}

function cookieToken(req: ApiRequest): string | undefined {
  const value: unknown = (req.cookies as Record<string, unknown> | undefined)?.[ACCESS_COOKIE];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
