import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { assertNotSuspended, isBlockedWhenSuspended } from '@passerelle/domain';
import { type GraphQLResolveInfo } from 'graphql';
import { type SuspensionRecord, UsersRepository } from '../../modules/users/users.repository';
import { type ApiRequest, type GraphQLContext } from '../graphql/graphql-context';

const SUSPENSION_STATE = Symbol('suspensionState');
type RequestWithSuspension = ApiRequest & {
  [SUSPENSION_STATE]?: Promise<SuspensionRecord | null>;
};

/**
 * Global guard, after AuthGuard: a suspended account may read, but every mutation except its
 * session's and its notices' answers ACCOUNT_SUSPENDED. The suspension columns come with the
 * session check of the access token (no statement of their own); an account that came another
 * way costs one primary-key read per HTTP request, only for mutations.
 */
@Injectable()
export class SuspensionGuard implements CanActivate {
  constructor(private readonly users: UsersRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation' || !isBlockedWhenSuspended(info.fieldName)) {
      return true;
    }
    const { req, lang } = gql.getContext<GraphQLContext>();
    const request = req as RequestWithSuspension;
    if (!request.user) return true; // AuthGuard has already let only public mutations through
    // Read with the session by AuthGuard's statement; else one primary-key read.
    request[SUSPENSION_STATE] ??= request.user.suspension
      ? Promise.resolve(request.user.suspension)
      : this.users.findSuspension(request.user.id);
    const state = await request[SUSPENSION_STATE];
    if (state) assertNotSuspended(state, new Date(), lang);
    return true;
  }
}
