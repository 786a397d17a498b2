import { CombinedGraphQLErrors } from '@apollo/client';
import type { FieldError } from '@passerelle/domain';

/** The API's error extensions (see the contract: code, reason, fields, requestId). */
export interface ApiErrorExtensions {
  code?: string;
  reason?: string;
  fields?: FieldError[];
  requestId?: string;
}

function firstGraphQLError(error: unknown) {
  return CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
}

function extensionsOf(error: unknown): ApiErrorExtensions {
  return (firstGraphQLError(error)?.extensions ?? {}) as ApiErrorExtensions;
}

/** The domain's own error code (`extensions.reason`), e.g. EMAIL_TAKEN. */
export function errorReason(error: unknown): string | undefined {
  return extensionsOf(error).reason;
}

/** The transport code (`extensions.code`), e.g. BAD_USER_INPUT. */
export function errorCode(error: unknown): string | undefined {
  return extensionsOf(error).code;
}

/** The field errors of a BAD_USER_INPUT answer; empty for any other error. */
export function serverFieldErrors(error: unknown): FieldError[] {
  const extensions = extensionsOf(error);
  return extensions.code === 'BAD_USER_INPUT' && Array.isArray(extensions.fields)
    ? extensions.fields
    : [];
}

/**
 * A message a person can act on: the API's own message (already in the UI language, sent with
 * Accept-Language) for GraphQL errors, or a generic one for network failures.
 */
export function errorMessage(
  error: unknown,
  t: (key: 'errors.network' | 'errors.generic') => string,
): string {
  const graphQLError = firstGraphQLError(error);
  if (graphQLError) {
    return extensionsOf(error).code === 'INTERNAL_SERVER_ERROR'
      ? t('errors.generic')
      : graphQLError.message;
  }
  return t('errors.network');
}

/**
 * True when the API does not know a field or argument the query asks for (an API deployed before
 * the feature): the UI hides that feature instead of showing an error.
 */
export function isUnsupportedByApi(error: unknown): boolean {
  return (
    errorCode(error) === 'GRAPHQL_VALIDATION_FAILED' && errorReason(error) !== 'QUERY_TOO_COMPLEX'
  );
}
