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
 * session's and its notices' answers ACCOUNT_SUSPENDED. One primary-key read of the account's
 * suspension columns per HTTP request, only for mutations by a signed-in account.
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
    request[SUSPENSION_STATE] ??= this.users.findSuspension(request.user.id);
    const state = await request[SUSPENSION_STATE];
    if (state) assertNotSuspended(state, new Date(), lang);
    return true;
  }
}
