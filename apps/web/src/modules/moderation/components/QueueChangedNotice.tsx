import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MODERATION_QUEUE_CHANGED_SUBSCRIPTION } from '../graphql/moderation-live.documents';

/**
 * "La file a changé — actualiser": the queue is not reloaded under a moderator who is reading or
 * deciding; they refresh when ready. The notice and its open-items count are announced politely.
 */
export function QueueChangedNotice({ onRefresh }: { onRefresh: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [openCount, setOpenCount] = useState<number | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  useSubscription(MODERATION_QUEUE_CHANGED_SUBSCRIPTION, {
    ignoreResults: true,
    onData: ({ data }) => {
      const event = data.data?.moderationQueueChanged;
      if (event) setOpenCount(event.openCount);
    },
  });
  const refresh = () => {
    setIsLoading(true);
    void onRefresh()
      .then(() => setOpenCount(null))
      .catch(() => undefined)
      .finally(() => setIsLoading(false));
  };
  return (
    <div aria-live="polite">
      {openCount !== null && (
        <Alert color="blue" variant="light">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm">{t('realtime.queueChanged', { count: openCount })}</Text>
            <Button size="xs" variant="outline" loading={isLoading} onClick={refresh}>
              {t('realtime.refreshQueue')}
            </Button>
          </Group>
        </Alert>
      )}
    </div>
  );
}
