import { type ProposalStatus, ProposalStatus as Statuses } from '../shared/enums';
import { DomainError } from '../shared/errors';
import { fieldErrors } from '../shared/validation';
import {
  assertCanUndoMerge,
  assertVoteMovable,
  type ClusterCandidate,
  isMergeable,
  mergeProposalsInputSchema,
  moveVoteInputSchema,
  planMerge,
  statusAfterUndo,
  undoMergeInputSchema,
  type VoteMoveEnd,
} from './clusters';
import {
  isPubliclyVisible,
  LISTED_PROPOSAL_STATUSES,
  PUBLIC_PROPOSAL_STATUSES,
} from './proposal-status';

const uuid = (n: number) => `0b8f7a2e-4c1d-4e8a-9f3b-${String(n).padStart(12, '0')}`;
const LEAD = uuid(1);
const A = uuid(2);
const B = uuid(3);

const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
};
const firstError = (errors: { field: string; rule: string }[]) =>
  errors[0] ? `${errors[0].field}:${errors[0].rule}` : null;

describe('merge input', () => {
  it.each([
    [{ leadProposalId: LEAD, proposalIds: [A], reason: 'Doublon' }, null],
    [{ leadProposalId: LEAD, proposalIds: [A, B], reason: 'x'.repeat(1000) }, null],
    [{ leadProposalId: LEAD, proposalIds: [], reason: 'Doublon' }, 'proposalIds:minItems'],
    [
      {
        leadProposalId: LEAD,
        proposalIds: Array.from({ length: 21 }, (_, i) => uuid(i + 10)),
        reason: 'Doublon',
      },
      'proposalIds:maxItems',
    ],
    [{ leadProposalId: LEAD, proposalIds: [A, A], reason: 'Doublon' }, 'proposalIds:unique'],
    [{ leadProposalId: LEAD, proposalIds: [A, LEAD], reason: 'Doublon' }, 'proposalIds.1:unique'],
    [{ leadProposalId: LEAD, proposalIds: ['nope'], reason: 'Doublon' }, 'proposalIds.0:id'],
    [{ leadProposalId: 'nope', proposalIds: [A], reason: 'Doublon' }, 'leadProposalId:id'],
    [{ leadProposalId: LEAD, proposalIds: [A], reason: ' ab ' }, 'reason:minLength'],
    [{ leadProposalId: LEAD, proposalIds: [A], reason: 'x'.repeat(1001) }, 'reason:maxLength'],
    [{ leadProposalId: LEAD, proposalIds: [A] }, 'reason:required'],
  ])('%j → %s', (input, expected) => {
    expect(firstError(fieldErrors(mergeProposalsInputSchema, input, 'en'))).toBe(expected);
  });

  it('answers in French too', () => {
    const [error] = fieldErrors(
      mergeProposalsInputSchema,
      { leadProposalId: LEAD, proposalIds: [], reason: 'Doublon' },
      'fr',
    );
    expect(error.message).toBe('Choisissez au moins 1 élément.');
  });
});

describe('undo and move inputs', () => {
  it.each([
    [{ clusterId: A, reason: 'Erreur' }, null],
    [{ clusterId: 'x', reason: 'Erreur' }, 'clusterId:id'],
    [{ clusterId: A, reason: 'ab' }, 'reason:minLength'],
  ])('undo %j → %s', (input, expected) => {
    expect(firstError(fieldErrors(undoMergeInputSchema, input, 'en'))).toBe(expected);
  });

  it.each([
    [{ fromProposalId: A, toProposalId: B }, null],
    [{ fromProposalId: A }, 'toProposalId:required'],
    [{ fromProposalId: 'x', toProposalId: B }, 'fromProposalId:id'],
  ])('move %j → %s', (input, expected) => {
    expect(firstError(fieldErrors(moveVoteInputSchema, input, 'en'))).toBe(expected);
  });
});

describe('which statuses may be merged', () => {
  const expected: Record<ProposalStatus, boolean> = {
    DRAFT: false,
    PUBLISHED: true,
    UNDER_REVIEW: true,
    SELECTED: true,
    NOT_RETAINED: true,
    WITHDRAWN: false,
    MERGED: false,
    RETAINED: true,
  };
  it.each(Object.values(Statuses))('%s', (status) => {
    expect(isMergeable(status)).toBe(expected[status]);
  });
});

describe('planMerge', () => {
  const candidate = (over: Partial<ClusterCandidate> = {}): ClusterCandidate => ({
    id: A,
    status: 'PUBLISHED',
    consultationId: 'c1',
    clusterId: null,
    ...over,
  });
  const lead = candidate({ id: LEAD });

  it.each<[string, Parameters<typeof planMerge>[0], string | null]>([
    ['two free public proposals', { lead, members: [candidate()], leadClusterLeadId: null }, null],
    [
      'another consultation',
      { lead, members: [candidate({ consultationId: 'c2' })], leadClusterLeadId: null },
      'CLUSTER_CONSULTATION_MISMATCH',
    ],
    [
      'a member already in a cluster',
      { lead, members: [candidate({ clusterId: 'k1' })], leadClusterLeadId: null },
      'ALREADY_IN_CLUSTER',
    ],
    [
      'a lead that is a merged member of another cluster',
      {
        lead: candidate({ id: LEAD, status: 'MERGED', clusterId: 'k1' }),
        members: [candidate()],
        leadClusterLeadId: B,
      },
      'ALREADY_IN_CLUSTER',
    ],
    [
      'a withdrawn member',
      { lead, members: [candidate({ status: 'WITHDRAWN' })], leadClusterLeadId: null },
      'ILLEGAL_TRANSITION',
    ],
    [
      'a draft lead',
      {
        lead: candidate({ id: LEAD, status: 'DRAFT' }),
        members: [candidate()],
        leadClusterLeadId: null,
      },
      'ILLEGAL_TRANSITION',
    ],
  ])('%s', (_, input, expected) => {
    expect(codeOf(() => planMerge(input, 'en'))).toBe(expected);
  });

  it('opens a new cluster for a free lead', () => {
    expect(planMerge({ lead, members: [candidate()], leadClusterLeadId: null })).toEqual({
      joinClusterId: null,
    });
  });

  it('joins the cluster the lead already leads', () => {
    expect(
      planMerge({
        lead: candidate({ id: LEAD, status: 'SELECTED', clusterId: 'k1' }),
        members: [candidate()],
        leadClusterLeadId: LEAD,
      }),
    ).toEqual({ joinClusterId: 'k1' });
  });
});

describe('undo', () => {
  it.each([
    [null, null],
    [new Date(), 'MERGE_ALREADY_UNDONE'],
  ])('undone at %p → %s', (undoneAt, expected) => {
    expect(codeOf(() => assertCanUndoMerge({ undoneAt }))).toBe(expected);
  });

  it.each<[ProposalStatus, ProposalStatus, ProposalStatus | null]>([
    ['MERGED', 'PUBLISHED', 'PUBLISHED'],
    ['MERGED', 'UNDER_REVIEW', 'UNDER_REVIEW'],
    ['MERGED', 'SELECTED', 'SELECTED'],
    ['PUBLISHED', 'PUBLISHED', null],
    ['SELECTED', 'PUBLISHED', null],
    ['MERGED', 'MERGED', null],
  ])('a member %s, formerly %s, becomes %p', (status, previousStatus, expected) => {
    expect(statusAfterUndo({ status, previousStatus })).toBe(expected);
  });
});

describe('assertVoteMovable', () => {
  const end = (over: Partial<VoteMoveEnd> = {}): VoteMoveEnd => ({
    id: A,
    status: 'MERGED',
    clusterId: 'k1',
    hiddenAt: null,
    ...over,
  });
  const lead = end({ id: LEAD, status: 'PUBLISHED' });

  it.each<[string, Parameters<typeof assertVoteMovable>[0], string | null]>([
    ['from a merged member to its lead', { from: end(), to: lead, hasVote: true }, null],
    ['without a vote', { from: end(), to: lead, hasVote: false }, 'VOTE_NOT_MOVABLE'],
    ['to itself', { from: end(), to: end(), hasVote: true }, 'VOTE_NOT_MOVABLE'],
    [
      'from a proposal that is not merged',
      { from: end({ status: 'PUBLISHED' }), to: lead, hasVote: true },
      'VOTE_NOT_MOVABLE',
    ],
    [
      'from a merged proposal outside any active cluster',
      { from: end({ clusterId: null }), to: end({ id: LEAD, clusterId: null }), hasVote: true },
      'VOTE_NOT_MOVABLE',
    ],
    [
      'to another cluster',
      { from: end(), to: end({ id: LEAD, status: 'PUBLISHED', clusterId: 'k2' }), hasVote: true },
      'VOTE_NOT_MOVABLE',
    ],
    [
      'to another merged member',
      { from: end(), to: end({ id: B }), hasVote: true },
      'VOTE_NOT_MOVABLE',
    ],
    [
      'to a hidden lead',
      {
        from: end(),
        to: end({ id: LEAD, status: 'PUBLISHED', hiddenAt: new Date() }),
        hasVote: true,
      },
      'VOTE_NOT_MOVABLE',
    ],
  ])('%s', (_, input, expected) => {
    expect(codeOf(() => assertVoteMovable(input, 'en'))).toBe(expected);
  });

  it('explains the refusal in French by default', () => {
    try {
      assertVoteMovable({ from: end(), to: lead, hasVote: false });
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toContain('déplacé');
    }
  });
});

describe('visibility of merged proposals', () => {
  it('keeps MERGED readable but out of default lists', () => {
    expect(isPubliclyVisible('MERGED')).toBe(true);
    expect(LISTED_PROPOSAL_STATUSES).not.toContain('MERGED');
    expect(LISTED_PROPOSAL_STATUSES).toEqual(
      PUBLIC_PROPOSAL_STATUSES.filter((status) => status !== 'MERGED'),
    );
  });
});
