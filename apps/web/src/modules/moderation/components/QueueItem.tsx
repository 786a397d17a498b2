import { useState } from 'react';
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../app/paths';
import { formatDateTime } from '../../../shared/ui/format';
import { AmendmentDiffView } from '../../amendments/components/AmendmentDiffView';
import type {
  DecisionKind,
  ModerationAmendment,
  ModerationItem,
} from '../graphql/moderation.documents';
import { AuthorPanel } from './AuthorPanel';
import { DecisionForm } from './DecisionForm';

/** The item's heading: the proposal's title, or what the amendment, comment or account is. */
function useItemTitle(item: ModerationItem): string {
  const { t } = useTranslation();
  if (item.amendment) {
    return t('moderation.amendmentTitle', { title: item.amendment.proposal.title });
  }
  if (item.proposal) return item.proposal.title;
  if (item.targetType === 'USER') {
    return t('moderation.accountTitle', { name: item.author?.displayName ?? '' });
  }
  // A comment, or an amendment the API could not give (its author's name is still known).
  const name = item.comment?.author?.displayName ?? item.author?.displayName;
  return t(`moderation.types.${item.targetType}`) + (name ? ` · ${name}` : '');
}

/** A reported amendment: the texts it proposes, its reason, then its word diff. */
function AmendmentContent({ amendment }: { amendment: ModerationAmendment }) {
  const { t } = useTranslation();
  const fields = [
    { key: 'title', term: t('moderation.amendmentProposedTitle'), text: amendment.title },
    { key: 'summary', term: t('moderation.amendmentProposedSummary'), text: amendment.summary },
    { key: 'reason', term: t('moderation.amendmentReason'), text: amendment.reason },
  ];
  return (
    <Stack gap="xs">
      <dl className="break-words" style={{ margin: 0 }}>
        {fields.map(({ key, term, text }) => (
          <div key={key} style={{ marginBottom: 'var(--mantine-spacing-xs)' }}>
            <Text component="dt" size="sm" fw={700}>
              {term}
            </Text>
            <Text component="dd" m={0} className="preserve-lines">
              {text}
            </Text>
          </div>
        ))}
      </dl>
      <AmendmentDiffView diff={amendment.diff} />
    </Stack>
  );
}

interface Decision {
  key: string;
  kind: DecisionKind;
  label: string;
  /** The notice once decided. */
  done: string;
}

/** The decisions open on an item: approve or reject held content, hide or restore, dismiss. */
function decisionsFor(item: ModerationItem, t: TFunction): Decision[] {
  const content: Decision[] =
    item.targetType === 'USER'
      ? []
      : item.awaitingReview
        ? [
            {
              key: 'approve',
              kind: 'restoreContent',
              label: t('moderation.approve'),
              done: t('moderation.doneApprove'),
            },
            {
              key: 'reject',
              kind: 'hideContent',
              label: t('moderation.reject'),
              done: t('moderation.doneReject'),
            },
          ]
        : item.isHidden
          ? [
              {
                key: 'restore',
                kind: 'restoreContent',
                label: t('moderation.restore'),
                done: t('moderation.done.restoreContent'),
              },
            ]
          : [
              {
                key: 'hide',
                kind: 'hideContent',
                label: t('moderation.hide'),
                done: t('moderation.done.hideContent'),
              },
            ];
  if (item.openReportsCount === 0) return content;
  return [
    ...content,
    {
      key: 'dismiss',
      kind: 'dismissReports',
      label: t('moderation.dismiss'),
      done: t('moderation.done.dismissReports'),
    },
  ];
}

/** One reported (or held) content: the content, its reports, its author and the decisions. */
export function QueueItem({ item: initial }: { item: ModerationItem }) {
  const { t, i18n } = useTranslation();
  // The decision's answer is the item's new state (the queue is not refetched: a restored item
  // would leave it before its moderator sees the result).
  const [item, setItem] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const isAwaiting = item.awaitingReview;
  const decided = (message: string) => (updated: ModerationItem) => {
    setItem(updated);
    setNotice(message);
  };
  const decisions = decisionsFor(item, t);
  const idPrefix = `moderation-${item.targetType}-${item.targetId}`;
  const headingId = `${idPrefix}-title`;
  const { amendment } = item;
  // An amendment's item may name its proposal too: the amendment's texts are shown, not its.
  const proposal = amendment ? null : item.proposal;
  const proposalId = amendment?.proposal.id ?? proposal?.id ?? item.comment?.proposalId;
  const title = useItemTitle(item);
  const authorName =
    amendment?.author.displayName ??
    proposal?.author.displayName ??
    item.comment?.author?.displayName;
  return (
    <Card component="article" withBorder radius="md" padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group gap="xs" wrap="wrap">
          <Badge variant="outline" radius="sm" tt="none">
            {t(`moderation.types.${item.targetType}`)}
          </Badge>
          {isAwaiting && (
            <Badge color="ochre" variant="light" radius="sm" tt="none" size="md">
              {t('moderation.awaitingReview')}
            </Badge>
          )}
          {!isAwaiting && (
            <Text size="sm" fw={700} c={item.isHidden ? 'red.9' : undefined}>
              {t(item.isHidden ? 'moderation.hidden' : 'moderation.visible')}
            </Text>
          )}
          <Text size="sm" c="gray.7">
            {t('moderation.openReports', { count: item.openReportsCount })}
          </Text>
        </Group>
        <Title order={3} fz="h4" id={headingId} className="break-words">
          {title}
        </Title>
        {authorName && (
          <Text size="sm" c="gray.7">
            {t('moderation.by', { name: authorName })}
          </Text>
        )}
        {proposal && <Text className="preserve-lines break-words">{proposal.summary}</Text>}
        {amendment && <AmendmentContent amendment={amendment} />}
        {item.comment && (
          <Text className="preserve-lines break-words">{item.comment.body ?? ''}</Text>
        )}
        {proposalId && (
          <Anchor component={Link} to={paths.proposal(proposalId)} size="sm">
            {t('moderation.seeProposal')}
          </Anchor>
        )}
        {item.reports.length > 0 && (
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
        )}
        {item.author && (
          <AuthorPanel
            author={item.author}
            idPrefix={idPrefix}
            heading={
              item.targetType === 'USER'
                ? t('moderation.accountHistory')
                : t('moderation.authorTitle', { name: item.author.displayName })
            }
          />
        )}
        <div role="status">{notice && <Text size="sm">{notice}</Text>}</div>
        {decisions.length > 0 && (
          <Group gap="sm" align="flex-start" wrap="wrap">
            {decisions.map((decision) => (
              <DecisionForm
                key={decision.key}
                item={item}
                kind={decision.kind}
                label={decision.label}
                onDone={decided(decision.done)}
              />
            ))}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
