const values = <const T extends readonly string[]>(...items: T) =>
  Object.freeze(Object.fromEntries(items.map((item) => [item, item]))) as {
    readonly [K in T[number]]: K;
  };

/** What a notification tells its reader (same members as the database enum). */
export const NotificationKind = values(
  'CONTENT_HIDDEN',
  'CONTENT_RESTORED',
  'CONTENT_APPROVED',
  'CONTENT_REJECTED',
  'ACCOUNT_SUSPENDED',
  'ACCOUNT_REINSTATED',
  'PROPOSAL_ANSWERED',
  'PROPOSAL_MERGED',
  'PROPOSAL_UNMERGED',
  'PROPOSAL_CITED',
  'COMMENT_REPLY',
  'PROPOSAL_COMMENTED',
  'PROPOSAL_STATUS_CHANGED',
  'AMENDMENT_PROPOSED',
  'AMENDMENT_VOTED',
  'AMENDMENT_DECIDED',
  'COAUTHOR_INVITED',
  'COAUTHOR_ANSWERED',
);
export type NotificationKind = keyof typeof NotificationKind;

export const ANSWER_EXCERPT_LENGTH = 280;

/** The start of a text for a notice: at most `max` characters, cut on a word with an ellipsis. */
export function excerpt(value: string, max: number = ANSWER_EXCERPT_LENGTH): string {
  const trimmed = value.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
