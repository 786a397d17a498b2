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
  | 'CONTENT_HIDDEN_AMENDMENT'
  | 'CONTENT_RESTORED_AMENDMENT'
  | 'CONTENT_APPROVED_AMENDMENT'
  | 'CONTENT_REJECTED_AMENDMENT'
  | 'ACCOUNT_SUSPENDED_UNTIL'
  | 'ACCOUNT_SUSPENDED'
  | 'ACCOUNT_REINSTATED'
  | 'PROPOSAL_ANSWERED'
  | 'PROPOSAL_MERGED'
  | 'PROPOSAL_UNMERGED'
  | 'PROPOSAL_CITED'
  | 'COMMENT_REPLY'
  | 'PROPOSAL_COMMENTED'
  | 'PROPOSAL_STATUS_CHANGED'
  | 'AMENDMENT_PROPOSED'
  | 'AMENDMENT_VOTED'
  | 'AMENDMENT_VOTED_COUNTS'
  | 'AMENDMENT_DECIDED'
  | 'AMENDMENT_DECIDED_ACCEPTED'
  | 'AMENDMENT_DECIDED_REJECTED'
  | 'COAUTHOR_INVITED'
  | 'COAUTHOR_ANSWERED'
  | 'COAUTHOR_ANSWERED_ACCEPTED'
  | 'COAUTHOR_ANSWERED_DECLINED';

/**
 * Accepted or not, for an amendment's decision or a co-author's answer (`decision`, `accepted`);
 * undefined when the notice does not say (an older API: a general sentence is used).
 */
function isAccepted(notification: NotificationNode): boolean | undefined {
  if (typeof notification.accepted === 'boolean') return notification.accepted;
  if (notification.decision === 'ACCEPTED') return true;
  if (notification.decision === 'REJECTED') return false;
  return undefined;
}

/** Kinds added with notification e-mails: their sentences live in the notificationEmails block. */
type EmailEraKey = 'COMMENT_REPLY' | 'PROPOSAL_COMMENTED' | 'PROPOSAL_STATUS_CHANGED';
const EMAIL_ERA_KINDS: ReadonlySet<string> = new Set<EmailEraKey>([
  'COMMENT_REPLY',
  'PROPOSAL_COMMENTED',
  'PROPOSAL_STATUS_CHANGED',
]);
const isEmailEra = (key: SentenceKey): key is EmailEraKey => EMAIL_ERA_KINDS.has(key);

/** What a moderation notice is about: the comment or the amendment it names, else the proposal. */
function moderatedContent(notification: NotificationNode): 'COMMENT' | 'AMENDMENT' | 'PROPOSAL' {
  if (notification.commentId) return 'COMMENT';
  if (notification.amendmentId) return 'AMENDMENT';
  return 'PROPOSAL';
}

function sentenceKey(notification: NotificationNode): SentenceKey {
  switch (notification.kind) {
    case 'CONTENT_HIDDEN':
    case 'CONTENT_RESTORED':
    case 'CONTENT_APPROVED':
    case 'CONTENT_REJECTED':
      return `${notification.kind}_${moderatedContent(notification)}`;
    case 'ACCOUNT_SUSPENDED':
      return notification.suspendedUntil ? 'ACCOUNT_SUSPENDED_UNTIL' : 'ACCOUNT_SUSPENDED';
    case 'AMENDMENT_VOTED':
      return typeof notification.votesFor === 'number' &&
        typeof notification.votesAgainst === 'number'
        ? 'AMENDMENT_VOTED_COUNTS'
        : 'AMENDMENT_VOTED';
    case 'AMENDMENT_DECIDED':
    case 'COAUTHOR_ANSWERED': {
      const accepted = isAccepted(notification);
      if (accepted === undefined) return notification.kind;
      if (notification.kind === 'AMENDMENT_DECIDED') {
        return accepted ? 'AMENDMENT_DECIDED_ACCEPTED' : 'AMENDMENT_DECIDED_REJECTED';
      }
      return accepted ? 'COAUTHOR_ANSWERED_ACCEPTED' : 'COAUTHOR_ANSWERED_DECLINED';
    }
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
    for: notification.votesFor ?? 0,
    against: notification.votesAgainst ?? 0,
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
              : notification.kind === 'AMENDMENT_DECIDED'
                ? 'notifications.decisionReason'
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
  } else if (notification.proposal && notification.amendmentId) {
    link = {
      to: `${paths.proposal(notification.proposal.id)}#amendement-${encodeURIComponent(notification.amendmentId)}`,
      label: t('notifications.seeAmendment'),
    };
  } else if (notification.proposal) {
    link = { to: paths.proposal(notification.proposal.id), label: t('notifications.seeProposal') };
  }
  return { sentence, detail, link };
}
