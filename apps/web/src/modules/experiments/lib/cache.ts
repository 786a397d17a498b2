import type { ApolloCache } from '@apollo/client';

/**
 * After a change, the registry's cached pages and map counts are dropped: they are fetched again
 * when next shown (a new figure changes a card's key figure, a new indicator the kind filter).
 */
export function evictRegistry(cache: ApolloCache): void {
  cache.evict({ fieldName: 'experiments' });
  cache.evict({ fieldName: 'experimentsByDepartement' });
  cache.gc();
}
