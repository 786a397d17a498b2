import { ApolloClient, ApolloLink, InMemoryCache, gql } from '@apollo/client';
import type { Client, Sink } from 'graphql-ws';
import { firstValueFrom, toArray } from 'rxjs';
import {
  createRealtimeTransport,
  isOperationSubscription,
  retryDelay,
  webSocketUrl,
} from '../realtime';
import { createApolloClient } from '../apollo';

const SUBSCRIPTION = gql`
  subscription Ticks {
    ticks
  }
`;
const QUERY = gql`
  query Me {
    me {
      id
    }
  }
`;

/** A graphql-ws client stand-in: each subscribe() plays the next script. */
function fakeWsClient(scripts: ((sink: Sink) => void)[]) {
  let calls = 0;
  const client = {
    subscribe: jest.fn((_payload: unknown, sink: Sink) => {
      scripts[Math.min(calls++, scripts.length - 1)]?.(sink);
      return () => undefined;
    }),
    terminate: jest.fn(),
  };
  return client as typeof client & Client;
}

const apollo = new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() });
const results = (link: ApolloLink) =>
  firstValueFrom(
    ApolloLink.execute(link, { query: SUBSCRIPTION }, { client: apollo }).pipe(toArray()),
  );

describe('webSocketUrl', () => {
  it('uses ws on http and wss on https, on the same host', () => {
    expect(webSocketUrl('/graphql', { protocol: 'http:', host: 'localhost:3000' })).toBe(
      'ws://localhost:3000/graphql',
    );
    expect(webSocketUrl('/graphql', { protocol: 'https:', host: 'passerelle.fr' })).toBe(
      'wss://passerelle.fr/graphql',
    );
  });
});

describe('retryDelay', () => {
  it('doubles from one second, is capped at 30 s and adds up to one second of jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => retryDelay(n, () => 0))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect(retryDelay(0, () => 0.5)).toBe(1500);
  });
});

describe('isOperationSubscription', () => {
  it('tells subscriptions from queries', () => {
    const operation = (query: typeof QUERY) =>
      ({ query }) as unknown as Parameters<typeof isOperationSubscription>[0];
    expect(isOperationSubscription(operation(SUBSCRIPTION))).toBe(true);
    expect(isOperationSubscription(operation(QUERY))).toBe(false);
  });
});

describe('createRealtimeTransport', () => {
  it('creates no WebSocket client before the first subscription', () => {
    const create = jest.fn();
    const transport = createRealtimeTransport(jest.fn(), create);
    transport.restart();
    expect(create).not.toHaveBeenCalled();
  });

  it('forwards the events of a subscription and reuses one client', async () => {
    const ws = fakeWsClient([
      (sink) => {
        sink.next({ data: { ticks: 1 } });
        sink.next({ data: { ticks: 2 } });
        sink.complete();
      },
    ]);
    const create = jest.fn(() => ws);
    const transport = createRealtimeTransport(jest.fn(), create);
    expect(await results(transport.link)).toEqual([{ data: { ticks: 1 } }, { data: { ticks: 2 } }]);
    await results(transport.link);
    expect(create).toHaveBeenCalledTimes(1);
    expect(ws.subscribe).toHaveBeenCalledTimes(2);
  });

  it('refreshes the session once when the API refuses the token (4401), then subscribes again', async () => {
    const refused = (sink: Sink) => sink.error({ code: 4401, reason: 'Unauthorized' });
    const ws = fakeWsClient([
      refused,
      (sink) => {
        sink.next({ data: { ticks: 1 } });
        sink.complete();
      },
    ]);
    const refresh = jest.fn().mockResolvedValue(true);
    const transport = createRealtimeTransport(refresh, () => ws);
    expect(await results(transport.link)).toEqual([{ data: { ticks: 1 } }]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(ws.subscribe).toHaveBeenCalledTimes(2);
  });

  it('does not loop when the token is still refused after the refresh', async () => {
    const ws = fakeWsClient([(sink) => sink.error({ code: 4401, reason: 'Unauthorized' })]);
    const refresh = jest.fn().mockResolvedValue(false);
    const transport = createRealtimeTransport(refresh, () => ws);
    await expect(results(transport.link)).rejects.toThrow('Socket closed with event 4401');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(ws.subscribe).toHaveBeenCalledTimes(2);
  });

  it('passes other errors on without refreshing', async () => {
    const ws = fakeWsClient([
      (sink) => sink.error([{ message: 'Non', extensions: { code: 'FORBIDDEN' } }]),
    ]);
    const refresh = jest.fn();
    const transport = createRealtimeTransport(refresh, () => ws);
    await expect(results(transport.link)).rejects.toThrow('Non');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('reconnects the WebSocket on restart (new session cookie)', async () => {
    const ws = fakeWsClient([(sink) => sink.complete()]);
    const transport = createRealtimeTransport(jest.fn(), () => ws);
    await results(transport.link);
    transport.restart();
    expect(ws.terminate).toHaveBeenCalledTimes(1);
  });
});

describe('createApolloClient', () => {
  it('opens no WebSocket until a subscription starts, even when the store is reset', async () => {
    const WebSocketSpy = jest.spyOn(window, 'WebSocket');
    const client = createApolloClient(() => 'fr', jest.fn());
    await client.resetStore();
    await client.clearStore();
    expect(WebSocketSpy).not.toHaveBeenCalled();
    WebSocketSpy.mockRestore();
  });
});
