import { Card, Checkbox, NativeSelect, Stack, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { pagedConnection } from '../../../shared/graphql/pagedConnection';
import {
  MODERATION_CONSULTATIONS_QUERY,
  MODERATION_QUEUE_QUERY,
  QUEUE_ORDERS,
  QUEUE_TARGET_TYPES,
  REPORT_REASONS,
} from '../graphql/moderation.documents';
import {
  DEFAULT_QUEUE_ORDER,
  P,
  toQueueVariables,
  useModerationSearchParams,
} from '../hooks/useModerationSearchParams';
import { ConnectionResults } from './ConnectionResults';
import { QueueChangedNotice } from './QueueChangedNotice';
import { QueueItem } from './QueueItem';

/** The consultations a queue may be filtered by: given (a local moderator's), else every one. */
type ConsultationChoice = { id: string; title: string };

function QueueFilters({ choices }: { choices?: ConsultationChoice[] }) {
  const { t } = useTranslation();
  const { queue, set } = useModerationSearchParams();
  const consultations = useQuery(MODERATION_CONSULTATIONS_QUERY, { skip: Boolean(choices) });
  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby="mod-filters">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="mod-filters">
          {t('moderation.filters')}
        </Title>
        <div className="filters-grid">
          <NativeSelect
            label={t('moderation.type')}
            data={[
              { value: '', label: t('moderation.allTypes') },
              ...QUEUE_TARGET_TYPES.map((value) => ({
                value,
                label: t(`moderation.types.${value}`),
              })),
            ]}
            value={queue.targetType ?? ''}
            onChange={(event) => set(P.targetType, event.currentTarget.value)}
          />
          <NativeSelect
            label={t('moderation.reason')}
            data={[
              { value: '', label: t('moderation.allReasons') },
              ...REPORT_REASONS.map((value) => ({
                value,
                label: t(`moderation.reasons.${value}`),
              })),
            ]}
            value={queue.reason ?? ''}
            onChange={(event) => set(P.reason, event.currentTarget.value)}
          />
          <NativeSelect
            label={t('moderation.consultation')}
            data={[
              { value: '', label: t('moderation.allConsultations') },
              ...(choices ?? consultations.data?.consultations ?? []).map((c) => ({
                value: c.id,
                label: c.title,
              })),
            ]}
            value={queue.consultationId ?? ''}
            onChange={(event) => set(P.consultationId, event.currentTarget.value)}
          />
          <NativeSelect
            label={t('moderation.sort')}
            data={QUEUE_ORDERS.map((value) => ({
              value,
              label: t(`moderation.sorts.${value}`),
            }))}
            value={queue.orderBy}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set(P.orderBy, value === DEFAULT_QUEUE_ORDER ? null : value);
            }}
          />
        </div>
        <Checkbox
          label={t('moderation.awaitingOnly')}
          checked={queue.awaitingReview}
          onChange={(event) => set(P.awaitingReview, event.currentTarget.checked ? '1' : null)}
        />
      </Stack>
    </Card>
  );
}

/**
 * The moderation queue: filters and sort kept in the URL, items, "show more". `consultations`:
 * a local moderator's, offered as the only consultation filters (the API scopes the queue).
 */
export function ModerationQueue({ consultations }: { consultations?: ConsultationChoice[] }) {
  const { t } = useTranslation();
  const { queue } = useModerationSearchParams();
  const result = useQuery(MODERATION_QUEUE_QUERY, {
    variables: toQueueVariables(queue),
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const page = pagedConnection(result, 'moderationQueue');
  return (
    <Stack gap="md">
      <QueueFilters choices={consultations} />
      <QueueChangedNotice onRefresh={() => result.refetch()} />
      <ConnectionResults
        headingId="mod-results"
        countLabel={(count) => t('moderation.count', { count })}
        emptyLabel={t('moderation.empty')}
        error={result.error}
        page={page}
      >
        {page.nodes.map((item) => (
          <QueueItem key={`${item.targetType}:${item.targetId}`} item={item} />
        ))}
      </ConnectionResults>
    </Stack>
  );
}
