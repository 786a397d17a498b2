import { z } from 'zod';
import { membersOf, type ProposalStatus } from '../shared/enums';
import { type Language } from '../shared/language';
import { NotificationKind } from './notifications';

/** How often a participant hears of one kind of notification by e-mail. */
export const EmailFrequency = Object.freeze({
  IMMEDIATE: 'IMMEDIATE',
  DAILY_DIGEST: 'DAILY_DIGEST',
  NONE: 'NONE',
} as const);
export type EmailFrequency = keyof typeof EmailFrequency;

/** Without a stored choice, notifications wait for the daily digest. */
export const DEFAULT_EMAIL_FREQUENCY: EmailFrequency = 'DAILY_DIGEST';

/** Every kind, in the order the preferences page and the digest show them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.freeze(
  membersOf(NotificationKind),
);

export interface NotificationPreference {
  kind: NotificationKind;
  frequency: EmailFrequency;
}

/**
 * Every kind with its frequency: the stored choice, or the default. Unknown stored kinds are
 * ignored.
 */
export function resolveNotificationPreferences(
  stored: readonly NotificationPreference[],
): NotificationPreference[] {
  const chosen = new Map(stored.map((row) => [row.kind, row.frequency]));
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    frequency: chosen.get(kind) ?? DEFAULT_EMAIL_FREQUENCY,
  }));
}

/** `updateNotificationPreferences`: known kinds and frequencies, each kind at most once. */
export const notificationPreferencesInputSchema = z.strictObject({
  preferences: z
    .array(
      z.strictObject({
        kind: z.enum(membersOf(NotificationKind)),
        frequency: z.enum(membersOf(EmailFrequency)),
      }),
    )
    .max(NOTIFICATION_KINDS.length)
    .superRefine((preferences, ctx) => {
      const seen = new Set<string>();
      preferences.forEach((preference, index) => {
        if (seen.has(preference.kind)) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'kind'],
            message: `Each kind at most once (${preference.kind} is repeated)`,
          });
        }
        seen.add(preference.kind);
      });
    }),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInputSchema>;

export interface CommentEvent {
  commenterId: string;
  proposalAuthorId: string;
  /** Accounts following the proposal (the commenter may be one of them). */
  followerIds: readonly string[];
  /** The author of the comment replied to; null for a top-level comment. */
  parentAuthorId: string | null;
}

export interface CommentRecipient {
  userId: string;
  kind: Extract<NotificationKind, 'COMMENT_REPLY' | 'PROPOSAL_COMMENTED'>;
}

/**
 * Who hears of a new visible comment: the parent comment's author (COMMENT_REPLY), then the
 * proposal's author and its followers (PROPOSAL_COMMENTED), each once, never the commenter. The
 * parent's author is told of the reply only, even when they also wrote or follow the proposal.
 */
export function commentRecipients(event: CommentEvent): CommentRecipient[] {
  const told = new Set<string>([event.commenterId]);
  const recipients: CommentRecipient[] = [];
  const add = (userId: string, kind: CommentRecipient['kind']) => {
    if (told.has(userId)) return;
    told.add(userId);
    recipients.push({ userId, kind });
  };
  if (event.parentAuthorId) add(event.parentAuthorId, 'COMMENT_REPLY');
  add(event.proposalAuthorId, 'PROPOSAL_COMMENTED');
  event.followerIds.forEach((id) => add(id, 'PROPOSAL_COMMENTED'));
  return recipients;
}

/** What an e-mail says about one notification (its payload as written when it was created). */
export interface EmailNotification {
  kind: NotificationKind;
  createdAt: Date;
  payload: {
    title?: string | null;
    proposalId?: string | null;
    commentId?: string | null;
    clusterId?: string | null;
    reason?: string | null;
    status?: string | null;
    authorName?: string | null;
    excerpt?: string | null;
    briefTitle?: string | null;
    briefSlug?: string | null;
    suspendedUntil?: string | null;
    targetType?: string | null;
    /** Amendments (issue 11): the amendment, its counters, and the decision taken on it. */
    amendmentId?: string | null;
    votesFor?: number | null;
    votesAgainst?: number | null;
    decision?: 'ACCEPTED' | 'REJECTED' | string | null;
    /** COAUTHOR_ANSWERED: whether the invitee accepted. */
    accepted?: boolean | null;
    /** Other names of `title` and `authorName` some notices (issue 11) write. */
    proposalTitle?: string | null;
    actorName?: string | null;
  };
}

export interface EmailLinks {
  /** The public site, without a trailing slash. */
  baseUrl: string;
  /** Stops e-mails of this notification's kind (immediate e-mails) or of every kind (digest). */
  unsubscribeUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STATUS_LABELS: Record<Language, Record<ProposalStatus, string>> = {
  fr: {
    DRAFT: 'brouillon',
    PUBLISHED: 'publiée',
    UNDER_REVIEW: 'à l’étude',
    SELECTED: 'sélectionnée',
    NOT_RETAINED: 'non retenue',
    WITHDRAWN: 'retirée',
    MERGED: 'regroupée',
    RETAINED: 'reprise dans une contribution',
  },
  en: {
    DRAFT: 'draft',
    PUBLISHED: 'published',
    UNDER_REVIEW: 'under review',
    SELECTED: 'selected',
    NOT_RETAINED: 'not retained',
    WITHDRAWN: 'withdrawn',
    MERGED: 'merged',
    RETAINED: 'used in a contribution',
  },
};

type Sentence = (p: EmailNotification['payload'], title: string, status: string) => string;

const SENTENCES: Record<Language, Record<NotificationKind, Sentence>> = {
  fr: {
    CONTENT_HIDDEN: (p, t) =>
      p.commentId
        ? `Votre commentaire sur « ${t} » a été masqué.`
        : p.amendmentId
          ? `Votre amendement à « ${t} » a été masqué.`
          : `« ${t} » a été masquée.`,
    CONTENT_RESTORED: (p, t) =>
      p.commentId
        ? `Votre commentaire sur « ${t} » est rétabli.`
        : p.amendmentId
          ? `Votre amendement à « ${t} » est rétabli.`
          : `« ${t} » est rétablie.`,
    CONTENT_APPROVED: (p, t) =>
      p.commentId ? `Votre commentaire sur « ${t} » est publié.` : `« ${t} » est publiée.`,
    CONTENT_REJECTED: (p, t) =>
      p.commentId ? `Votre commentaire sur « ${t} » est refusé.` : `« ${t} » est refusée.`,
    ACCOUNT_SUSPENDED: () => 'Votre compte est suspendu.',
    ACCOUNT_REINSTATED: () => 'Votre compte est rétabli.',
    PROPOSAL_ANSWERED: (_p, t) => `Votre proposition « ${t} » a reçu une réponse officielle.`,
    PROPOSAL_MERGED: (_p, t) => `Votre proposition « ${t} » a été regroupée avec d’autres.`,
    PROPOSAL_UNMERGED: (_p, t) => `Votre proposition « ${t} » n’est plus regroupée.`,
    PROPOSAL_CITED: (p, t) =>
      `La proposition « ${t} » est citée dans la contribution « ${p.briefTitle ?? ''} ».`,
    COMMENT_REPLY: (p, t) =>
      `${p.authorName ?? 'Quelqu’un'} a répondu à votre commentaire sur « ${t} ».`,
    PROPOSAL_COMMENTED: (p, t) => `${p.authorName ?? 'Quelqu’un'} a commenté « ${t} ».`,
    PROPOSAL_STATUS_CHANGED: (_p, t, s) => `Votre proposition « ${t} » est désormais ${s}.`,
    AMENDMENT_PROPOSED: (p, t) =>
      `${p.authorName ?? 'Quelqu’un'} propose un amendement à la proposition « ${t} ».`,
    AMENDMENT_VOTED: (p, t) =>
      `Un amendement à « ${t} » compte désormais ${p.votesFor ?? 0} pour et ${p.votesAgainst ?? 0} contre.`,
    AMENDMENT_DECIDED: (p, t) =>
      p.decision === 'ACCEPTED'
        ? `Votre amendement à « ${t} » a été accepté.`
        : `Votre amendement à « ${t} » a été rejeté.`,
    COAUTHOR_INVITED: (p, t) =>
      `${p.authorName ?? 'L’auteur ou l’autrice'} vous invite à co-écrire la proposition « ${t} ».`,
    COAUTHOR_ANSWERED: (p, t) => {
      const who = p.authorName ?? 'La personne invitée';
      return p.accepted
        ? `${who} a accepté de co-écrire « ${t} ».`
        : `${who} a décliné votre invitation à co-écrire « ${t} ».`;
    },
  },
  en: {
    CONTENT_HIDDEN: (p, t) =>
      p.commentId
        ? `Your comment on “${t}” was hidden.`
        : p.amendmentId
          ? `Your amendment to “${t}” was hidden.`
          : `“${t}” was hidden.`,
    CONTENT_RESTORED: (p, t) =>
      p.commentId
        ? `Your comment on “${t}” was restored.`
        : p.amendmentId
          ? `Your amendment to “${t}” was restored.`
          : `“${t}” was restored.`,
    CONTENT_APPROVED: (p, t) =>
      p.commentId ? `Your comment on “${t}” was approved.` : `“${t}” was approved.`,
    CONTENT_REJECTED: (p, t) =>
      p.commentId ? `Your comment on “${t}” was rejected.` : `“${t}” was rejected.`,
    ACCOUNT_SUSPENDED: () => 'Your account is suspended.',
    ACCOUNT_REINSTATED: () => 'Your account is reinstated.',
    PROPOSAL_ANSWERED: (_p, t) => `Your proposal “${t}” received an official answer.`,
    PROPOSAL_MERGED: (_p, t) => `Your proposal “${t}” was merged with others.`,
    PROPOSAL_UNMERGED: (_p, t) => `Your proposal “${t}” is no longer merged.`,
    PROPOSAL_CITED: (p, t) => `The proposal “${t}” is cited in the brief “${p.briefTitle ?? ''}”.`,
    COMMENT_REPLY: (p, t) => `${p.authorName ?? 'Someone'} replied to your comment on “${t}”.`,
    PROPOSAL_COMMENTED: (p, t) => `${p.authorName ?? 'Someone'} commented on “${t}”.`,
    PROPOSAL_STATUS_CHANGED: (_p, t, s) => `Your proposal “${t}” is now ${s}.`,
    AMENDMENT_PROPOSED: (p, t) =>
      `${p.authorName ?? 'Someone'} proposes an amendment to the proposal “${t}”.`,
    AMENDMENT_VOTED: (p, t) =>
      `An amendment to “${t}” now has ${p.votesFor ?? 0} for and ${p.votesAgainst ?? 0} against.`,
    AMENDMENT_DECIDED: (p, t) =>
      p.decision === 'ACCEPTED'
        ? `Your amendment to “${t}” was accepted.`
        : `Your amendment to “${t}” was rejected.`,
    COAUTHOR_INVITED: (p, t) =>
      `${p.authorName ?? 'The author'} invites you to co-author the proposal “${t}”.`,
    COAUTHOR_ANSWERED: (p, t) => {
      const who = p.authorName ?? 'The invitee';
      return p.accepted
        ? `${who} agreed to co-author “${t}”.`
        : `${who} declined your invitation to co-author “${t}”.`;
    },
  },
};

/** Headings of the digest's groups. */
const KIND_HEADINGS: Record<Language, Record<NotificationKind, string>> = {
  fr: {
    CONTENT_HIDDEN: 'Contenus masqués',
    CONTENT_RESTORED: 'Contenus rétablis',
    CONTENT_APPROVED: 'Contenus publiés après vérification',
    CONTENT_REJECTED: 'Contenus refusés',
    ACCOUNT_SUSPENDED: 'Suspension du compte',
    ACCOUNT_REINSTATED: 'Compte rétabli',
    PROPOSAL_ANSWERED: 'Réponses officielles',
    PROPOSAL_MERGED: 'Regroupements',
    PROPOSAL_UNMERGED: 'Regroupements annulés',
    PROPOSAL_CITED: 'Citations dans une contribution',
    COMMENT_REPLY: 'Réponses à vos commentaires',
    PROPOSAL_COMMENTED: 'Nouveaux commentaires',
    PROPOSAL_STATUS_CHANGED: 'Changements de statut',
    AMENDMENT_PROPOSED: 'Amendements proposés',
    AMENDMENT_VOTED: 'Votes sur les amendements',
    AMENDMENT_DECIDED: 'Décisions sur vos amendements',
    COAUTHOR_INVITED: 'Invitations à co-écrire',
    COAUTHOR_ANSWERED: 'Réponses à vos invitations à co-écrire',
  },
  en: {
    CONTENT_HIDDEN: 'Hidden content',
    CONTENT_RESTORED: 'Restored content',
    CONTENT_APPROVED: 'Content approved after review',
    CONTENT_REJECTED: 'Rejected content',
    ACCOUNT_SUSPENDED: 'Account suspension',
    ACCOUNT_REINSTATED: 'Account reinstated',
    PROPOSAL_ANSWERED: 'Official answers',
    PROPOSAL_MERGED: 'Merges',
    PROPOSAL_UNMERGED: 'Merges undone',
    PROPOSAL_CITED: 'Cited in a brief',
    COMMENT_REPLY: 'Replies to your comments',
    PROPOSAL_COMMENTED: 'New comments',
    PROPOSAL_STATUS_CHANGED: 'Status changes',
    AMENDMENT_PROPOSED: 'Amendments proposed',
    AMENDMENT_VOTED: 'Votes on amendments',
    AMENDMENT_DECIDED: 'Decisions on your amendments',
    COAUTHOR_INVITED: 'Invitations to co-author',
    COAUTHOR_ANSWERED: 'Answers to your co-author invitations',
  },
};

const WORDS = {
  fr: {
    untitled: 'sans titre',
    colon: ' : ',
    see: 'Voir',
    digestSubject: (count: number) =>
      count === 1 ? 'Passerelle : 1 notification' : `Passerelle : ${count} notifications`,
    digestIntro: 'Voici ce qui s’est passé depuis votre dernier résumé :',
    unsubscribeOne: 'Ne plus recevoir ces e-mails',
    unsubscribeAll: 'Ne plus recevoir aucun e-mail de notification',
    preferences: 'Gérer vos préférences',
    footer: 'Vous recevez cet e-mail parce que vous avez un compte sur Passerelle.',
  },
  en: {
    untitled: 'untitled',
    colon: ': ',
    see: 'See',
    digestSubject: (count: number) =>
      count === 1 ? 'Passerelle: 1 notification' : `Passerelle: ${count} notifications`,
    digestIntro: 'Here is what happened since your last summary:',
    unsubscribeOne: 'Stop these e-mails',
    unsubscribeAll: 'Stop all notification e-mails',
    preferences: 'Manage your preferences',
    footer: 'You receive this e-mail because you have an account on Passerelle.',
  },
} as const;

/** The page a notification points to: the cluster, the brief, the proposal, or the list. */
export function notificationLink(notification: EmailNotification, baseUrl: string): string {
  const p = notification.payload;
  if (notification.kind === 'PROPOSAL_MERGED' && p.clusterId) {
    return `${baseUrl}/regroupements/${encodeURIComponent(p.clusterId)}`;
  }
  if (p.proposalId) {
    const anchor = p.commentId
      ? `#commentaire-${encodeURIComponent(p.commentId)}`
      : p.amendmentId
        ? `#amendement-${encodeURIComponent(p.amendmentId)}`
        : '';
    return `${baseUrl}/propositions/${encodeURIComponent(p.proposalId)}${anchor}`;
  }
  return `${baseUrl}/notifications`;
}

/** One plain-text sentence saying what happened. */
export function notificationSentence(notification: EmailNotification, lang: Language): string {
  const p = {
    ...notification.payload,
    authorName: notification.payload.authorName ?? notification.payload.actorName,
  };
  const title = p.title ?? p.proposalTitle ?? WORDS[lang].untitled;
  const status =
    p.status && p.status in STATUS_LABELS[lang]
      ? STATUS_LABELS[lang][p.status as ProposalStatus]
      : (p.status ?? '');
  return SENTENCES[lang][notification.kind](p, title, status);
}

/** The quoted words that go with it: the comment's excerpt or the moderator's reason. */
function detailOf(notification: EmailNotification): string | null {
  return notification.payload.excerpt ?? notification.payload.reason ?? null;
}

function footer(lang: Language, links: EmailLinks, isDigest: boolean) {
  const words = WORDS[lang];
  const label = isDigest ? words.unsubscribeAll : words.unsubscribeOne;
  const preferences = `${links.baseUrl}/profil#notifications-email`;
  return {
    text: `--\n${words.footer}\n${words.preferences}${words.colon}${preferences}\n${label}${words.colon}${links.unsubscribeUrl}`,
    html:
      `<hr><p style="font-size:12px;color:#555">${escapeHtml(words.footer)}<br>` +
      `<a href="${escapeHtml(preferences)}">${escapeHtml(words.preferences)}</a> · ` +
      `<a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(label)}</a></p>`,
  };
}

function itemText(notification: EmailNotification, lang: Language, baseUrl: string): string {
  const detail = detailOf(notification);
  return [
    notificationSentence(notification, lang),
    ...(detail ? [lang === 'fr' ? `« ${detail} »` : `“${detail}”`] : []),
    `${WORDS[lang].see}${WORDS[lang].colon}${notificationLink(notification, baseUrl)}`,
  ].join('\n');
}

function itemHtml(notification: EmailNotification, lang: Language, baseUrl: string): string {
  const detail = detailOf(notification);
  return (
    `<p>${escapeHtml(notificationSentence(notification, lang))}</p>` +
    (detail ? `<blockquote>${escapeHtml(detail)}</blockquote>` : '') +
    `<p><a href="${escapeHtml(notificationLink(notification, baseUrl))}">${escapeHtml(WORDS[lang].see)}</a></p>`
  );
}

/** The e-mail sent at once for one notification; its unsubscribe link stops this kind. */
export function renderNotificationEmail(
  notification: EmailNotification,
  lang: Language,
  links: EmailLinks,
): RenderedEmail {
  const end = footer(lang, links, false);
  return {
    subject: `Passerelle${WORDS[lang].colon}${notificationSentence(notification, lang)}`,
    text: `${itemText(notification, lang, links.baseUrl)}\n\n${end.text}\n`,
    html: `<!doctype html><html><body>${itemHtml(notification, lang, links.baseUrl)}${end.html}</body></html>`,
  };
}

/** The notifications grouped by kind, kinds in their usual order, oldest first in a group. */
export function groupByKind(
  notifications: readonly EmailNotification[],
): { kind: NotificationKind; items: EmailNotification[] }[] {
  return NOTIFICATION_KINDS.map((kind) => ({
    kind,
    items: notifications
      .filter((n) => n.kind === kind)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
  })).filter((group) => group.items.length > 0);
}

/**
 * The daily digest: every pending notification of one person, grouped by kind under a heading;
 * its unsubscribe link stops every notification e-mail.
 */
export function renderDigestEmail(
  notifications: readonly EmailNotification[],
  lang: Language,
  links: EmailLinks,
): RenderedEmail {
  const words = WORDS[lang];
  const groups = groupByKind(notifications);
  const end = footer(lang, links, true);
  const text = groups
    .map((group) => {
      const heading = KIND_HEADINGS[lang][group.kind];
      const items = group.items.map((item) => itemText(item, lang, links.baseUrl));
      return `${heading}\n${'='.repeat(heading.length)}\n\n${items.join('\n\n')}`;
    })
    .join('\n\n');
  const html = groups
    .map(
      (group) =>
        `<h2>${escapeHtml(KIND_HEADINGS[lang][group.kind])}</h2>` +
        group.items.map((item) => itemHtml(item, lang, links.baseUrl)).join(''),
    )
    .join('');
  return {
    subject: words.digestSubject(notifications.length),
    text: `${words.digestIntro}\n\n${text}\n\n${end.text}\n`,
    html: `<!doctype html><html><body><p>${escapeHtml(words.digestIntro)}</p>${html}${end.html}</body></html>`,
  };
}
