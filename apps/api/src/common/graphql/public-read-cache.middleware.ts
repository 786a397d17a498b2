import { type ApolloServerPlugin } from '@apollo/server';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import { pickLanguage } from '@passerelle/domain';
import { type NextFunction, type Request, type Response } from 'express';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { ACCESS_COOKIE } from '../auth/auth-user';
import { type ApiRequest, type GraphQLContext } from './graphql-context';
import { type CachedAnswer, PublicReadCache } from './public-read-cache';

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
  'experiment',
  'experiments',
  'experimentsByDepartement',
  'me',
  'proposal',
  'proposalCluster',
  'proposals',
  'publishedBrief',
  'publishedBriefs',
  'searchOrganisations',
  'similarProposals',
  'territories',
  'territory',
  'themes',
]);

/**
 * Mutations that change no public read but counters (vote totals, upvotes, followers) or the
 * caller's own session: they leave the cache as it is, so a vote every few milliseconds does not
 * turn every anonymous read into a computed one. Anonymous visitors then see such counters up to
 * one time to live late; signed-in readers never read from the cache, and live subscriptions
 * (graphql-ws, never cached) push vote totals to open pages. Any other mutation empties it.
 */
export const COUNTER_ONLY_MUTATIONS: ReadonlySet<string> = new Set([
  'castVote',
  'retractVote',
  'upvoteComment',
  'removeCommentUpvote',
  'followProposal',
  'unfollowProposal',
  'markNotificationsRead',
  'signIn',
  'signOut',
  'refreshSession',
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
  /**
   * Answers being computed, by key: identical requests arriving meanwhile (under the same
   * generation) wait for the first one instead of computing the same page twenty times when an
   * entry expires under load.
   */
  private readonly inFlight = new Map<
    string,
    { generation: number; answer: Promise<CachedAnswer | null> }
  >();

  constructor(private readonly cache: PublicReadCache) {}

  use(req: MarkedRequest, res: Response, next: NextFunction): void {
    if (!this.cache.enabled || req.method !== 'POST' || !req.is('application/json')) return next();
    if (!isAnonymousRequest(req)) return next();
    const key = answerKey(req);
    if (key === null) return next();
    if (wantsFreshAnswer(req)) return this.compute(key, req, res, next, false);
    const hit = this.cache.answer(key);
    if (hit) return send(res, hit);
    const pending = this.inFlight.get(key);
    if (pending && pending.generation === this.cache.generation) {
      // Someone is computing this answer: the previous one while it lasts, else wait for it.
      const stale = this.cache.staleAnswer(key);
      if (stale) return send(res, stale);
      void pending.answer.then((answer) => (answer ? send(res, answer) : next()));
      return;
    }
    this.compute(key, req, res, next, true);
  }

  /** Lets Apollo answer, and keeps the answer when the plugin marked it public. */
  private compute(
    key: string,
    req: MarkedRequest,
    res: Response,
    next: NextFunction,
    lead: boolean,
  ): void {
    const generation = this.cache.generation;
    let settle: (answer: CachedAnswer | null) => void = () => undefined;
    if (lead) {
      const answer = new Promise<CachedAnswer | null>((resolve) => (settle = resolve));
      const flight = { generation, answer };
      this.inFlight.set(key, flight);
      const release = () => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
        settle(null); // no-op when the answer was already given
      };
      res.once('finish', release);
      res.once('close', release);
    }
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const answer = req[CACHEABLE] === true && res.statusCode === 200 ? captured(res, args) : null;
      if (answer) this.cache.keepAnswer(key, generation, answer);
      settle(answer);
      return end(...args);
    }) as Response['end'];
    res.setHeader(CACHE_STATUS_HEADER, 'MISS');
    next();
  }
}

function send(res: Response, answer: CachedAnswer): void {
  res.status(200);
  res.setHeader('Content-Type', answer.contentType);
  res.setHeader(CACHE_STATUS_HEADER, 'HIT');
  res.end(answer.body);
}

/** The answer Apollo is writing with `res.end(chunk, encoding)`, when it is one whole chunk. */
function captured(res: Response, [chunk, encoding]: unknown[]): CachedAnswer | null {
  const body =
    typeof chunk === 'string'
      ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : Buffer.isBuffer(chunk)
        ? chunk
        : null;
  const contentType = res.getHeader('Content-Type');
  return body && typeof contentType === 'string' ? { body, contentType } : null;
}

function selectsOnly(operation: OperationDefinitionNode, fields: ReadonlySet<string>): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && fields.has(selection.name.value),
  );
}

/**
 * The Apollo side: marks an anonymous query's answer as worth keeping (no error, public root
 * fields only), and empties the cache after every mutation that was executed (whatever its
 * answer: a nested field's error can null the data of a mutation that did write), but those
 * that only move counters.
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
            if (executed && !selectsOnly(operation, COUNTER_ONLY_MUTATIONS)) cache.invalidate();
            return;
          }
          if (operation.operation !== 'query' || !cache.enabled) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          const status = response.http.status ?? 200;
          const req = contextValue.req as MarkedRequest;
          if (status !== 200 || !req || req.user || !isAnonymousRequest(req)) return;
          if (selectsOnly(operation, PUBLIC_ROOT_FIELDS)) req[CACHEABLE] = true;
        },
      };
    },
  };
}
