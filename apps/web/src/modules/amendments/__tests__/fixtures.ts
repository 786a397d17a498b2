import type { Amendment } from '../../../shared/graphql/schema-types';

export const proposalId = '00000000-0000-4000-8000-000000000001';
export const amendmentId = '00000000-0000-4000-8000-0000000000a1';

/** An amendment of the proposal page, as the API answers it; `change` overrides fields. */
export function amendment(change: Partial<Amendment> = {}): Amendment {
  return {
    __typename: 'Amendment',
    id: amendmentId,
    author: {
      __typename: 'Participant',
      id: '00000000-0000-4000-8000-0000000000b1',
      displayName: 'Aïcha Benali',
      actorType: 'CITIZEN',
      deleted: false,
    },
    baseVersion: 1,
    title: 'Une ressourcerie dans chaque quartier',
    summary: 'Réparer et revendre les objets.',
    body: 'Le texte.',
    reason: 'Le mot « ressourcerie » dit mieux ce qu’on y fait.',
    erased: false,
    status: 'PENDING',
    votesFor: 2,
    votesAgainst: 1,
    viewerVote: null,
    isOutdated: false,
    diff: {
      __typename: 'AmendmentDiff',
      title: [
        { __typename: 'DiffPart', kind: 'SAME', text: 'Une ' },
        { __typename: 'DiffPart', kind: 'REMOVED', text: 'recyclerie' },
        { __typename: 'DiffPart', kind: 'ADDED', text: 'ressourcerie' },
        { __typename: 'DiffPart', kind: 'SAME', text: ' dans chaque quartier' },
      ],
      summary: [{ __typename: 'DiffPart', kind: 'SAME', text: 'Réparer et revendre les objets.' }],
      body: [
        { __typename: 'DiffPart', kind: 'SAME', text: 'Le texte' },
        { __typename: 'DiffPart', kind: 'ADDED', text: ', enrichi' },
        { __typename: 'DiffPart', kind: 'SAME', text: '.' },
      ],
      changedFields: ['TITLE', 'BODY'],
    },
    version: 1,
    decidedAt: null,
    decidedBy: null,
    decisionReason: null,
    appliedVersion: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    isHidden: false,
    viewerCanVote: true,
    viewerCanDecide: false,
    viewerIsAuthor: false,
    ...change,
  };
}
