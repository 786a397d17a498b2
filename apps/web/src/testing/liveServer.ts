import { act } from '@testing-library/react';
import { ApolloLink } from '@apollo/client';
import { Observable, type Subscriber } from 'rxjs';

/**
 * A fake subscription server for unit tests: keeps the open subscriptions by operation name and
 * pushes events to them on demand (`renderWithApp(ui, { live })`).
 */
export function createLiveServer() {
  const open = new Map<string, Set<Subscriber<ApolloLink.Result>>>();
  const opened: { operationName: string; variables: Record<string, unknown> }[] = [];
  const link = new ApolloLink(
    (operation) =>
      new Observable<ApolloLink.Result>((subscriber) => {
        const name = operation.operationName ?? '';
        opened.push({ operationName: name, variables: operation.variables });
        const subscribers = open.get(name) ?? new Set();
        subscribers.add(subscriber);
        open.set(name, subscribers);
        return () => subscribers.delete(subscriber);
      }),
  );
  return {
    link,
    /** Every subscription opened so far, in order. */
    opened,
    /** How many subscriptions to `operationName` are open now. */
    openCount: (operationName: string) => open.get(operationName)?.size ?? 0,
    /** Sends `data` to every open subscription to `operationName`. */
    push: async (operationName: string, data: Record<string, unknown>) => {
      await act(async () => {
        for (const subscriber of open.get(operationName) ?? []) subscriber.next({ data });
        await Promise.resolve();
      });
    },
  };
}

export type LiveServer = ReturnType<typeof createLiveServer>;
