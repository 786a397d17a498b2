import { type ApolloServerPlugin } from '@apollo/server';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { pickLanguage } from '@passerelle/domain';
import { type NextFunction, type Request, type Response } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { ACCESS_COOKIE } from '../auth/auth-user';
import { type ApiRequest, type GraphQLContext } from './graphql-context';
import { PublicReadCache } from './public-read-cache';

/**
 * Root fields whose answer to an anonymous visitor depends only on the operation, its variables,
 * the language, the host and the database: public reads, no rate limit, no side effect. An
 * operation is kept only when every root field it selects is one of them.
 */
export const PUBLIC_ROOT_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'authProviders',
  'consultation',
  'consultations',
  'me',
  'proposal',
  'proposalCluster',
  'proposals',
  'publishedBrief',
  'publishedBriefs',
  'similarProposals',
  'territories',
  'territory',
  'themes',
]);

/** Header telling whether an anonymous read came from memory (HIT) or was computed (MISS). */
export const CACHE_STATUS_HEADER = 'X-Passerelle-Cache';

const CACHEABLE = Symbol('publicReadCacheable');
type MarkedRequest = ApiRequest & { [CACHEABLE]?: boolean };

/** No access token: neither `Authorization` nor the session cookie (a refresh cookie alone reads as anonymous). */
export function isAnonymousRequest(req: Request): boolean {
  if (req.headers.authorization !== undefined) return false;
  const cookies = req.cookies as Record<string, unknown> | undefined;
  return cookies?.[ACCESS_COOKIE] === undefined;
}

/**
 * The key of a POSTed GraphQL operation: everything its answer may depend on for an anonymous
 * visitor. Null for what is not one plain operation (batches, non-JSON bodies).
 */
export function answerKey(req: Request): string | null {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query, variables, operationName, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  return JSON.stringify([
    pickLanguage(req.headers['accept-language']),
    req.headers.host ?? '',
    operationName ?? null,
    query,
    variables ?? null,
    extensions ?? null,
  ]);
}

function wantsFreshAnswer(req: Request): boolean {
  const header = `${req.headers['cache-control'] ?? ''} ${req.headers.pragma ?? ''}`;
  return /no-cache|no-store|max-age=0/i.test(header);
}

/**
 * Serves anonymous GraphQL reads from the PublicReadCache, and keeps the answers that the Apollo
 * plugin below marked as public. Runs after the body parser and before Apollo; only POSTs with a
 * JSON body (what Apollo's CSRF prevention lets through anyway). `Cache-Control: no-cache` in the
 * request skips the memory (the answer is still kept).
 */
@Injectable()
export class PublicReadCacheMiddleware implements NestMiddleware {
  constructor(private readonly cache: PublicReadCache) {}

  use(req: MarkedRequest, res: Response, next: NextFunction): void {
    if (!this.cache.enabled || req.method !== 'POST' || !req.is('application/json')) return next();
    if (!isAnonymousRequest(req)) return next();
    const key = answerKey(req);
    if (key === null) return next();
    const hit = wantsFreshAnswer(req) ? undefined : this.cache.answer(key);
    if (hit) {
      res.status(200);
      res.setHeader('Content-Type', hit.contentType);
      res.setHeader(CACHE_STATUS_HEADER, 'HIT');
      res.end(hit.body);
      return;
    }
    const generation = this.cache.generation;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const [chunk, encoding] = args;
      if (req[CACHEABLE] === true && res.statusCode === 200) {
        const body =
          typeof chunk === 'string'
            ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
            : Buffer.isBuffer(chunk)
              ? chunk
              : null;
        const contentType = res.getHeader('Content-Type');
        if (body && typeof contentType === 'string') {
          this.cache.keepAnswer(key, generation, { body, contentType });
        }
      }
      return end(...args);
    }) as Response['end'];
    res.setHeader(CACHE_STATUS_HEADER, 'MISS');
    next();
  }
}

function selectsPublicFieldsOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(selection.name.value),
  );
}

/**
 * The Apollo side: marks an anonymous query's answer as worth keeping (no error, public root
 * fields only), and empties the cache after every mutation that was executed (whatever its
 * answer: a nested field's error can null the data of a mutation that did write).
 */
export function publicReadCachePlugin(cache: PublicReadCache): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let executed = false;
      return {
        async executionDidStart() {
          executed = true;
        },
        async willSendResponse({ operation, response, contextValue }) {
          if (!operation) return;
          if (operation.operation === 'mutation') {
            if (executed) cache.invalidate();
            return;
          }
          if (operation.operation !== 'query' || !cache.enabled) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          const status = response.http.status ?? 200;
          const req = contextValue.req as MarkedRequest;
          if (status !== 200 || !req || req.user || !isAnonymousRequest(req)) return;
          if (selectsPublicFieldsOnly(operation)) req[CACHEABLE] = true;
        },
      };
    },
  };
}
