import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import { pagedConnection } from '../../../shared/graphql/pagedConnection';
import type { AuthEvent, AuthEventKind } from '../../../shared/graphql/schema-types';
import { formatDateTime } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { AUTH_EVENTS_QUERY } from '../graphql/auth-events.documents';

const PAGE_SIZE = 50;

export const AUTH_EVENT_KINDS: AuthEventKind[] = [
  'SIGN_UP',
  'SIGN_IN_SUCCEEDED',
  'SIGN_IN_FAILED',
  'SIGN_IN_THROTTLED',
  'SIGNED_OUT',
  'REFRESH_TOKEN_REUSED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET',
  'EMAIL_VERIFIED',
  'ROLE_CHANGED',
  'OIDC_SIGN_IN_SUCCEEDED',
  'OIDC_SIGN_IN_FAILED',
  'OIDC_ACCOUNT_LINKED',
  'DATA_EXPORTED',
  'ACCOUNT_DELETED',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A readable line for an event's JSON detail: known facts translated (the reason of a failed
 * sign-in, the roles of a role change, the limits that refused), anything else as key: value.
 */
export function describeDetail(detail: string, t: TFunction): string {
  let facts: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(detail);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return '';
    facts = parsed as Record<string, unknown>;
  } catch {
    return '';
  }
  const parts: string[] = [];
  const { reason, from, to, scopes, ...rest } = facts;
  if (typeof reason === 'string') {
    parts.push(t(`admin.security.reason.${reason}`, { defaultValue: reason }));
  }
  if (typeof from === 'string' && typeof to === 'string') {
    parts.push(
      `${t(`admin.role.${from}`, { defaultValue: from })} → ${t(`admin.role.${to}`, { defaultValue: to })}`,
    );
  }
  if (Array.isArray(scopes) && scopes.length > 0) {
    parts.push(
      t('admin.security.scopes', {
        scopes: scopes
          .map((scope) =>
            t(`admin.security.scope.${String(scope)}`, { defaultValue: String(scope) }),
          )
          .join(', '),
      }),
    );
  }
  for (const [key, value] of Object.entries(rest)) {
    parts.push(`${key} : ${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.join(' · ');
}

function EventRow({ event }: { event: AuthEvent }) {
  const { t, i18n } = useTranslation();
  const account = event.user?.displayName ?? event.userId ?? t('admin.security.unknownAccount');
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(event.createdAt, i18n.language)}
      </Table.Td>
      <Table.Td>{t(`admin.security.kind.${event.kind}`)}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{account}</Table.Td>
      <Table.Td>{event.actor?.displayName ?? ''}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{event.ip ?? ''}</Table.Td>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>
        {describeDetail(event.detail, t)}
        {event.userAgent && (
          <Text size="xs" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
            {event.userAgent}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

interface Filters {
  kind: AuthEventKind | '';
  userId: string;
}

/** Administrators read the authentication events: sign-ins and failures, role changes… */
export function AdminSecurityPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.security.pageTitle'));
  const [draft, setDraft] = useState<Filters>({ kind: '', userId: '' });
  const [filters, setFilters] = useState<Filters>({ kind: '', userId: '' });
  const [userIdError, setUserIdError] = useState<string | null>(null);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const result = useQuery(AUTH_EVENTS_QUERY, {
    variables: {
      first: PAGE_SIZE,
      kinds: filters.kind ? [filters.kind] : null,
      userId: filters.userId || null,
    },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const { error, refetch } = result;
  const { connection, ...page } = pagedConnection(result, 'authEvents');

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const userId = draft.userId.trim();
    if (userId && !UUID.test(userId)) {
      setUserIdError(t('admin.security.userIdInvalid'));
      return;
    }
    setUserIdError(null);
    setFilters({ kind: draft.kind, userId });
  };

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
      <PageTitle>{t('admin.security.pageTitle')}</PageTitle>
      <Text>{t('admin.security.intro')}</Text>
      <form onSubmit={apply} aria-label={t('admin.security.filters')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('admin.security.kindFilter')}
            value={draft.kind}
            onChange={(event) =>
              setDraft({ ...draft, kind: event.currentTarget.value as AuthEventKind | '' })
            }
            data={[
              { value: '', label: t('admin.security.allKinds') },
              ...AUTH_EVENT_KINDS.map((kind) => ({
                value: kind,
                label: t(`admin.security.kind.${kind}`),
              })),
            ]}
          />
          <TextInput
            label={t('admin.security.userIdFilter')}
            description={t('admin.security.userIdHint')}
            value={draft.userId}
            error={userIdError}
            onChange={(event) => setDraft({ ...draft, userId: event.currentTarget.value })}
            style={{ minWidth: 320 }}
          />
          <Button type="submit">{t('admin.security.apply')}</Button>
        </Group>
      </form>
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
            {t('admin.security.count', { count: connection.totalCount })}
          </Text>
          {connection.edges.length === 0 ? (
            <Text>{t('admin.security.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table fz="sm" withTableBorder striped verticalSpacing={6}>
                <Table.Caption>{t('admin.security.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.security.column.date')}</Table.Th>
                    <Table.Th scope="col">{t('admin.security.column.kind')}</Table.Th>
                    <Table.Th scope="col">{t('admin.security.column.account')}</Table.Th>
                    <Table.Th scope="col">{t('admin.security.column.actor')}</Table.Th>
                    <Table.Th scope="col">{t('admin.security.column.ip')}</Table.Th>
                    <Table.Th scope="col">{t('admin.security.column.detail')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {connection.edges.map(({ node }) => (
                    <EventRow key={node.id} event={node} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {loadMoreError && (
            <Alert color="red" role="alert">
              {loadMoreError}
            </Alert>
          )}
          {connection.pageInfo.hasNextPage && (
            <Group>
              <Button variant="light" loading={page.isLoadingMore} onClick={() => void loadMore()}>
                {t('admin.security.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
