import { useDeferredValue, useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PROPOSALS_PAGE_SIZE, type ProposalsVariables } from '../graphql/proposals.documents';
import { useProposals } from '../hooks/useProposals';
import { ProposalCard } from './ProposalCard';

interface ProposalListProps {
  /** The section's heading (h2) and accessible name. */
  title: string;
  headingId: string;
  /** Filters, order and search; the page size is added here. */
  variables?: Omit<ProposalsVariables, 'first' | 'after'>;
  /** Text shown when nothing matches. */
  emptyText?: string;
}

/** A list of proposal cards with "load more" following the keyset cursor. */
export function ProposalList({ title, headingId, variables = {}, emptyText }: ProposalListProps) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLDivElement>(null);
  const proposals = useProposals({ ...variables, first: PROPOSALS_PAGE_SIZE });
  const { error, isLoadingMore, loadMore, loadMoreError, refetch } = proposals;
  // A page of cards is a large render: deferred, React builds it in slices that let the browser
  // respond in between, instead of one long task when the answer arrives.
  const connection = useDeferredValue(proposals.connection);

  // Keyboard and screen-reader users continue from the first newly loaded proposal, once shown.
  const focusIndex = useRef<number | null>(null);
  const shown = connection?.edges.length ?? 0;
  useEffect(() => {
    const index = focusIndex.current;
    if (index === null || shown <= index) return;
    focusIndex.current = null;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('li > article h3 a')[index]?.focus();
  }, [shown]);

  const handleLoadMore = async () => {
    focusIndex.current = shown;
    if (!(await loadMore())) focusIndex.current = null;
  };

  return (
    <Stack component="section" gap="md" aria-labelledby={headingId}>
      <Group justify="space-between" align="baseline" wrap="wrap">
        <Title order={2} id={headingId}>
          {title}
        </Title>
        {connection && (
          <Text c="gray.7" size="sm" role="status">
            {connection.totalCountCapped
              ? t('home.proposalCountCapped', { cap: connection.totalCount })
              : t('home.proposalCount', { count: connection.totalCount })}
          </Text>
        )}
      </Group>
      {error && !connection && (
        <Alert color="red" title={errorMessage(error, t)}>
          <Button variant="outline" color="red" size="xs" onClick={refetch}>
            {t('errors.retry')}
          </Button>
        </Alert>
      )}
      {!connection && !error && <LoadingState />}
      {connection && connection.edges.length === 0 && (
        <Text>{emptyText ?? t('home.noProposals')}</Text>
      )}
      {connection && connection.edges.length > 0 && (
        <div ref={listRef}>
          <Stack component="ul" gap="md" className="plain-list">
            {connection.edges.map(({ node, highlight }) => (
              <li key={node.id}>
                <ProposalCard proposal={node} highlight={highlight} />
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
          <Button variant="outline" loading={isLoadingMore} onClick={() => void handleLoadMore()}>
            {t('home.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
