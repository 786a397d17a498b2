import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Actor, type Role } from '@passerelle/domain';
import { type GraphQLContext } from '../graphql/graphql-context';

export const PUBLIC_KEY = 'passerelle:public';
export const ROLES_KEY = 'passerelle:roles';

export interface PublicOptions {
  /**
   * Go on as an anonymous visitor when the access token is expired or invalid, instead of
   * answering SESSION_EXPIRED. Only for the auth mutations (sign in, refresh, sign out), which
   * must work with a stale cookie.
   */
  ignoreInvalidToken?: boolean;
}

/** Opens a resolver or route to anonymous visitors (the guard still reads a token if one is sent). */
export const Public = (options: PublicOptions = {}) => SetMetadata(PUBLIC_KEY, options);

/** Restricts a resolver to signed-in accounts with one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The acting account as a domain Actor: `{ id, role }`, or null for an anonymous visitor. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req =
    ctx.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(ctx).getContext<GraphQLContext>().req
      : ctx.switchToHttp().getRequest<GraphQLContext['req']>();
  return req.user ? { id: req.user.id, role: req.user.role } : null;
});
