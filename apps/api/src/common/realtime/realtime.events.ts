/** What each realtime channel carries: ids only, so subscribers load what they may read. */
export interface RealtimeEvents {
  /** The vote totals of a proposal changed (trigger per proposal). */
  'proposal-votes': { proposalId: string };
  /** A comment on a proposal became visible to everyone (trigger per proposal). */
  'comment-added': { proposalId: string; commentId: string };
  /** The moderation queue changed. */
  'moderation-queue': { kind: ModerationQueueEventKind };
  /** A mutation ran in API process `origin`: the others empty their PublicReadCache. */
  'public-reads-changed': { origin: string };
}

export type RealtimeChannel = keyof RealtimeEvents;

export type ModerationQueueEventKind = 'REPORTED' | 'QUEUED' | 'DECIDED';
