import { useState, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths, withNext } from '../../../app/paths';
import { errorMessage } from '../../../shared/graphql/errors';
import { formatDateTime } from '../../../shared/ui/format';
import { LoadingState } from '../../../shared/ui/LoadingState';
import { PageTitle } from '../../../shared/ui/PageTitle';
import { usePageTitle } from '../../../shared/ui/usePageTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import {
  AUDIT_LOG_QUERY,
  DECISION_MUTATIONS,
  MODERATION_CONSULTATIONS_QUERY,
  MODERATION_QUEUE_QUERY,
  QUEUE_ORDERS,
  REPORT_REASONS,
  type DecisionKind,
  type ModerationItem,
  type ModerationQueueOrder,
  type ReportTargetType,
} from '../graphql/moderation.documents';
import { isModerator } from './ProposalModeration';

const TARGET_TYPES: ReportTargetType[] = ['PROPOSAL', 'COMMENT'];

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Filters and sort of the queue, kept in the URL (type, motif, consultation, tri). */
function useQueueParams() {
  const [params, setParams] = useSearchParams();
  const values = {
    targetType: pick(params.get('type'), TARGET_TYPES),
    reason: pick(params.get('motif'), REPORT_REASONS),
    consultationId: params.get('consultation'),
    orderBy: pick(params.get('tri'), QUEUE_ORDERS) ?? ('MOST_REPORTED' as ModerationQueueOrder),
    tab: params.get('vue') === 'journal' ? 'audit' : 'queue',
  };
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return { values, set };
}

function DecisionForm({
  item,
  kind,
  onDone,
}: {
  item: ModerationItem;
  kind: DecisionKind;
  onDone: (updated: ModerationItem, kind: DecisionKind) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [decide, { loading }] = useMutation(DECISION_MUTATIONS[kind], {
    refetchQueries: [AUDIT_LOG_QUERY],
  });
  const label = t(
    kind === 'hideContent'
      ? 'moderation.hide'
      : kind === 'restoreContent'
        ? 'moderation.restore'
        : 'moderation.dismiss',
  );
  const submit = async () => {
    setError(null);
    try {
      const result = await decide({
        variables: {
          input: { targetType: item.targetType, targetId: item.targetId, reason: reason.trim() },
        },
      });
      setOpen(false);
      setReason('');
      const updated = result.data?.[kind];
      if (updated) onDone(updated, kind);
    } catch (failure) {
      setError(errorMessage(failure, t));
    }
  };
  return (
    <Stack gap={4}>
      <Button
        variant={open ? 'light' : 'default'}
        size="compact-sm"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {label}
      </Button>
      {open && (
        <form
          noValidate
          aria-label={label}
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('moderation.decisionReason')}
              description={t('moderation.decisionHint')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group gap="xs">
              <Button type="submit" size="xs" loading={loading}>
                {t('moderation.confirm')} : {label}
              </Button>
              <Button variant="subtle" size="xs" onClick={() => setOpen(false)}>
                {t('moderation.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function QueueItem({ item: initial }: { item: ModerationItem }) {
  const { t, i18n } = useTranslation();
  // The decision's answer is the item's new state (the queue is not refetched: a restored item
  // would leave it before its moderator sees the result).
  const [item, setItem] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const onDone = (updated: ModerationItem, kind: DecisionKind) => {
    setItem(updated);
    setNotice(t(`moderation.done.${kind}`));
  };
  const headingId = `moderation-${item.targetType}-${item.targetId}`;
  const proposalId = item.proposal?.id ?? item.comment?.proposalId;
  const title =
    item.proposal?.title ??
    t('moderation.types.COMMENT') +
      (item.comment?.author ? ` · ${item.comment.author.displayName}` : '');
  return (
    <Card component="article" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" radius="sm" tt="none">
            {t(`moderation.types.${item.targetType}`)}
          </Badge>
          <Text size="sm" fw={700} c={item.isHidden ? 'red.9' : undefined}>
            {t(item.isHidden ? 'moderation.hidden' : 'moderation.visible')}
          </Text>
          <Text size="sm" c="gray.7">
            {t('moderation.openReports', { count: item.openReportsCount })}
          </Text>
        </Group>
        <Title order={3} fz="h4" id={headingId} className="break-words">
          {title}
        </Title>
        {item.proposal && (
          <>
            <Text size="sm" c="gray.7">
              {t('moderation.by', { name: item.proposal.author.displayName })}
            </Text>
            <Text className="preserve-lines break-words">{item.proposal.summary}</Text>
          </>
        )}
        {item.comment && (
          <Text className="preserve-lines break-words">{item.comment.body ?? ''}</Text>
        )}
        {proposalId && (
          <Anchor component={Link} to={paths.proposal(proposalId)} size="sm">
            {t('moderation.seeProposal')}
          </Anchor>
        )}
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('moderation.reports')}
          </Text>
          <Stack component="ul" gap={4} className="plain-list">
            {item.reports.map((report) => (
              <li key={report.id}>
                <Text size="sm">
                  {t('moderation.reportLine', {
                    reason: t(`moderation.reasons.${report.reason}`),
                    date: formatDateTime(report.createdAt, i18n.language),
                  })}
                </Text>
                {report.details && (
                  <Text size="sm" c="gray.7" className="preserve-lines break-words">
                    {report.details}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        </Stack>
        <div role="status">{notice && <Text size="sm">{notice}</Text>}</div>
        <Group gap="sm" align="flex-start" wrap="wrap">
          {item.isHidden ? (
            <DecisionForm key="restore" item={item} kind="restoreContent" onDone={onDone} />
          ) : (
            <DecisionForm key="hide" item={item} kind="hideContent" onDone={onDone} />
          )}
          {item.openReportsCount > 0 && (
            <DecisionForm key="dismiss" item={item} kind="dismissReports" onDone={onDone} />
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function Queue() {
  const { t } = useTranslation();
  const { values, set } = useQueueParams();
  const consultations = useQuery(MODERATION_CONSULTATIONS_QUERY);
  const { data, loading, error } = useQuery(MODERATION_QUEUE_QUERY, {
    variables: {
      first: 20,
      targetType: values.targetType,
      reason: values.reason,
      consultationId: values.consultationId,
      orderBy: values.orderBy,
    },
    fetchPolicy: 'network-only',
  });
  const items = data?.moderationQueue.edges.map((edge) => edge.node) ?? [];
  return (
    <Stack gap="md">
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
                ...TARGET_TYPES.map((value) => ({
                  value,
                  label: t(`moderation.types.${value}`),
                })),
              ]}
              value={values.targetType ?? ''}
              onChange={(event) => set('type', event.currentTarget.value)}
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
              value={values.reason ?? ''}
              onChange={(event) => set('motif', event.currentTarget.value)}
            />
            <NativeSelect
              label={t('moderation.consultation')}
              data={[
                { value: '', label: t('moderation.allConsultations') },
                ...(consultations.data?.consultations ?? []).map((c) => ({
                  value: c.id,
                  label: c.title,
                })),
              ]}
              value={values.consultationId ?? ''}
              onChange={(event) => set('consultation', event.currentTarget.value)}
            />
            <NativeSelect
              label={t('moderation.sort')}
              data={QUEUE_ORDERS.map((value) => ({
                value,
                label: t(`moderation.sorts.${value}`),
              }))}
              value={values.orderBy}
              onChange={(event) =>
                set(
                  'tri',
                  event.currentTarget.value === 'MOST_REPORTED' ? null : event.currentTarget.value,
                )
              }
            />
          </div>
        </Stack>
      </Card>
      <Stack component="section" gap="sm" aria-labelledby="mod-results">
        <Title order={2} fz="h4" id="mod-results" aria-live="polite">
          {data ? t('moderation.count', { count: data.moderationQueue.totalCount }) : ''}
        </Title>
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error, t)}
          </Alert>
        )}
        {loading && !data && <LoadingState />}
        {data && items.length === 0 && <Text>{t('moderation.empty')}</Text>}
        {items.map((item) => (
          <QueueItem key={`${item.targetType}:${item.targetId}`} item={item} />
        ))}
      </Stack>
    </Stack>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const { data, error, loading } = useQuery(AUDIT_LOG_QUERY, {
    variables: { first: 50 },
    fetchPolicy: 'network-only',
  });
  const entries = data?.auditLog.edges.map((edge) => edge.node) ?? [];
  if (error) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(error, t)}
      </Alert>
    );
  }
  if (loading && !data) return <LoadingState />;
  if (entries.length === 0) return <Text>{t('moderation.auditEmpty')}</Text>;
  return (
    <Stack component="ol" gap="sm" className="plain-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <Card withBorder radius="md" padding="sm">
            <dl className="meta-list">
              <div>
                <dt>{t('moderation.auditDate')}</dt>
                <dd>
                  <time dateTime={entry.createdAt}>
                    {formatDateTime(entry.createdAt, i18n.language)}
                  </time>
                </dd>
              </div>
              <div>
                <dt>{t('moderation.auditAction')}</dt>
                <dd>{entry.action}</dd>
              </div>
              <div>
                <dt>{t('moderation.auditActor')}</dt>
                <dd>{entry.actor?.displayName ?? t('moderation.platform')}</dd>
              </div>
              <div>
                <dt>{t('moderation.auditTarget')}</dt>
                <dd className="break-words">
                  {entry.targetType} {entry.targetId}
                </dd>
              </div>
              {entry.reason && (
                <div>
                  <dt>{t('moderation.auditReason')}</dt>
                  <dd className="break-words">{entry.reason}</dd>
                </div>
              )}
            </dl>
          </Card>
        </li>
      ))}
    </Stack>
  );
}

function Guard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, loading } = useCurrentUser();
  if (loading) return <LoadingState />;
  if (!user) {
    return (
      <Alert color="blue">
        <Anchor component={Link} to={withNext(paths.signIn, paths.moderation)}>
          {t('moderation.signInRequired')}
        </Anchor>
      </Alert>
    );
  }
  if (!isModerator(user.role)) {
    return (
      <Alert color="ochre" role="alert">
        {t('moderation.notAllowed')}
      </Alert>
    );
  }
  return <>{children}</>;
}

/** The moderation queue and the audit log, for moderators and admins. */
export function ModerationPage() {
  const { t } = useTranslation();
  usePageTitle(t('moderation.pageTitle'));
  const { values, set } = useQueueParams();
  return (
    <Stack gap="lg">
      <PageTitle>{t('moderation.pageTitle')}</PageTitle>
      <Guard>
        <Tabs
          value={values.tab}
          onChange={(value) => set('vue', value === 'audit' ? 'journal' : null)}
          keepMounted={false}
        >
          <Tabs.List>
            <Tabs.Tab value="queue">{t('moderation.queueTab')}</Tabs.Tab>
            <Tabs.Tab value="audit">{t('moderation.auditTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="queue" pt="md">
            <Queue />
          </Tabs.Panel>
          <Tabs.Panel value="audit" pt="md">
            <AuditLog />
          </Tabs.Panel>
        </Tabs>
      </Guard>
    </Stack>
  );
}
