import { HttpException } from '@nestjs/common';
import {
  DomainError,
  DomainErrorCode,
  errorMessage,
  type FieldError,
  type Language,
} from '@passerelle/domain';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable, isUniqueViolation } from '../prisma/prisma-errors';
import { ApiErrorReason, apiErrorMessage, GraphQLErrorCode, graphqlCodeFor } from './error-codes';

export interface ErrorExtensions {
  code: GraphQLErrorCode | string;
  reason: string;
  fields?: FieldError[];
  requestId?: string;
  [key: string]: unknown;
}

export interface MappedError {
  error: GraphQLError;
  /** True for failures nobody planned for: they are logged with the request id. */
  isUnexpected: boolean;
}

const HTTP_STATUS_CODES: Record<number, { code: GraphQLErrorCode; reason: DomainErrorCode }> = {
  400: { code: GraphQLErrorCode.BAD_USER_INPUT, reason: DomainErrorCode.INVALID_INPUT },
  401: { code: GraphQLErrorCode.UNAUTHENTICATED, reason: DomainErrorCode.SIGN_IN_REQUIRED },
  403: { code: GraphQLErrorCode.FORBIDDEN, reason: DomainErrorCode.NOT_ALLOWED },
  429: { code: GraphQLErrorCode.RATE_LIMITED, reason: DomainErrorCode.RATE_LIMITED },
};

/**
 * Turns anything a resolver throws into the GraphQL error clients see:
 * `{ message, extensions: { code, reason, fields?, requestId } }`, with the message in `lang`.
 * Unknown errors become INTERNAL_SERVER_ERROR with a generic message; their text and stack are
 * only attached when `exposeDetails` (development).
 */
export function mapError(
  exception: unknown,
  options: { lang: Language; requestId?: string; exposeDetails: boolean },
): MappedError {
  const { lang, requestId } = options;
  const build = (message: string, extensions: ErrorExtensions) =>
    new GraphQLError(message, {
      extensions: requestId ? { ...extensions, requestId } : extensions,
    });

  if (exception instanceof DomainError) {
    const extensions: ErrorExtensions = {
      code: graphqlCodeFor(exception.code),
      reason: exception.code,
    };
    if (exception.fields?.length) extensions.fields = exception.fields;
    if (exception.params) Object.assign(extensions, exception.params);
    return {
      error: build(errorMessage(exception.code, lang, exception.params), extensions),
      isUnexpected: false,
    };
  }
  if (
    exception instanceof GraphQLError &&
    typeof exception.extensions?.['code'] === 'string' &&
    exception.extensions['code'] !== GraphQLErrorCode.INTERNAL_SERVER_ERROR
  ) {
    // Already a client-facing GraphQL error (e.g. thrown by the GraphQL layer itself).
    const code = exception.extensions['code'];
    return {
      error: build(exception.message, {
        ...exception.extensions,
        code,
        reason: String(exception.extensions['reason'] ?? code),
      }),
      isUnexpected: false,
    };
  }
  if (isUniqueViolation(exception)) {
    return {
      error: build(apiErrorMessage(ApiErrorReason.CONFLICT, lang), {
        code: GraphQLErrorCode.CONFLICT,
        reason: ApiErrorReason.CONFLICT,
      }),
      isUnexpected: false,
    };
  }
  if (isDatabaseUnavailable(exception)) {
    // PostgreSQL restarting or unreachable: a clear "try again", not an internal error. The
    // readiness probe reports the outage; nothing else to log per request.
    return {
      error: build(apiErrorMessage(ApiErrorReason.SERVICE_UNAVAILABLE, lang), {
        code: GraphQLErrorCode.SERVICE_UNAVAILABLE,
        reason: ApiErrorReason.SERVICE_UNAVAILABLE,
      }),
      isUnexpected: false,
    };
  }
  if (exception instanceof HttpException && HTTP_STATUS_CODES[exception.getStatus()]) {
    const { code, reason } = HTTP_STATUS_CODES[exception.getStatus()];
    return { error: build(errorMessage(reason, lang), { code, reason }), isUnexpected: false };
  }
  const extensions: ErrorExtensions = {
    code: GraphQLErrorCode.INTERNAL_SERVER_ERROR,
    reason: ApiErrorReason.INTERNAL_SERVER_ERROR,
  };
  if (options.exposeDetails && exception instanceof Error) {
    extensions['debug'] = { message: exception.message, stack: exception.stack };
  }
  return {
    error: build(apiErrorMessage(ApiErrorReason.INTERNAL_SERVER_ERROR, lang), extensions),
    isUnexpected: true,
  };
}
