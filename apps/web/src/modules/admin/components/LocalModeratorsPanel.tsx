import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import type { LocalModerator } from '../../consultations/graphql/local-spaces.types';
import { ADMIN_USERS_QUERY } from '../graphql/admin.documents';
import {
  ADD_CONSULTATION_MODERATOR_MUTATION,
  REMOVE_CONSULTATION_MODERATOR_MUTATION,
} from '../graphql/local-moderators.documents';

const SEARCH_SIZE = 8;

/**
 * «Modérateurs locaux» of a consultation: administrators add accounts found through the users
 * search and remove them; each change applies at once (the API writes it to the audit log).
 */
export function LocalModeratorsPanel({
  consultationId,
  moderators,
}: {
  consultationId: string;
  moderators: LocalModerator[];
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const results = useQuery(ADMIN_USERS_QUERY, {
    variables: { search, first: SEARCH_SIZE },
    skip: !search,
  });
  const [add, adding] = useMutation(ADD_CONSULTATION_MODERATOR_MUTATION);
  const [remove, removing] = useMutation(REMOVE_CONSULTATION_MODERATOR_MUTATION);
  const isBusy = adding.loading || removing.loading;
  const moderatorIds = new Set(moderators.map((moderator) => moderator.id));

  const change = async (user: { id: string; displayName: string }, isAdding: boolean) => {
    setError(null);
    setNotice(null);
    try {
      const variables = { input: { consultationId, userId: user.id } };
      if (isAdding) await add({ variables });
      else await remove({ variables });
      setNotice(
        t(isAdding ? 'localModerators.added' : 'localModerators.removed', {
          name: user.displayName,
        }),
      );
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    setSearch(typed.trim() || null);
  };

  const found = results.data?.users.edges.map((edge) => edge.node) ?? [];

  return (
    <Card
      component="section"
      withBorder
      radius="md"
      padding="lg"
      aria-labelledby="local-moderators"
    >
      <Stack gap="md">
        <Title order={2} fz="h4" id="local-moderators">
          {t('localModerators.title')}
        </Title>
        <Text size="sm">{t('localModerators.intro')}</Text>
        {moderators.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t('localModerators.none')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" className="plain-list" aria-labelledby="local-moderators">
            {moderators.map((moderator) => (
              <Group component="li" key={moderator.id} justify="space-between" wrap="wrap">
                <Text style={{ overflowWrap: 'anywhere' }}>{moderator.displayName}</Text>
                <Button
                  size="xs"
                  variant="outline"
                  color="red"
                  disabled={isBusy}
                  aria-label={t('localModerators.removeLabel', { name: moderator.displayName })}
                  onClick={() => void change(moderator, false)}
                >
                  {t('localModerators.remove')}
                </Button>
              </Group>
            ))}
          </Stack>
        )}
        <form onSubmit={submitSearch} role="search" aria-label={t('localModerators.search')}>
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('localModerators.search')}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              style={{ flex: 1, minWidth: 220 }}
            />
            <Button type="submit" variant="light">
              {t('admin.users.searchButton')}
            </Button>
          </Group>
        </form>
        {search && results.data && found.length === 0 && (
          <Text size="sm">{t('localModerators.noResult')}</Text>
        )}
        {found.length > 0 && (
          <Stack component="ul" gap="xs" className="plain-list">
            {found.map((user) => (
              <Group component="li" key={user.id} justify="space-between" wrap="wrap">
                <Text style={{ overflowWrap: 'anywhere' }}>
                  {user.displayName}{' '}
                  <Text span size="sm" c="gray.7">
                    {user.email}
                  </Text>
                </Text>
                {moderatorIds.has(user.id) ? (
                  <Text size="sm" c="gray.7">
                    {t('localModerators.already')}
                  </Text>
                ) : (
                  <Button
                    size="xs"
                    disabled={isBusy}
                    aria-label={t('localModerators.addLabel', { name: user.displayName })}
                    onClick={() => void change(user, true)}
                  >
                    {t('localModerators.add')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
        <div role="status">{notice && <Text size="sm">{notice}</Text>}</div>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
