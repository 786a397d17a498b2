import { type ApolloServerPlugin } from '@apollo/server';
import { type Logger } from '@nestjs/common';
import { ApiErrorReason, apiErrorMessage, GraphQLErrorCode } from './error-codes';
import { type GraphQLContext, requestIdOf } from './graphql-context';

/**
 * Adds the request id to every error, speaks the request's language for masked internal errors,
 * and logs the unexpected errors that did not go through the resolver exception filter.
 */
export function errorEnvelopePlugin(fallbackLogger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            const code = error.extensions?.['code'];
            const isMapped = typeof error.extensions?.['reason'] === 'string';
            if (
              (code === undefined || code === GraphQLErrorCode.INTERNAL_SERVER_ERROR) &&
              !isMapped
            ) {
              const requestId = requestIdOf(contextValue.req);
              const err = error.originalError ?? error;
              if (contextValue.req?.log)
                contextValue.req.log.error({ err, requestId }, 'Unexpected GraphQL error');
              else
                fallbackLogger.error(`Unexpected GraphQL error (request ${requestId})`, err.stack);
            }
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const requestId = requestIdOf(contextValue.req);
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) => {
            const extensions = { ...(error.extensions ?? {}) };
            if (requestId) extensions['requestId'] = requestId;
            const message =
              extensions['reason'] === ApiErrorReason.INTERNAL_SERVER_ERROR
                ? apiErrorMessage(ApiErrorReason.INTERNAL_SERVER_ERROR, contextValue.lang ?? 'fr')
                : error.message;
            return { ...error, message, extensions };
          });
        },
      };
    },
  };
}
