import { useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { PROPOSALS_QUERY, type ProposalsVariables } from '../graphql/proposals.documents';

/** A page of proposals and "load more" following the keyset cursor. */
export function useProposals(variables: ProposalsVariables) {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(PROPOSALS_QUERY, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const connection = data?.proposals;

  /** Fetches the next page; resolves to false when it failed (the error is in loadMoreError). */
  const loadMore = async (): Promise<boolean> => {
    const after = connection?.pageInfo.endCursor;
    if (!after) return false;
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after } });
      return true;
    } catch (failure) {
      setLoadMoreError(failure);
      return false;
    }
  };

  return {
    connection,
    error,
    isLoadingMore: networkStatus === NetworkStatus.fetchMore,
    loadMore,
    loadMoreError,
    refetch: () => void refetch(),
  };
}
