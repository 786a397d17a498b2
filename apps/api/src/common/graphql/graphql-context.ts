import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { type Language, pickLanguage } from '@passerelle/domain';
import { type Request, type Response } from 'express';
import { LoaderRegistry } from '../dataloader/loader-registry';
import { type AuthUser } from '../auth/auth-user';

/** The request as the API sees it: pino-http's `id` and `log`, cookies and the authenticated user. */
export interface ApiRequest extends Request {
  user?: AuthUser | null;
}

/** What every resolver receives as GraphQL context. */
export interface GraphQLContext {
  req: ApiRequest;
  res: Response;
  lang: Language;
  loaders: LoaderRegistry;
}

export function createGraphQLContext({
  req,
  res,
}: {
  req: ApiRequest;
  res: Response;
}): GraphQLContext {
  return {
    req,
    res,
    lang: pickLanguage(req.headers['accept-language']),
    loaders: new LoaderRegistry(),
  };
}

/** The request id given by pino-http (from `x-request-id` or generated). */
export function requestIdOf(req: ApiRequest | undefined): string | undefined {
  const id: unknown = req?.id;
  return id === undefined || id === null ? undefined : String(id);
}

const contextOf = (ctx: ExecutionContext) =>
  GqlExecutionContext.create(ctx).getContext<GraphQLContext>();

/** The language of the request (`Accept-Language`, French by default). */
export const Lang = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Language => contextOf(ctx).lang,
);

/** This request's DataLoader registry. */
export const Loaders = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): LoaderRegistry => contextOf(ctx).loaders,
);

/** The Express response, for resolvers that set cookies. */
export const HttpResponse = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Response => contextOf(ctx).res,
);

/** The Express request, for resolvers that read cookies. */
export const HttpRequest = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ApiRequest => contextOf(ctx).req,
);
