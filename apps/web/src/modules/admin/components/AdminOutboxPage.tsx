import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { pagedConnection } from '../../../shared/graphql/pagedConnection';
import type { EmailMessage } from '../../../shared/graphql/schema-types';
import { formatDateTime } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { OUTBOX_QUERY } from '../../auth/graphql/account-emails.documents';

const PAGE_SIZE = 20;

/** The http(s) links of a plain-text body, once each, in order. */
export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
}

function MessageCard({ message }: { message: EmailMessage }) {
  const { t, i18n } = useTranslation();
  const headingId = `outbox-${message.id}`;
  const links = linksIn(message.text);
  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h5" id={headingId} style={{ minWidth: 0 }}>
            {message.subject}
          </Title>
          <Badge variant="light">{t(`accountEmails.outbox.category.${message.category}`)}</Badge>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('accountEmails.outbox.to', { address: message.toAddress })}
        </Text>
        <Text size="sm" c="gray.7">
          {t('accountEmails.outbox.createdAt', {
            date: formatDateTime(message.createdAt, i18n.language),
          })}
          {' · '}
          {message.sentAt
            ? t('accountEmails.outbox.sentAt', {
                date: formatDateTime(message.sentAt, i18n.language),
              })
            : t('accountEmails.outbox.unsent')}
        </Text>
        {message.error && (
          <Text size="sm" c="red.8">
            {t('accountEmails.outbox.failed', { error: message.error })}
          </Text>
        )}
        {links.length > 0 && (
          <nav aria-label={t('accountEmails.outbox.links')}>
            <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
              {links.map((link) => (
                <li key={link}>
                  <Anchor href={link} size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {link}
                  </Anchor>
                </li>
              ))}
            </Stack>
          </nav>
        )}
        <details>
          <summary>{t('accountEmails.outbox.body')}</summary>
          <Text size="sm" className="preserve-lines" mt="xs" style={{ overflowWrap: 'anywhere' }}>
            {message.text}
          </Text>
        </details>
      </Stack>
    </Card>
  );
}

/** Administrators read every e-mail the platform wrote: the outbox in demo mode (no SMTP). */
export function AdminOutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('accountEmails.outbox.pageTitle'));
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const result = useQuery(OUTBOX_QUERY, {
    variables: { first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const { error, refetch } = result;
  const { connection, ...page } = pagedConnection(result, 'outbox');

  const loadMore = async () => {
    setLoadMoreError(null);
    try {
      await page.loadMore();
    } catch (failure) {
      setLoadMoreError(errorMessage(failure, t));
    }
  };

  return (
    <Stack gap="lg">
      <PageTitle>{t('accountEmails.outbox.pageTitle')}</PageTitle>
      <Text>{t('accountEmails.outbox.intro')}</Text>
      {error && !connection ? (
        <Stack gap="sm" align="flex-start">
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
          <Button variant="light" onClick={() => void refetch()}>
            {t('errors.retry')}
          </Button>
        </Stack>
      ) : !connection ? (
        <LoadingState />
      ) : (
        <>
          <Text c="gray.7" aria-live="polite">
            {t('accountEmails.outbox.count', { count: connection.totalCount })}
          </Text>
          {connection.edges.length === 0 ? (
            <Text>{t('accountEmails.outbox.empty')}</Text>
          ) : (
            <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
              {connection.edges.map(({ node }) => (
                <MessageCard key={node.id} message={node} />
              ))}
            </Stack>
          )}
          {loadMoreError && (
            <Alert color="red" role="alert">
              {loadMoreError}
            </Alert>
          )}
          {connection.pageInfo.hasNextPage && (
            <Group>
              <Button variant="light" loading={page.isLoadingMore} onClick={() => void loadMore()}>
                {t('accountEmails.outbox.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
