import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import { type GraphQLError } from 'graphql';
import { InjectConfig } from '../../config/app-config';
import { type AppConfig } from '../../config/config.schema';
import { mapError } from './domain-error.mapper';
import { type GraphQLContext, requestIdOf } from './graphql-context';

/**
 * The one global error filter: every error a resolver throws is mapped through the table in
 * error-codes.ts. HTTP routes (health) keep Nest's default handling.
 */
@Catch()
export class GraphQLExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  constructor(@InjectConfig() private readonly config: AppConfig) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
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
}
