import { NetworkStatus } from '@apollo/client';

/** The Relay-style connection shape the API returns for paged lists. */
export interface Connection<TNode> {
  edges: readonly { node: TNode }[];
  pageInfo: { endCursor?: string | null; hasNextPage: boolean };
}

type Pageable<K extends string> = { [P in K]: Connection<unknown> };

type FetchMore<TData> = (options: {
  variables: { after: string };
  updateQuery: (previous: TData, options: { fetchMoreResult: TData }) => TData;
}) => Promise<unknown>;

/** An updateQuery for fetchMore: the next page's edges are appended to the connection at `field`. */
export function appendEdges<K extends string, TData extends Pageable<K>>(field: K) {
  return (previous: TData, { fetchMoreResult }: { fetchMoreResult: TData }): TData => ({
    ...fetchMoreResult,
    [field]: {
      ...fetchMoreResult[field],
      edges: [
        ...((previous as Partial<TData> | undefined)?.[field]?.edges ?? []),
        ...fetchMoreResult[field].edges,
      ],
    },
  });
}

/**
 * The connection at `field` of a useQuery result, its nodes, and "load more": the next page is
 * fetched after the last cursor and appended (the connections have no cache policy of their own).
 */
export function pagedConnection<K extends string, TData extends Pageable<K>>(
  result: { data: TData | undefined; fetchMore: FetchMore<TData>; networkStatus: NetworkStatus },
  field: K,
) {
  const connection = result.data?.[field];
  const nodes = (connection?.edges.map((edge) => edge.node) ??
    []) as TData[K]['edges'][number]['node'][];
  const loadMore = async (): Promise<void> => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    await result.fetchMore({ variables: { after }, updateQuery: appendEdges<K, TData>(field) });
  };
  return {
    connection: connection as TData[K] | undefined,
    nodes,
    loadMore,
    isLoadingMore: result.networkStatus === NetworkStatus.fetchMore,
  };
}
