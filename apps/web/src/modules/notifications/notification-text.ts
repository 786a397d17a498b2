import type { TFunction } from 'i18next';
import { paths } from '../../app/paths';
import type { NotificationNode } from '../../shared/graphql/schema-types';
import { formatDate } from '../../shared/ui/format';

/** What a notification says: one sentence, the moderator's words, and where to look. */
export interface NotificationText {
  sentence: string;
  /** The moderator's reason (or the official answer's excerpt), quoted. */
  detail: string | null;
  link: { to: string; label: string } | null;
}

type SentenceKey =
  | 'CONTENT_HIDDEN_PROPOSAL'
  | 'CONTENT_HIDDEN_COMMENT'
  | 'CONTENT_RESTORED_PROPOSAL'
  | 'CONTENT_RESTORED_COMMENT'
  | 'CONTENT_APPROVED_PROPOSAL'
  | 'CONTENT_APPROVED_COMMENT'
  | 'CONTENT_REJECTED_PROPOSAL'
  | 'CONTENT_REJECTED_COMMENT'
  | 'ACCOUNT_SUSPENDED_UNTIL'
  | 'ACCOUNT_SUSPENDED'
  | 'ACCOUNT_REINSTATED'
  | 'PROPOSAL_ANSWERED'
  | 'PROPOSAL_MERGED'
  | 'PROPOSAL_UNMERGED'
  | 'PROPOSAL_CITED'
  | 'COMMENT_REPLY'
  | 'PROPOSAL_COMMENTED'
  | 'PROPOSAL_STATUS_CHANGED';

/** Kinds added with notification e-mails: their sentences live in the notificationEmails block. */
type EmailEraKey = 'COMMENT_REPLY' | 'PROPOSAL_COMMENTED' | 'PROPOSAL_STATUS_CHANGED';
const EMAIL_ERA_KINDS: ReadonlySet<string> = new Set<EmailEraKey>([
  'COMMENT_REPLY',
  'PROPOSAL_COMMENTED',
  'PROPOSAL_STATUS_CHANGED',
]);
const isEmailEra = (key: SentenceKey): key is EmailEraKey => EMAIL_ERA_KINDS.has(key);

function sentenceKey(notification: NotificationNode): SentenceKey {
  switch (notification.kind) {
    case 'CONTENT_HIDDEN':
    case 'CONTENT_RESTORED':
    case 'CONTENT_APPROVED':
    case 'CONTENT_REJECTED':
      return `${notification.kind}_${notification.commentId ? 'COMMENT' : 'PROPOSAL'}`;
    case 'ACCOUNT_SUSPENDED':
      return notification.suspendedUntil ? 'ACCOUNT_SUSPENDED_UNTIL' : 'ACCOUNT_SUSPENDED';
    default:
      return notification.kind;
  }
}

/**
 * The translated sentence of a notification, the reason quoted as the moderator wrote it, and a
 * link to the cluster (merges) or to the proposal when the reader may still see it.
 */
export function describeNotification(
  notification: NotificationNode,
  t: TFunction,
  language: string,
): NotificationText {
  const title = notification.title ?? notification.proposal?.title ?? t('notifications.untitled');
  const date = notification.suspendedUntil ? formatDate(notification.suspendedUntil, language) : '';
  const key = sentenceKey(notification);
  const options = {
    title,
    date,
    brief: notification.briefTitle ?? '',
    section: notification.sectionTitle ?? '',
    author: notification.authorName ?? t('notificationEmails.someone'),
    status: notification.status
      ? t(`status.${notification.status}`)
      : t('notificationEmails.unknownStatus'),
  };
  const sentence = isEmailEra(key)
    ? t(`notificationEmails.sentence.${key}`, options)
    : t(`notifications.sentence.${key}`, options);
  const detail = notification.excerpt
    ? t('notificationEmails.excerpt', { excerpt: notification.excerpt })
    : notification.reason && notification.kind === 'PROPOSAL_STATUS_CHANGED'
      ? t('notificationEmails.statusReason', { reason: notification.reason })
      : notification.reason
        ? t(
            notification.kind === 'PROPOSAL_ANSWERED'
              ? 'notifications.answer'
              : 'notifications.reason',
            {
              reason: notification.reason,
            },
          )
        : null;
  let link: NotificationText['link'] = null;
  if (notification.kind === 'PROPOSAL_MERGED' && notification.clusterId) {
    link = { to: paths.cluster(notification.clusterId), label: t('notifications.seeCluster') };
  } else if (notification.proposal && notification.commentId && isEmailEra(key)) {
    link = {
      to: `${paths.proposal(notification.proposal.id)}#commentaire-${encodeURIComponent(notification.commentId)}`,
      label: t('notificationEmails.seeComment'),
    };
  } else if (notification.proposal) {
    link = { to: paths.proposal(notification.proposal.id), label: t('notifications.seeProposal') };
  }
  return { sentence, detail, link };
}
