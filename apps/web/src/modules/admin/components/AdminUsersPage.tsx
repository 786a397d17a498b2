import { useState, type FormEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Role } from '@passerelle/domain';
import { errorMessage } from '../../../shared/graphql/errors';
import { pagedConnection } from '../../../shared/graphql/pagedConnection';
import type { AdminUser } from '../../../shared/graphql/schema-types';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { ADMIN_USERS_QUERY, CHANGE_USER_ROLE_MUTATION } from '../graphql/admin.documents';

const ROLES = Object.values(Role);
const PAGE_SIZE = 20;

function UserRow({
  user,
  isMe,
  onChanged,
}: {
  user: AdminUser;
  isMe: boolean;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [role, setRole] = useState<Role>(user.role);
  const [isConfirming, setIsConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [changeUserRole, { loading }] = useMutation(CHANGE_USER_ROLE_MUTATION);
  const headingId = `admin-user-${user.id}`;
  const roleName = (value: Role) => t(`admin.role.${value}`);

  const confirm = async () => {
    setError(null);
    try {
      const { data } = await changeUserRole({ variables: { input: { userId: user.id, role } } });
      setIsConfirming(false);
      const updated = data?.changeUserRole;
      onChanged(
        t('admin.users.changed', {
          name: updated?.displayName ?? user.displayName,
          role: roleName(updated?.role ?? role),
        }),
      );
    } catch (failure) {
      setIsConfirming(false);
      setError(errorMessage(failure, t));
    }
  };

  return (
    <Card component="li" withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={2} size="h5" id={headingId}>
              {user.displayName}
              {isMe && (
                <Text span fw={400} c="gray.7">
                  {' '}
                  ({t('admin.users.you')})
                </Text>
              )}
            </Title>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {user.email}
            </Text>
            <Text size="sm" c="gray.7">
              {t(`actorType.${user.actorType}`)}
            </Text>
          </Stack>
          <Badge variant="light">
            {t('admin.users.currentRole', { role: roleName(user.role) })}
          </Badge>
        </Group>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <NativeSelect
            label={t('admin.users.newRole')}
            description={isMe ? t('admin.users.ownAccount') : undefined}
            disabled={isMe}
            value={role}
            data={ROLES.map((value) => ({ value, label: roleName(value) }))}
            onChange={(event) => {
              setRole(event.currentTarget.value as Role);
              setError(null);
            }}
            style={{ flex: '1 1 14rem', maxWidth: '24rem' }}
          />
          <Button
            variant="light"
            disabled={isMe || role === user.role}
            onClick={() => setIsConfirming(true)}
            aria-label={t('admin.users.changeLabel', { name: user.displayName })}
          >
            {t('admin.users.change')}
          </Button>
        </Group>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
      <Modal
        opened={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={t('admin.users.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('admin.users.cancel') }}
        centered
      >
        <Stack gap="md">
          <Text>
            {t('admin.users.confirmText', {
              name: user.displayName,
              from: roleName(user.role),
              to: roleName(role),
            })}
          </Text>
          <Group justify="flex-end" wrap="wrap">
            <Button variant="default" onClick={() => setIsConfirming(false)}>
              {t('admin.users.cancel')}
            </Button>
            <Button loading={loading} onClick={() => void confirm()}>
              {t('admin.users.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** Administrators look accounts up by name or e-mail, by role, and change their role. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.pageTitle'));
  const { user: me } = useCurrentUser();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [notice, setNotice] = useState<string | null>(null);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const result = useQuery(ADMIN_USERS_QUERY, {
    variables: { search: search || null, role: role || null, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: 'cache-and-network',
  });
  const { error, refetch } = result;
  const { connection, ...page } = pagedConnection(result, 'users');

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    setSearch(typed.trim());
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
      <PageTitle>{t('admin.users.pageTitle')}</PageTitle>
      <form role="search" onSubmit={submitSearch} aria-label={t('admin.users.pageTitle')}>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <TextInput
            type="search"
            label={t('admin.users.search')}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            style={{ flex: '2 1 16rem' }}
          />
          <NativeSelect
            label={t('admin.users.roleFilter')}
            value={role}
            data={[
              { value: '', label: t('admin.users.allRoles') },
              ...ROLES.map((value) => ({ value, label: t(`admin.role.${value}`) })),
            ]}
            onChange={(event) => {
              setNotice(null);
              setRole(event.currentTarget.value as Role | '');
            }}
            style={{ flex: '1 1 12rem' }}
          />
          <Button type="submit">{t('admin.users.searchButton')}</Button>
        </Group>
      </form>

      <div role="status">
        {notice && (
          <Alert color="teal" variant="light">
            {notice}
          </Alert>
        )}
      </div>

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
            {t('admin.users.count', { count: connection.totalCount })}
          </Text>
          {connection.edges.length === 0 ? (
            <Text>{t('admin.users.empty')}</Text>
          ) : (
            <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
              {connection.edges.map(({ node }) => (
                <UserRow
                  key={node.id}
                  user={node}
                  isMe={node.id === me?.id}
                  onChanged={setNotice}
                />
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
                {t('admin.users.loadMore')}
              </Button>
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
