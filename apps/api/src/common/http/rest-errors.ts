import { HttpException } from '@nestjs/common';
import { pickLanguage } from '@passerelle/domain';
import { type Response } from 'express';
import { type ErrorExtensions, mapError } from '../graphql/domain-error.mapper';
import { ApiErrorReason, apiErrorMessage, GraphQLErrorCode } from '../graphql/error-codes';
import { type ApiRequest, requestIdOf } from '../graphql/graphql-context';

/** The HTTP status of each client-facing error code; anything else is a 500. */
const STATUS_OF: Readonly<Record<string, number>> = {
  [GraphQLErrorCode.BAD_USER_INPUT]: 400,
  [GraphQLErrorCode.UNAUTHENTICATED]: 401,
  [GraphQLErrorCode.FORBIDDEN]: 403,
  [GraphQLErrorCode.NOT_FOUND]: 404,
  [GraphQLErrorCode.CONFLICT]: 409,
  [GraphQLErrorCode.RATE_LIMITED]: 429,
  [GraphQLErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/** What every plain HTTP route (files, exports) answers on failure, like a GraphQL error. */
export interface RestErrorBody {
  error: ErrorExtensions & { message: string };
}

export interface RestErrorAnswer {
  status: number;
  body: RestErrorBody;
  isUnexpected: boolean;
}

/**
 * The answer of a plain HTTP route to anything it throws: the same mapping as GraphQL errors
 * (error-codes.ts), as `{ error: { code, reason, message, requestId, … } }` with the matching
 * status, in the language of Accept-Language. Unexpected failures say nothing of their cause.
 */
export function restErrorAnswer(
  exception: unknown,
  req: ApiRequest,
  exposeDetails: boolean,
): RestErrorAnswer {
  const lang = pickLanguage(req.headers['accept-language']);
  const requestId = requestIdOf(req);
  if (exception instanceof HttpException && exception.getStatus() === 404) {
    // An /api path no route answers.
    return {
      status: 404,
      body: {
        error: {
          code: GraphQLErrorCode.NOT_FOUND,
          reason: ApiErrorReason.ROUTE_NOT_FOUND,
          message: apiErrorMessage(ApiErrorReason.ROUTE_NOT_FOUND, lang),
          ...(requestId ? { requestId } : {}),
        },
      },
      isUnexpected: false,
    };
  }
  const refusal = httpLayerRefusal(exception);
  if (refusal) {
    // The HTTP layer (body parser) refused the request before any route ran.
    return {
      status: refusal.status,
      body: {
        error: {
          code: GraphQLErrorCode.BAD_USER_INPUT,
          reason: refusal.reason,
          message: apiErrorMessage(refusal.reason, lang),
          ...(requestId ? { requestId } : {}),
        },
      },
      isUnexpected: false,
    };
  }
  const { error, isUnexpected } = mapError(exception, { lang, requestId, exposeDetails });
  const extensions = error.extensions as ErrorExtensions;
  return {
    status: STATUS_OF[extensions.code] ?? 500,
    body: { error: { ...extensions, message: error.message } },
    isUnexpected,
  };
}

/**
 * A client error of the HTTP layer: body-parser throws `http-errors` objects with a 4xx `status`
 * and `expose: true` (413 for a body over the limit, 400 for unreadable JSON).
 */
function httpLayerRefusal(exception: unknown): { status: number; reason: ApiErrorReason } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  if (expose !== true || typeof status !== 'number' || status < 400 || status > 499) return null;
  return {
    status,
    reason: status === 413 ? ApiErrorReason.PAYLOAD_TOO_LARGE : ApiErrorReason.MALFORMED_REQUEST,
  };
}

/** Sends a RestErrorAnswer (with Retry-After when the error gives one), never cached. */
export function sendRestError(res: Response, answer: RestErrorAnswer): void {
  const retryAfter = answer.body.error['retryAfterSeconds'];
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.setHeader('Cache-Control', 'no-store');
  res.status(answer.status).json(answer.body);
}
