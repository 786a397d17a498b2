import { unwrapResolverError } from '@apollo/server/errors';
import { type GraphQLFormattedError } from 'graphql';
import { ApiErrorReason, apiErrorMessage, GraphQLErrorCode } from './error-codes';

/**
 * Apollo's last word on every error. Errors from resolvers were already mapped by the exception
 * filter; this gives every other error a `reason`, and masks anything unexpected (a failure
 * outside resolvers, a result that does not fit the schema) so no stack, SQL or Prisma text
 * leaves the server outside development. The message is localised later by the error plugin.
 * With `hideSuggestions` (production), graphql-js's "Did you mean …?" hints (fields, arguments,
 * enum values, types) are cut from messages, so the schema cannot be guessed piece by piece.
 */
export function createFormatError(exposeDetails: boolean, hideSuggestions = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = { ...(formatted.extensions ?? {}) };
    const code =
      typeof extensions['code'] === 'string'
        ? extensions['code']
        : GraphQLErrorCode.INTERNAL_SERVER_ERROR;
    if (!exposeDetails) delete extensions['stacktrace'];

    if (
      code === GraphQLErrorCode.INTERNAL_SERVER_ERROR &&
      extensions['reason'] !== ApiErrorReason.INTERNAL_SERVER_ERROR
    ) {
      const original = unwrapResolverError(error);
      return {
        message: apiErrorMessage(ApiErrorReason.INTERNAL_SERVER_ERROR, 'fr'),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: GraphQLErrorCode.INTERNAL_SERVER_ERROR,
          reason: ApiErrorReason.INTERNAL_SERVER_ERROR,
          ...(exposeDetails && original instanceof Error
            ? { debug: { message: original.message, stack: original.stack } }
            : {}),
        },
      };
    }
    return {
      ...formatted,
      ...(hideSuggestions ? { message: withoutSuggestions(formatted.message) } : {}),
      extensions: { ...extensions, code, reason: extensions['reason'] ?? code },
    };
  };
}

/** "Value "X" does not exist in "E" enum. Did you mean the enum value "Y"?" → without the hint. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}
