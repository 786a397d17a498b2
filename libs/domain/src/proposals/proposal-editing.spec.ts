import { type Actor } from '../permissions/can';
import { type ProposalStatus } from '../shared/enums';
import { type DomainError } from '../shared/errors';
import { fieldErrors, validateInput } from '../shared/validation';
import {
  assertCanEditProposal,
  assertCurrentVersion,
  canEditProposal,
  canReadProposal,
  isTitleLongEnoughForSimilarity,
  updateProposalInputSchema,
  withdrawProposalInputSchema,
} from './proposal-editing';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const author: Actor = { id: uuid(1), role: 'PARTICIPANT' };
const stranger: Actor = { id: uuid(2), role: 'ADMIN' };

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as DomainError).code;
  }
}

describe('proposal editing rules', () => {
  it.each<[ProposalStatus, boolean]>([
    ['DRAFT', true],
    ['PUBLISHED', true],
    ['UNDER_REVIEW', false],
    ['SELECTED', false],
    ['NOT_RETAINED', false],
    ['WITHDRAWN', false],
    ['MERGED', false],
    ['RETAINED', false],
  ])('lets the author edit a %s proposal: %s', (status, editable) => {
    const proposal = { authorId: uuid(1), status };
    expect(canEditProposal(author, proposal)).toBe(editable);
    expect(codeOf(() => assertCanEditProposal(author, proposal))).toBe(
      editable ? null : 'PROPOSAL_NOT_EDITABLE',
    );
  });

  it.each<[string, Actor, string]>([
    ['an anonymous visitor', null, 'SIGN_IN_REQUIRED'],
    ['another account, even an administrator', stranger, 'NOT_ALLOWED'],
  ])('refuses %s', (_label, actor, code) => {
    const proposal = { authorId: uuid(1), status: 'PUBLISHED' as const };
    expect(canEditProposal(actor, proposal)).toBe(false);
    expect(codeOf(() => assertCanEditProposal(actor, proposal))).toBe(code);
  });

  it.each([
    [3, 3, null],
    [2, 3, 'STALE_VERSION'],
    [4, 3, 'STALE_VERSION'],
  ])('expected version %i against current %i → %s', (expected, current, code) => {
    expect(codeOf(() => assertCurrentVersion(expected, current))).toBe(code);
  });
});

describe('updateProposalInputSchema', () => {
  const valid = {
    proposalId: uuid(9),
    expectedVersion: 2,
    title: 'Des cantines 100 % bio en régie',
    summary: 'Généraliser les cantines bio gérées en régie par les communes.',
    body: 'Les communes qui ont repris leur cantine en régie servent des repas bio et locaux sans surcoût.',
    themeIds: [uuid(2)],
    territoryId: 'COMMUNE-06088',
    competentLevel: 'COMMUNE',
    lever: 'PUBLIC_PROCUREMENT',
    experiment: ' ',
  };

  it('accepts an edit and turns blank optional texts into null', () => {
    expect(validateInput(updateProposalInputSchema, valid)).toEqual({
      ...valid,
      experiment: null,
    });
  });

  it.each([
    ['proposalId', 'abc', 'id'],
    ['expectedVersion', 0, 'minValue'],
    ['title', 'Court', 'minLength'],
    ['consultationId', uuid(3), 'unknownField'],
  ])('rejects %s = %p with rule %s', (field, value, rule) => {
    const errors = fieldErrors(updateProposalInputSchema, { ...valid, [field]: value });
    expect(errors).toEqual([expect.objectContaining({ rule })]);
  });
});

describe('withdrawProposalInputSchema', () => {
  it('keeps a trimmed reason and turns a blank one into null', () => {
    expect(
      validateInput(withdrawProposalInputSchema, { proposalId: uuid(1), reason: ' Doublon ' }),
    ).toEqual({ proposalId: uuid(1), reason: 'Doublon' });
    expect(
      validateInput(withdrawProposalInputSchema, { proposalId: uuid(1), reason: '  ' }),
    ).toEqual({ proposalId: uuid(1), reason: null });
  });

  it('rejects a reason over 1,000 characters', () => {
    expect(
      fieldErrors(withdrawProposalInputSchema, { proposalId: uuid(1), reason: 'x'.repeat(1001) }),
    ).toEqual([expect.objectContaining({ field: 'reason', rule: 'maxLength' })]);
  });
});

describe('isTitleLongEnoughForSimilarity', () => {
  it.each([
    ['', false],
    ['   vélo   ', false],
    ['vélo cargo', true],
    ['vélo bio', false],
    ['vélo en ville', true],
    ['cantines bio', true],
  ])('%p → %s', (title, expected) => {
    expect(isTitleLongEnoughForSimilarity(title)).toBe(expected);
  });
});

describe('canReadProposal', () => {
  const coWriter: Actor = { id: uuid(3), role: 'PARTICIPANT' };
  const moderator: Actor = { id: uuid(4), role: 'MODERATOR' };
  const draft = { status: 'DRAFT' as ProposalStatus, authorId: author?.id ?? '', hiddenAt: null };

  it('opens a public proposal to everyone, anonymous visitors included', () => {
    const published = { ...draft, status: 'PUBLISHED' as ProposalStatus };
    expect(canReadProposal(null, published)).toBe(true);
    expect(canReadProposal(coWriter, published)).toBe(true);
  });

  it('opens a draft to its author and to the people invited to co-write it, not to others', () => {
    expect(canReadProposal(author, draft)).toBe(true);
    expect(canReadProposal(coWriter, draft, 'INVITED')).toBe(true);
    expect(canReadProposal(coWriter, draft, 'ACCEPTED')).toBe(true);
    expect(canReadProposal(coWriter, draft, 'DECLINED')).toBe(false);
    expect(canReadProposal(coWriter, draft)).toBe(false);
    expect(canReadProposal(null, draft, 'ACCEPTED')).toBe(false);
    // Moderators do not read drafts: they are not published.
    expect(canReadProposal(moderator, draft)).toBe(false);
  });

  it('keeps a hidden proposal to its author and moderators', () => {
    const hidden = {
      ...draft,
      status: 'PUBLISHED' as ProposalStatus,
      hiddenAt: new Date('2026-11-27T08:00:00Z'),
    };
    expect(canReadProposal(null, hidden)).toBe(false);
    expect(canReadProposal(coWriter, hidden, 'ACCEPTED')).toBe(false);
    expect(canReadProposal(author, hidden)).toBe(true);
    expect(canReadProposal(moderator, hidden)).toBe(true);
    expect(canReadProposal(coWriter, hidden, null, { isLocalModerator: true })).toBe(true);
  });
});
