import { Anchor, Card, NativeSelect, Stack, Title } from '@mantine/core';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { pagedConnection } from '../../../shared/graphql/pagedConnection';
import { formatDateTime } from '../../../shared/ui/format';
import {
  AUDIT_LOG_QUERY,
  AUDIT_TARGET_TYPES,
  type AuditActionName,
  type AuditEntry,
  type AuditTargetType,
} from '../graphql/moderation.documents';
import { P, toAuditVariables, useModerationSearchParams } from '../hooks/useModerationSearchParams';
import { ConnectionResults } from './ConnectionResults';
import { AUDIT_ACTIONS } from '../audit-actions';

const isKnownAction = (action: string): action is AuditActionName =>
  (AUDIT_ACTIONS as readonly string[]).includes(action);
const isKnownTarget = (targetType: string): targetType is AuditTargetType =>
  (AUDIT_TARGET_TYPES as readonly string[]).includes(targetType);

/** An action's label in the UI language; an action this version does not know shows as is. */
function useActionLabel() {
  const { t } = useTranslation();
  return (action: string) => (isKnownAction(action) ? t(`moderation.actions.${action}`) : action);
}

function AuditFilters() {
  const { t } = useTranslation();
  const { audit, set } = useModerationSearchParams();
  const actionLabel = useActionLabel();
  return (
    <Card component="section" withBorder radius="md" padding="md" aria-labelledby="audit-filters">
      <Stack gap="sm">
        <Title order={2} fz="h5" id="audit-filters">
          {t('moderation.auditFilters')}
        </Title>
        <div className="filters-grid">
          <NativeSelect
            label={t('moderation.auditAction')}
            data={[
              { value: '', label: t('moderation.allActions') },
              ...AUDIT_ACTIONS.map((value) => ({ value, label: actionLabel(value) })),
            ]}
            value={audit.action ?? ''}
            onChange={(event) => set(P.action, event.currentTarget.value)}
          />
          <NativeSelect
            label={t('moderation.auditTargetType')}
            data={[
              { value: '', label: t('moderation.allTargets') },
              ...AUDIT_TARGET_TYPES.map((value) => ({
                value,
                label: t(`moderation.targets.${value}`),
              })),
            ]}
            value={audit.targetType ?? ''}
            onChange={(event) => set(P.auditTargetType, event.currentTarget.value)}
          />
        </div>
      </Stack>
    </Card>
  );
}

function AuditTarget({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const type = isKnownTarget(entry.targetType)
    ? t(`moderation.targets.${entry.targetType}`)
    : entry.targetType;
  if (entry.targetType === 'PROPOSAL') {
    return (
      <Anchor component={Link} to={paths.proposal(entry.targetId)}>
        {type} {entry.targetId}
      </Anchor>
    );
  }
  return (
    <>
      {type} {entry.targetId}
    </>
  );
}

/** The append-only audit log, newest first, filtered by action and target type. */
export function AuditLog() {
  const { t, i18n } = useTranslation();
  const { audit } = useModerationSearchParams();
  const actionLabel = useActionLabel();
  const result = useQuery(AUDIT_LOG_QUERY, {
    variables: toAuditVariables(audit),
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const page = pagedConnection(result, 'auditLog');
  return (
    <Stack gap="md">
      <AuditFilters />
      <ConnectionResults
        headingId="audit-results"
        countLabel={(count) => t('moderation.auditCount', { count })}
        emptyLabel={t('moderation.auditEmpty')}
        error={result.error}
        page={page}
      >
        <Stack component="ol" gap="sm" className="plain-list">
          {page.nodes.map((entry) => (
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
                    <dd>{actionLabel(entry.action)}</dd>
                  </div>
                  <div>
                    <dt>{t('moderation.auditActor')}</dt>
                    <dd>{entry.actor?.displayName ?? t('moderation.platform')}</dd>
                  </div>
                  <div>
                    <dt>{t('moderation.auditTarget')}</dt>
                    <dd className="break-words">
                      <AuditTarget entry={entry} />
                    </dd>
                  </div>
                  {entry.reason && (
                    <div>
                      <dt>{t('moderation.auditReason')}</dt>
                      <dd className="break-words preserve-lines">{entry.reason}</dd>
                    </div>
                  )}
                </dl>
              </Card>
            </li>
          ))}
        </Stack>
      </ConnectionResults>
    </Stack>
  );
}
