import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { type ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { type AppConfig } from '../../config/config.schema';
import { DateTimeScalar } from './date-time.scalar';
import { errorEnvelopePlugin } from './error-envelope.plugin';
import { createFormatError } from './format-error';
import { createGraphQLContext } from './graphql-context';
import { GRAPHQL_LIMITS, graphqlArmor } from './graphql-limits';
import { type PublicReadCache } from './public-read-cache';
import { publicReadCachePlugin } from './public-read-cache.middleware';

export const GRAPHQL_PATH = '/graphql';

/**
 * Apollo Server options: code-first schema, limits, CSRF prevention, error envelope. Subscriptions
 * are served on the same path by common/realtime/subscription-server.ts (graphql-ws), which owns
 * its WebSocket server to apply these limits and close connections first at shutdown.
 */
export function graphqlOptions(
  config: AppConfig,
  cache: PublicReadCache,
): Omit<ApolloDriverConfig, 'driver'> {
  const isProduction = config.nodeEnv === 'production';
  const isDevelopment = config.nodeEnv === 'development';
  const armor = graphqlArmor(isProduction);
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    introspection: !isProduction,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Expected errors need no stack; unexpected ones carry `debug` in development (see mapError).
    includeStacktraceInErrorResponses: false,
    // Keep answering while the HTTP server drains; stop Apollo only once it is closed.
    stopOnApplicationShutdown: true,
    // Resolver errors of nested fields go through the same exception filter as root fields.
    fieldResolverEnhancers: ['filters'],
    context: createGraphQLContext,
    formatError: createFormatError(isDevelopment, isProduction),
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    plugins: [
      ...armor.plugins,
      errorEnvelopePlugin(new Logger('GraphQL')),
      publicReadCachePlugin(cache),
      // Installed by default otherwise: cache hints would wrap every field resolver (about 1 % of
      // a list request's CPU) for an HTTP cache header nothing reads; traces serve federation.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      isDevelopment
        ? ApolloServerPluginLandingPageLocalDefault({ footer: false })
        : ApolloServerPluginLandingPageDisabled(),
    ],
    playground: false,
  };
}
