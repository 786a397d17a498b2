import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { LoadingState } from '../../../shared/ui/LoadingState';

interface ConnectionResultsProps {
  /** The id of the section's heading (its accessible name). */
  headingId: string;
  /** The heading once the first page is in, e.g. "3 items to review". */
  countLabel: (totalCount: number) => string;
  emptyLabel: string;
  error: unknown;
  /** From pagedConnection(). */
  page: {
    connection: { totalCount: number; pageInfo: { hasNextPage: boolean } } | undefined;
    nodes: readonly unknown[];
    loadMore: () => Promise<void>;
    isLoadingMore: boolean;
  };
  /** The nodes, rendered only when there are some. */
  children: ReactNode;
}

/** A moderation list: live count heading, error, loading, empty state, "shown" and "load more". */
export function ConnectionResults({
  headingId,
  countLabel,
  emptyLabel,
  error,
  page,
  children,
}: ConnectionResultsProps) {
  const { t } = useTranslation();
  const { connection, nodes } = page;
  return (
    <Stack component="section" gap="sm" aria-labelledby={headingId}>
      <Title order={2} fz="h4" id={headingId} aria-live="polite">
        {connection ? countLabel(connection.totalCount) : ''}
      </Title>
      {Boolean(error) && (
        <Alert color="red" role="alert">
          {errorMessage(error, t)}
        </Alert>
      )}
      {!connection && !error && <LoadingState />}
      {connection && nodes.length === 0 && <Text>{emptyLabel}</Text>}
      {nodes.length > 0 && children}
      {connection && nodes.length > 0 && connection.totalCount > nodes.length && (
        <Text size="sm" c="gray.7">
          {t('moderation.shown', { shown: nodes.length, total: connection.totalCount })}
        </Text>
      )}
      {connection?.pageInfo.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void page.loadMore()}
          loading={page.isLoadingMore}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('moderation.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
