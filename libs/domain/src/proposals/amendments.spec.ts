import { type Actor, type ConsultationModeration } from '../permissions/can';
import { type AmendmentStatus, type ProposalStatus } from '../shared/enums';
import { DomainError } from '../shared/errors';
import { fieldErrors } from '../shared/validation';
import {
  amendedFields,
  amendmentDiff,
  assertAmendmentChanges,
  assertAmendmentCurrent,
  assertCanAmend,
  assertCanDecideAmendment,
  assertCanReviseAmendment,
  assertCanVoteOnAmendment,
  assertCoAuthorRoom,
  canAmend,
  canDecideAmendment,
  canVoteOnAmendment,
  COAUTHORS_MAX,
  decideAmendmentInputSchema,
  isAmendingPhaseOpen,
  isAmendmentCurrent,
  proposeAmendmentInputSchema,
  rebaseAmendmentInputSchema,
  rebaseTexts,
  takesAmendments,
  voteOnAmendmentInputSchema,
} from './amendments';
import {
  assertCanEditProposal,
  assertCanInviteCoAuthor,
  canEditProposal,
  canInviteCoAuthors,
} from './proposal-editing';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const participant = (n: number): Actor => ({ id: uuid(n), role: 'PARTICIPANT' });
const author = participant(1);
const coAuthor = participant(2);
const amender = participant(3);
const stranger = participant(4);
const moderator: Actor = { id: uuid(5), role: 'MODERATOR' };

const proposal = (
  overrides: Partial<{
    status: ProposalStatus;
    hiddenAt: Date | null;
    version: number;
    amendingPhaseOpen: boolean;
  }> = {},
) => ({
  authorId: uuid(1),
  coAuthorIds: [uuid(2)],
  status: 'PUBLISHED' as ProposalStatus,
  hiddenAt: null,
  version: 3,
  amendingPhaseOpen: true,
  ...overrides,
});
const amendment = (
  overrides: Partial<{
    status: AmendmentStatus;
    baseVersion: number;
    version: number;
    hiddenAt: Date | null;
  }> = {},
) => ({
  authorId: uuid(3),
  status: 'PENDING' as AmendmentStatus,
  baseVersion: 3,
  version: 1,
  ...overrides,
});

const notModerating: ConsultationModeration = { isLocalModerator: false };

function codeOf(run: () => void): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a domain error';
  }
}

const base = {
  title: 'Une tarification sociale de l’eau',
  summary: 'Les premiers mètres cubes gratuits pour chaque foyer du territoire.',
  body: 'Les régies publiques de l’eau fixent un tarif progressif : les premiers mètres cubes sont gratuits.',
};

describe('amendment inputs', () => {
  const valid = { proposalId: uuid(9), ...base, reason: 'Préciser le public concerné.' };

  it('accepts a proposed amendment with its reason, trimmed', () => {
    const parsed = proposeAmendmentInputSchema.parse({
      ...valid,
      reason: '  Préciser le public concerné.  ',
    });
    expect(parsed.reason).toBe('Préciser le public concerné.');
  });

  it('names each invalid field: texts follow the proposal limits, a reason is required', () => {
    const errors = fieldErrors(proposeAmendmentInputSchema, {
      ...valid,
      title: 'Court',
      reason: ' ',
    });
    expect(errors.map((error) => error.field)).toEqual(['title', 'reason']);
  });

  it('takes a vote, or null to withdraw it', () => {
    expect(voteOnAmendmentInputSchema.parse({ amendmentId: uuid(9), value: 'FOR' }).value).toBe(
      'FOR',
    );
    expect(
      voteOnAmendmentInputSchema.parse({ amendmentId: uuid(9), value: null }).value,
    ).toBeNull();
    expect(
      voteOnAmendmentInputSchema.safeParse({ amendmentId: uuid(9), value: 'NEUTRAL' }).success,
    ).toBe(false);
  });

  it('reads a blank decision reason as none', () => {
    const parsed = decideAmendmentInputSchema.parse({
      amendmentId: uuid(9),
      expectedVersion: 1,
      reason: '   ',
    });
    expect(parsed.reason).toBeNull();
    expect(
      decideAmendmentInputSchema.safeParse({ amendmentId: uuid(9), expectedVersion: 0 }).success,
    ).toBe(false);
  });

  it('keeps the first reason when a rebase gives none', () => {
    const parsed = rebaseAmendmentInputSchema.parse({
      amendmentId: uuid(9),
      expectedVersion: 2,
      ...base,
    });
    expect(parsed.reason).toBeUndefined();
  });
});

describe('who proposes an amendment', () => {
  it.each<[string, Actor, string | null]>([
    ['a participant', amender, null],
    ['the author', author, 'OWN_PROPOSAL_AMENDMENT'],
    ['a co-author', coAuthor, 'OWN_PROPOSAL_AMENDMENT'],
    ['an anonymous visitor', null, 'SIGN_IN_REQUIRED'],
  ])('%s: %s', (_who, actor, code) => {
    expect(codeOf(() => assertCanAmend(actor, proposal()))).toBe(code);
    expect(canAmend(actor, proposal())).toBe(code === null);
  });

  it.each<[string, ReturnType<typeof proposal>]>([
    ['an answered proposal', proposal({ status: 'SELECTED' })],
    ['a withdrawn proposal', proposal({ status: 'WITHDRAWN' })],
    ['a draft', proposal({ status: 'DRAFT' })],
    ['a hidden proposal', proposal({ hiddenAt: new Date() })],
  ])('nobody amends %s', (_what, closed) => {
    expect(codeOf(() => assertCanAmend(amender, closed))).toBe('AMENDMENT_CLOSED');
    expect(canAmend(amender, closed)).toBe(false);
  });

  it('takes no new amendment once the consultation’s debate is over: AMENDING_CLOSED', () => {
    const over = proposal({ amendingPhaseOpen: false });
    expect(takesAmendments(proposal())).toBe(true);
    expect(takesAmendments(over)).toBe(false);
    expect(takesAmendments(proposal({ status: 'SELECTED' }))).toBe(false);
    expect(codeOf(() => assertCanAmend(amender, over))).toBe('AMENDING_CLOSED');
    expect(canAmend(amender, over)).toBe(false);
  });
});

describe('when amendments are open: the consultation’s proposing and voting phases', () => {
  const day = (n: number) => new Date(Date.UTC(2026, 10, n));
  const phase = (
    kind: 'PROPOSING' | 'VOTING' | 'CURATING' | 'CLOSED',
    from: number,
    to: number | null,
  ) => ({
    kind,
    startsAt: day(from),
    endsAt: to === null ? null : day(to),
  });

  it.each<[string, ReturnType<typeof phase>[], boolean]>([
    ['proposing', [phase('PROPOSING', 1, 10)], true],
    ['voting', [phase('PROPOSING', 1, 3), phase('VOTING', 3, null)], true],
    ['curating only', [phase('PROPOSING', 1, 3), phase('CURATING', 3, 10)], false],
    ['closed', [phase('CLOSED', 1, null)], false],
    ['no phase yet', [phase('PROPOSING', 6, 10)], false],
    ['no phase at all', [], false],
  ])('%s: %s', (_when, phases, open) => {
    expect(isAmendingPhaseOpen(phases, day(5))).toBe(open);
  });
});

describe('who votes on an amendment', () => {
  it('lets anyone signed in but its author vote while it is open', () => {
    expect(codeOf(() => assertCanVoteOnAmendment(stranger, amendment(), proposal()))).toBeNull();
    expect(codeOf(() => assertCanVoteOnAmendment(author, amendment(), proposal()))).toBeNull();
    expect(codeOf(() => assertCanVoteOnAmendment(amender, amendment(), proposal()))).toBe(
      'OWN_AMENDMENT_VOTE',
    );
    expect(codeOf(() => assertCanVoteOnAmendment(null, amendment(), proposal()))).toBe(
      'SIGN_IN_REQUIRED',
    );
    expect(canVoteOnAmendment(stranger, amendment(), proposal())).toBe(true);
    expect(canVoteOnAmendment(amender, amendment(), proposal())).toBe(false);
    expect(canVoteOnAmendment(null, amendment(), proposal())).toBe(false);
  });

  it.each<AmendmentStatus>(['ACCEPTED', 'REJECTED', 'WITHDRAWN'])(
    'closes votes once %s',
    (status) => {
      expect(
        codeOf(() => assertCanVoteOnAmendment(stranger, amendment({ status }), proposal())),
      ).toBe('AMENDMENT_CLOSED');
    },
  );

  it('closes votes when the proposal is no longer open', () => {
    const answered = proposal({ status: 'NOT_RETAINED' });
    expect(codeOf(() => assertCanVoteOnAmendment(stranger, amendment(), answered))).toBe(
      'AMENDMENT_CLOSED',
    );
    expect(canVoteOnAmendment(stranger, amendment(), answered)).toBe(false);
  });

  it('takes no vote on an amendment hidden by moderation: AMENDMENT_HIDDEN', () => {
    const hidden = amendment({ hiddenAt: new Date('2026-11-27T08:00:00Z') });
    expect(codeOf(() => assertCanVoteOnAmendment(stranger, hidden, proposal()))).toBe(
      'AMENDMENT_HIDDEN',
    );
    expect(canVoteOnAmendment(stranger, hidden, proposal())).toBe(false);
    expect(canVoteOnAmendment(stranger, amendment({ hiddenAt: null }), proposal())).toBe(true);
  });

  it('closes votes once the consultation’s debate is over: AMENDING_CLOSED', () => {
    const over = proposal({ amendingPhaseOpen: false });
    expect(codeOf(() => assertCanVoteOnAmendment(stranger, amendment(), over))).toBe(
      'AMENDING_CLOSED',
    );
    expect(canVoteOnAmendment(stranger, amendment(), over)).toBe(false);
  });
});

describe('who decides an amendment', () => {
  const decide = (
    actor: Actor,
    reason: string | null = null,
    moderation = notModerating,
    expectedVersion = 1,
  ) =>
    codeOf(() =>
      assertCanDecideAmendment(actor, amendment(), proposal(), {
        moderation,
        expectedVersion,
        reason,
      }),
    );

  it('the proposal author, without a reason', () => {
    expect(decide(author)).toBeNull();
    expect(canDecideAmendment(author, proposal(), notModerating)).toBe(true);
  });

  it('still decides, rebases and withdraws pending amendments after the debate', () => {
    const over = proposal({ amendingPhaseOpen: false });
    const settings = { moderation: notModerating, expectedVersion: 1 };
    expect(codeOf(() => assertCanDecideAmendment(author, amendment(), over, settings))).toBeNull();
    expect(codeOf(() => assertCanReviseAmendment(amender, amendment(), over, 1))).toBeNull();
  });

  it('a platform moderator or a local moderator, only with a reason', () => {
    expect(decide(moderator)).toBe('DECISION_REASON_REQUIRED');
    expect(decide(moderator, 'Doublon d’un amendement accepté.')).toBeNull();
    const local = { isLocalModerator: true };
    expect(decide(stranger, null, local)).toBe('DECISION_REASON_REQUIRED');
    expect(decide(stranger, 'Hors sujet.', local)).toBeNull();
    expect(decide(stranger, 'Hors sujet.', { isLocalModerator: true, isSuspended: true })).toBe(
      'NOT_ALLOWED',
    );
  });

  it.each<[string, Actor, string]>([
    ['a co-author', coAuthor, 'NOT_ALLOWED'],
    ['the amendment author', amender, 'NOT_ALLOWED'],
    ['another participant', stranger, 'NOT_ALLOWED'],
    ['an anonymous visitor', null, 'SIGN_IN_REQUIRED'],
  ])('never %s', (_who, actor, code) => {
    expect(decide(actor, 'Une raison valable.')).toBe(code);
    expect(canDecideAmendment(actor, proposal(), notModerating)).toBe(false);
  });

  it('never lets a moderator decide their own amendment', () => {
    const own = { ...amendment(), authorId: uuid(5) };
    expect(
      codeOf(() =>
        assertCanDecideAmendment(moderator, own, proposal(), {
          moderation: notModerating,
          expectedVersion: 1,
          reason: 'Je valide ma propre proposition.',
        }),
      ),
    ).toBe('NOT_ALLOWED');
  });

  it('refuses a closed amendment and a stale read', () => {
    expect(
      codeOf(() =>
        assertCanDecideAmendment(author, amendment({ status: 'ACCEPTED' }), proposal(), {
          moderation: notModerating,
          expectedVersion: 1,
        }),
      ),
    ).toBe('AMENDMENT_CLOSED');
    expect(decide(author, null, notModerating, 2)).toBe('STALE_VERSION');
  });

  it('decides no amendment hidden by moderation, until restored; its author still revises it', () => {
    const hidden = amendment({ hiddenAt: new Date('2026-11-27T08:00:00Z') });
    const settings = { moderation: notModerating, expectedVersion: 1 };
    expect(codeOf(() => assertCanDecideAmendment(author, hidden, proposal(), settings))).toBe(
      'AMENDMENT_HIDDEN',
    );
    expect(codeOf(() => assertCanReviseAmendment(amender, hidden, proposal(), 1))).toBeNull();
  });

  it('accepts only an amendment written on the current revision', () => {
    expect(isAmendmentCurrent(amendment(), proposal())).toBe(true);
    expect(isAmendmentCurrent(amendment({ baseVersion: 2 }), proposal())).toBe(false);
    expect(codeOf(() => assertAmendmentCurrent(amendment({ baseVersion: 2 }), proposal()))).toBe(
      'AMENDMENT_OUTDATED',
    );
    expect(codeOf(() => assertAmendmentCurrent(amendment(), proposal()))).toBeNull();
  });
});

describe('who rebases or withdraws an amendment', () => {
  const revise = (actor: Actor, state = amendment(), expected: number | null = 1) =>
    codeOf(() => assertCanReviseAmendment(actor, state, proposal(), expected));

  it('only its author, while it is open, on the version they read', () => {
    expect(revise(amender)).toBeNull();
    expect(revise(amender, amendment(), null)).toBeNull();
    expect(revise(author)).toBe('NOT_ALLOWED');
    expect(revise(null)).toBe('SIGN_IN_REQUIRED');
    expect(revise(amender, amendment({ status: 'REJECTED' }))).toBe('AMENDMENT_CLOSED');
    expect(revise(amender, amendment(), 3)).toBe('STALE_VERSION');
  });
});

describe('what an amendment changes', () => {
  it('refuses an amendment that changes nothing, whatever the spacing or Unicode form', () => {
    const decomposed = { ...base, title: `  ${base.title.normalize('NFD')} ` };
    expect(amendedFields(base, decomposed)).toEqual([]);
    expect(codeOf(() => assertAmendmentChanges(base, decomposed))).toBe('AMENDMENT_UNCHANGED');
    expect(
      codeOf(() => assertAmendmentChanges(base, { ...base, summary: `${base.summary} Dès 2027.` })),
    ).toBeNull();
  });

  it('diffs French text word by word, accents and elisions included', () => {
    const diff = amendmentDiff(
      { ...base, summary: 'Financer l’économie sociale et solidaire des territoires.' },
      { ...base, summary: 'Financer l’économie sociale, solidaire et écologique des territoires.' },
    );
    expect(diff.changedFields).toEqual(['summary']);
    expect(diff.title).toEqual([{ kind: 'same', text: base.title }]);
    const removed = diff.summary.filter((part) => part.kind === 'removed').map((part) => part.text);
    const added = diff.summary.filter((part) => part.kind === 'added').map((part) => part.text);
    expect(removed.join('')).not.toMatch(/économie|solidaire/u);
    expect(added.join('|')).toMatch(/écologique/u);
    expect(added.join('|')).toMatch(/,/u);
    const rebuilt = diff.summary
      .filter((part) => part.kind !== 'removed')
      .map((part) => part.text)
      .join('');
    expect(rebuilt).toBe('Financer l’économie sociale, solidaire et écologique des territoires.');
  });

  it('sees a changed accent as a changed word, and a decomposed accent as no change', () => {
    const diff = amendmentDiff(
      { ...base, title: 'Une aide aux élèves' },
      { ...base, title: 'Une aide aux eleves' },
    );
    expect(diff.title).toEqual([
      { kind: 'same', text: 'Une aide aux ' },
      { kind: 'removed', text: 'élèves' },
      { kind: 'added', text: 'eleves' },
    ]);
    const same = amendmentDiff(base, { ...base, body: base.body.normalize('NFD') });
    expect(same.changedFields).toEqual([]);
    expect(same.body).toEqual([{ kind: 'same', text: base.body }]);
  });
});

describe('rebasing an outdated amendment', () => {
  const current = { ...base, title: 'Une tarification sociale et progressive de l’eau' };

  it('keeps what only the amendment changed and takes the rest from the current revision', () => {
    const proposed = {
      ...base,
      summary: 'Les dix premiers mètres cubes gratuits pour chaque foyer.',
    };
    expect(rebaseTexts(base, current, proposed)).toEqual({
      texts: { ...current, summary: proposed.summary },
      conflicts: [],
    });
  });

  it('names the fields both changed differently, offering the amendment’s text', () => {
    const proposed = { ...base, title: 'Une tarification solidaire de l’eau' };
    expect(rebaseTexts(base, current, proposed)).toEqual({
      texts: { ...current, title: proposed.title },
      conflicts: ['title'],
    });
  });

  it('sees no conflict when both made the same change', () => {
    expect(rebaseTexts(base, current, current)).toEqual({ texts: current, conflicts: [] });
  });
});

describe('co-authors', () => {
  it('lets accepted co-authors edit as the author does, nobody else', () => {
    const editable = {
      authorId: uuid(1),
      status: 'PUBLISHED' as ProposalStatus,
      coAuthorIds: [uuid(2)],
    };
    expect(canEditProposal(coAuthor, editable)).toBe(true);
    expect(codeOf(() => assertCanEditProposal(coAuthor, editable))).toBeNull();
    expect(canEditProposal(stranger, editable)).toBe(false);
    expect(codeOf(() => assertCanEditProposal(stranger, editable))).toBe('NOT_ALLOWED');
    expect(codeOf(() => assertCanEditProposal(null, editable))).toBe('SIGN_IN_REQUIRED');
    expect(codeOf(() => assertCanEditProposal(coAuthor, { ...editable, status: 'SELECTED' }))).toBe(
      'PROPOSAL_NOT_EDITABLE',
    );
  });

  it('lets only the author invite, while editable, and never themself', () => {
    const editable = {
      authorId: uuid(1),
      status: 'PUBLISHED' as ProposalStatus,
      coAuthorIds: [uuid(2)],
    };
    expect(codeOf(() => assertCanInviteCoAuthor(author, editable, uuid(3)))).toBeNull();
    expect(canInviteCoAuthors(author, editable)).toBe(true);
    expect(codeOf(() => assertCanInviteCoAuthor(coAuthor, editable, uuid(3)))).toBe('NOT_ALLOWED');
    expect(canInviteCoAuthors(coAuthor, editable)).toBe(false);
    expect(codeOf(() => assertCanInviteCoAuthor(author, editable, uuid(1)))).toBe(
      'COAUTHOR_ALREADY',
    );
    const answered = { ...editable, status: 'SELECTED' as ProposalStatus };
    expect(codeOf(() => assertCanInviteCoAuthor(author, answered, uuid(3)))).toBe(
      'PROPOSAL_NOT_EDITABLE',
    );
    expect(canInviteCoAuthors(author, answered)).toBe(false);
  });

  it('keeps co-authors and invitations within the limit', () => {
    expect(codeOf(() => assertCoAuthorRoom(COAUTHORS_MAX - 1))).toBeNull();
    expect(codeOf(() => assertCoAuthorRoom(COAUTHORS_MAX))).toBe('COAUTHOR_LIMIT');
  });
});
