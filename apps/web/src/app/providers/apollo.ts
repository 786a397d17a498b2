import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  HttpLink,
  InMemoryCache,
  type ErrorLike,
} from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { Observable, type Subscription } from 'rxjs';
import { createRealtimeTransport, isOperationSubscription } from './realtime';

export const GRAPHQL_PATH = '/graphql';

const REFRESH_SESSION = 'mutation RefreshSession { refreshSession { accessTokenExpiresAt } }';

/** True when the API said the access token has expired (the refresh cookie may still be valid). */
export function isSessionExpired(error: ErrorLike): boolean {
  return (
    CombinedGraphQLErrors.is(error) &&
    error.errors.some((e) => e.extensions?.['reason'] === 'SESSION_EXPIRED')
  );
}

export type SessionRefresher = () => Promise<boolean>;

/**
 * Calls `refreshSession` with the refresh cookie. Concurrent callers share one request, so a page
 * firing several queries with an expired token rotates the refresh token once.
 */
export function createSessionRefresher(getLanguage: () => string): SessionRefresher {
  let inFlight: Promise<boolean> | null = null;
  return () => {
    inFlight ??= fetch(GRAPHQL_PATH, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': getLanguage() },
      body: JSON.stringify({ operationName: 'RefreshSession', query: REFRESH_SESSION }),
    })
      .then(
        (response) =>
          response.json() as Promise<{ data?: { refreshSession?: unknown }; errors?: unknown[] }>,
      )
      .then((body) => !body.errors?.length && Boolean(body.data?.refreshSession))
      .catch(() => false)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}

/**
 * On SESSION_EXPIRED, calls `refreshSession` once and replays the operation. A failed refresh
 * clears the session cookies, so the replay then runs as a visitor (public queries still answer;
 * protected ones say SIGN_IN_REQUIRED). The replay is never refreshed again.
 */
export function sessionRefreshLink(refresh: SessionRefresher): ApolloLink {
  return new ErrorLink(({ error, operation, forward }) => {
    if (!isSessionExpired(error) || operation.getContext()['sessionRefreshed']) return;
    return new Observable<ApolloLink.Result>((observer) => {
      let subscription: Subscription | undefined;
      let isClosed = false;
      void refresh().then(() => {
        if (isClosed) return;
        operation.setContext({ sessionRefreshed: true });
        subscription = forward(operation).subscribe(observer);
      });
      return () => {
        isClosed = true;
        subscription?.unsubscribe();
      };
    });
  });
}

/** Sends the UI language so the API answers (theme names, error messages) in it. */
export function languageLink(getLanguage: () => string): ApolloLink {
  return new ApolloLink((operation, forward) => {
    operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'Accept-Language': getLanguage() },
    }));
    return forward(operation);
  });
}

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          // Keyset pagination: pages fetched with `after` are appended to the same list.
          proposals: relayStylePagination(['filter', 'orderBy', 'search']),
        },
      },
      Proposal: { fields: { comments: relayStylePagination() } },
      Organisation: { fields: { proposals: relayStylePagination() } },
      User: {
        fields: {
          proposals: relayStylePagination(),
          votes: relayStylePagination(),
          comments: relayStylePagination(),
        },
      },
    },
  });
}

/**
 * Queries and mutations over HTTP; subscriptions over a WebSocket on the same origin, opened only
 * while one is active. Signing in or out resets the store, which reconnects the WebSocket so that
 * it carries the new session.
 */
export function createApolloClient(
  getLanguage: () => string,
  refresh: SessionRefresher,
): ApolloClient {
  const realtime = createRealtimeTransport(refresh);
  const client = new ApolloClient({
    link: ApolloLink.split(
      isOperationSubscription,
      realtime.link,
      ApolloLink.from([
        sessionRefreshLink(refresh),
        languageLink(getLanguage),
        new HttpLink({ uri: GRAPHQL_PATH, credentials: 'include' }),
      ]),
    ),
    cache: createCache(),
  });
  const restart = () => {
    realtime.restart();
    return Promise.resolve();
  };
  client.onResetStore(restart);
  client.onClearStore(restart);
  return client;
}
