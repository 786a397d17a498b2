import { useRef, useState } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PROPOSALS_PAGE_SIZE, PROPOSALS_QUERY } from '../graphql/proposals.documents';
import { ProposalCard } from './ProposalCard';

/** The newest proposals, with "load more" following the keyset cursor. */
export function ProposalList() {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(PROPOSALS_QUERY, {
    variables: { first: PROPOSALS_PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const connection = data?.proposals;
  const isLoadingMore = networkStatus === NetworkStatus.fetchMore;

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    const shownBefore = connection.edges.length;
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } catch (fetchError) {
      setLoadMoreError(fetchError);
      return;
    }
    // Keyboard and screen-reader users continue from the first newly loaded proposal.
    listRef.current?.querySelectorAll<HTMLAnchorElement>('li > article h3 a')[shownBefore]?.focus();
  };

  return (
    <Stack component="section" gap="md" aria-labelledby="latest-proposals">
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={2} id="latest-proposals">
          {t('home.latestProposals')}
        </Title>
        {connection && (
          <Text c="gray.7" size="sm">
            {t('home.proposalCount', { count: connection.totalCount })}
          </Text>
        )}
      </Group>
      {error && !connection && (
        <Alert color="red" title={errorMessage(error, t)}>
          <Button variant="outline" color="red" size="xs" onClick={() => void refetch()}>
            {t('errors.retry')}
          </Button>
        </Alert>
      )}
      {!connection && !error && <LoadingState />}
      {connection && connection.edges.length === 0 && <Text>{t('home.noProposals')}</Text>}
      {connection && connection.edges.length > 0 && (
        <div ref={listRef}>
          <Stack component="ul" gap="md" className="plain-list">
            {connection.edges.map(({ node }) => (
              <li key={node.id}>
                <ProposalCard proposal={node} />
              </li>
            ))}
          </Stack>
        </div>
      )}
      {loadMoreError !== null && (
        <Alert color="red" role="alert">
          {errorMessage(loadMoreError, t)}
        </Alert>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Group justify="center">
          <Button variant="outline" loading={isLoadingMore} onClick={() => void loadMore()}>
            {t('home.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
