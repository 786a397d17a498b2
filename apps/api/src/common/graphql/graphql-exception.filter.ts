import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import { type GraphQLError } from 'graphql';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { type Response } from 'express';
import { restErrorAnswer, sendRestError } from '../http/rest-errors';
import { mapError } from './domain-error.mapper';
import { type ApiRequest, type GraphQLContext, requestIdOf } from './graphql-context';

/**
 * The one global error filter: every error a resolver or a plain HTTP route (exports, open data,
 * the data export) throws is mapped through the table in error-codes.ts. Routes answer
 * `{ error: { code, reason, message, requestId } }` with the matching status (rest-errors.ts).
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  constructor(@InjectConfig() private readonly config: AppConfig) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<string>() === 'http') return this.catchHttp(exception, host);
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    const context = GqlArgumentsHost.create(host).getContext<GraphQLContext>();
    const requestId = requestIdOf(context.req);
    const { error, isUnexpected } = mapError(exception, {
      lang: context.lang,
      requestId,
      exposeDetails: this.config.nodeEnv === 'development',
    });
    if (isUnexpected) {
      const log = context.req.log;
      if (log) log.error({ err: exception, requestId }, 'Unexpected error in a resolver');
      else
        this.logger.error(
          `Unexpected error in a resolver (request ${requestId})`,
          (exception as Error)?.stack,
        );
    }
    return error;
  }

  private catchHttp(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<ApiRequest>();
    const res = http.getResponse<Response>();
    const requestId = requestIdOf(req);
    if (res.headersSent) {
      // A streamed file failed half-way: nothing more can be said; cut the connection so the
      // client sees an incomplete download rather than a truncated file that looks whole.
      (req.log ?? this.logger).error({ err: exception, requestId }, 'Failure while streaming');
      res.destroy();
      return;
    }
    const answer = restErrorAnswer(exception, req, this.config.nodeEnv === 'development');
    if (answer.isUnexpected) {
      if (req.log) req.log.error({ err: exception, requestId }, 'Unexpected error in a route');
      else this.logger.error(`Unexpected error in a route (request ${requestId})`);
    }
    sendRestError(res, answer);
  }
}
