import { ApolloLink } from '@apollo/client';
import type { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import type { Client } from 'graphql-ws';
import { Observable, type Subscription } from 'rxjs';
import type { SessionRefresher } from './apollo';

/** The API closes the socket with this code when the access-token cookie is invalid or expired. */
const UNAUTHORIZED_CLOSE = 4401;
const MAX_RETRY_WAIT_MS = 30_000;

/** ws(s)://<this host><path>: the API serves subscriptions on the same origin as HTTP. */
export function webSocketUrl(path: string, location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

/** Exponential backoff from 1 s, capped at 30 s, with jitter so that clients do not reconnect together. */
export function retryDelay(retries: number, random: () => number = Math.random): number {
  return Math.min(MAX_RETRY_WAIT_MS, 1000 * 2 ** retries) + Math.floor(random() * 1000);
}

export function isOperationSubscription(operation: ApolloLink.Operation): boolean {
  const definition = getMainDefinition(operation.query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

function isUnauthorizedClose(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.message.includes(`Socket closed with event ${UNAUTHORIZED_CLOSE}`)
  );
}

export interface RealtimeTransport {
  /** The terminating link for subscriptions. */
  link: ApolloLink;
  /** Reconnects (e.g. after sign-in or sign-out) so that the socket carries the new session cookie. */
  restart: () => void;
}

/**
 * The graphql-ws client of the app. graphql-ws is fetched with it, on the first subscription: most
 * pages never subscribe, so it stays out of the initial JavaScript.
 */
async function createAppWsClient(): Promise<Client> {
  const { createClient } = await import('graphql-ws');
  return createClient({
    url: () => webSocketUrl('/graphql', window.location),
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries))),
  });
}

/**
 * Subscriptions over graphql-ws. The client (and the code behind it) is loaded on the first
 * subscription (nothing opens a WebSocket at import time or in jsdom tests), connects lazily while
 * a subscription is active, retries for ever with backoff, and sends the session cookies with the
 * upgrade (same origin). When the API refuses the access token (close 4401), the session is
 * refreshed once and the subscription opened again.
 */
export function createRealtimeTransport(
  refresh: SessionRefresher,
  createWsClient: () => Client | Promise<Client> = createAppWsClient,
): RealtimeTransport {
  let client: Client | null = null;
  let wsLink: Promise<GraphQLWsLink> | null = null;
  const terminating = (): Promise<GraphQLWsLink> => {
    if (!wsLink) {
      const loading = Promise.all([
        createWsClient(),
        import('@apollo/client/link/subscriptions'),
      ]).then(([created, { GraphQLWsLink }]) => {
        client = created;
        return new GraphQLWsLink(created);
      });
      // A failed load (offline) is tried again by the next subscription.
      loading.catch(() => {
        if (wsLink === loading) wsLink = null;
      });
      wsLink = loading;
    }
    return wsLink;
  };

  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((observer) => {
        let subscription: Subscription | undefined;
        let isClosed = false;
        const open = (canRefresh: boolean) => {
          terminating().then(
            (wsLink) => {
              if (isClosed) return;
              subscription = wsLink.request(operation).subscribe({
                next: (value) => observer.next(value),
                complete: () => observer.complete(),
                error: (error: unknown) => {
                  if (!canRefresh || !isUnauthorizedClose(error)) return observer.error(error);
                  // A failed refresh clears the cookies: the retry then runs as a visitor.
                  void refresh().then(() => {
                    if (!isClosed) open(false);
                  });
                },
              });
            },
            (error: unknown) => {
              if (!isClosed) observer.error(error);
            },
          );
        };
        open(true);
        return () => {
          isClosed = true;
          subscription?.unsubscribe();
        };
      }),
  );

  return { link, restart: () => client?.terminate() };
}
