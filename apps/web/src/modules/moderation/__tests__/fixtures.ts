import type { ModerationUser } from '../../../shared/graphql/schema-types';
import type { ModerationItem } from '../graphql/moderation.documents';

export const amendedProposalId = '00000000-0000-4000-8000-000000000007';
export const amendmentId = '00000000-0000-4000-8000-0000000000a1';
const amendmentAuthorId = '00000000-0000-4000-8000-000000000042';

/** Camille Martin as moderators see her: an association member with some history. */
export function moderationAuthor(change: Partial<ModerationUser> = {}): ModerationUser {
  return {
    __typename: 'ModerationUser',
    id: amendmentAuthorId,
    displayName: 'Camille Martin',
    actorType: 'ASSOCIATION',
    role: 'PARTICIPANT',
    createdAt: '2026-01-10T09:00:00.000Z',
    isSuspended: false,
    suspendedUntil: null,
    suspensionReason: null,
    history: {
      __typename: 'AuthorHistory',
      proposalsCount: 3,
      commentsCount: 12,
      hiddenContentCount: 2,
      reportsAgainstCount: 5,
      suspensionsCount: 1,
      memberSince: '2026-01-10T09:00:00.000Z',
    },
    ...change,
  };
}

/**
 * A reported amendment of « Une ressourcerie dans chaque quartier », by Camille Martin, as the
 * moderation queue answers it (its proposed texts, reason and diff); `change` overrides fields.
 */
export function amendmentQueueItem(change: Partial<ModerationItem> = {}): ModerationItem {
  return {
    __typename: 'ModerationItem',
    targetType: 'AMENDMENT',
    targetId: amendmentId,
    isHidden: false,
    awaitingReview: false,
    openReportsCount: 1,
    firstReportedAt: '2026-11-21T10:00:00.000Z',
    lastReportedAt: '2026-11-21T10:00:00.000Z',
    author: moderationAuthor(),
    proposal: null,
    comment: null,
    amendment: {
      __typename: 'Amendment',
      id: amendmentId,
      title: 'Une ressourcerie gratuite dans chaque quartier',
      summary: 'Réparer, donner et revendre les objets du quotidien.',
      body: 'Le texte.',
      reason: 'Achetez nos vélos sur notre site !',
      status: 'PENDING',
      createdAt: '2026-11-20T10:00:00.000Z',
      proposal: {
        __typename: 'Proposal',
        id: amendedProposalId,
        title: 'Une ressourcerie dans chaque quartier',
      },
      author: { __typename: 'Participant', id: amendmentAuthorId, displayName: 'Camille Martin' },
      diff: {
        __typename: 'AmendmentDiff',
        title: [
          { __typename: 'DiffPart', kind: 'SAME', text: 'Une ressourcerie ' },
          { __typename: 'DiffPart', kind: 'ADDED', text: 'gratuite ' },
          { __typename: 'DiffPart', kind: 'SAME', text: 'dans chaque quartier' },
        ],
        summary: [
          { __typename: 'DiffPart', kind: 'SAME', text: 'Réparer' },
          { __typename: 'DiffPart', kind: 'REMOVED', text: ' et revendre' },
          { __typename: 'DiffPart', kind: 'ADDED', text: ', donner et revendre' },
          { __typename: 'DiffPart', kind: 'SAME', text: ' les objets du quotidien.' },
        ],
        body: [{ __typename: 'DiffPart', kind: 'SAME', text: 'Le texte.' }],
        changedFields: ['TITLE', 'SUMMARY'],
      },
    },
    reports: [
      {
        __typename: 'Report',
        id: '00000000-0000-4000-8000-0000000000e1',
        reason: 'SPAM',
        details: null,
        status: 'OPEN',
        createdAt: '2026-11-21T10:00:00.000Z',
      },
    ],
    ...change,
  };
}
