import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../shared/graphql/errors';
import type {
  EmailFrequency,
  NotificationKind,
  NotificationPreference,
} from '../../../shared/graphql/schema-types';
import { LoadingState } from '../../../shared/ui/LoadingState';
import {
  MY_NOTIFICATION_PREFERENCES_QUERY,
  UPDATE_NOTIFICATION_PREFERENCES_MUTATION,
} from '../graphql/notifications.documents';

export const EMAIL_FREQUENCIES: readonly EmailFrequency[] = ['IMMEDIATE', 'DAILY_DIGEST', 'NONE'];

/** The order of the rows: what participants hear of most often first. */
export const PREFERENCE_KINDS: readonly NotificationKind[] = [
  'COMMENT_REPLY',
  'PROPOSAL_COMMENTED',
  'PROPOSAL_STATUS_CHANGED',
  'AMENDMENT_PROPOSED',
  'AMENDMENT_VOTED',
  'AMENDMENT_DECIDED',
  'COAUTHOR_INVITED',
  'COAUTHOR_ANSWERED',
  'PROPOSAL_ANSWERED',
  'PROPOSAL_CITED',
  'PROPOSAL_MERGED',
  'PROPOSAL_UNMERGED',
  'CONTENT_HIDDEN',
  'CONTENT_RESTORED',
  'CONTENT_APPROVED',
  'CONTENT_REJECTED',
  'ACCOUNT_SUSPENDED',
  'ACCOUNT_REINSTATED',
];

type Choices = Partial<Record<NotificationKind, EmailFrequency>>;

const toChoices = (preferences: readonly NotificationPreference[]): Choices =>
  Object.fromEntries(preferences.map((p) => [p.kind, p.frequency])) as Choices;

/**
 * « Notifications par e-mail »: one radio group (fieldset and legend) per kind of notification,
 * Immédiat / Résumé quotidien / Jamais, saved together with a status message.
 */
export function NotificationEmailPreferences() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(MY_NOTIFICATION_PREFERENCES_QUERY);
  const [save, { loading: saving }] = useMutation(UPDATE_NOTIFICATION_PREFERENCES_MUTATION);
  const stored = useMemo(() => toChoices(data?.myNotificationPreferences ?? []), [data]);
  const [choices, setChoices] = useState<Choices>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => setChoices(stored), [stored]);

  const kinds = PREFERENCE_KINDS.filter((kind) => stored[kind] !== undefined);
  const changed = kinds.filter((kind) => choices[kind] !== stored[kind]);

  const submit = async () => {
    setStatus(null);
    setFailure(null);
    if (changed.length === 0) {
      setStatus(t('notificationEmails.unchanged'));
      return;
    }
    try {
      const result = await save({
        variables: {
          preferences: changed.map((kind) => ({
            kind,
            frequency: choices[kind] as EmailFrequency,
          })),
        },
        refetchQueries: [MY_NOTIFICATION_PREFERENCES_QUERY],
        awaitRefetchQueries: true,
      });
      if (result.data) setChoices(toChoices(result.data.updateNotificationPreferences));
      setStatus(t('notificationEmails.saved'));
    } catch (caught) {
      setFailure(errorMessage(caught, t));
    }
  };

  return (
    <Card
      component="section"
      withBorder
      radius="md"
      padding="lg"
      aria-labelledby="notification-emails-title"
      id="notifications-email"
    >
      <Stack gap="sm">
        <Title order={2} fz="h4" id="notification-emails-title">
          {t('notificationEmails.title')}
        </Title>
        <Text size="sm">{t('notificationEmails.intro')}</Text>
        <Text size="sm" c="gray.7">
          {t('notificationEmails.unverified')}
        </Text>
        {loading && !data ? (
          <LoadingState />
        ) : error && !data ? (
          <Alert color="red" role="alert">
            {t('notificationEmails.loadError')}
          </Alert>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Stack gap="xs">
              {kinds.map((kind) => (
                <fieldset key={kind} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
                  <legend style={{ padding: 0 }}>
                    <Text span size="sm" fw={600}>
                      {t(`notificationEmails.kind.${kind}`)}
                    </Text>
                  </legend>
                  <Group gap="md" mt={4}>
                    {EMAIL_FREQUENCIES.map((frequency) => (
                      <Radio
                        key={frequency}
                        name={`email-frequency-${kind}`}
                        value={frequency}
                        label={t(`notificationEmails.frequency.${frequency}`)}
                        checked={choices[kind] === frequency}
                        onChange={() => {
                          setStatus(null);
                          setChoices((current) => ({ ...current, [kind]: frequency }));
                        }}
                      />
                    ))}
                  </Group>
                </fieldset>
              ))}
              <div>
                <Button type="submit" loading={saving}>
                  {t('notificationEmails.save')}
                </Button>
              </div>
              <Text size="sm" role="status" aria-live="polite">
                {status ?? ''}
              </Text>
              {failure && (
                <Alert color="red" role="alert">
                  {failure}
                </Alert>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
