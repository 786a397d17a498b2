import { type PhaseWindow } from '../consultations/phases';
import { fieldErrors } from '../shared/validation';
import {
  addCommentInputSchema,
  assertCanChangeComment,
  assertCanComment,
  assertCanReply,
  assertCanUpvoteComment,
  editCommentInputSchema,
} from './comments';

const now = new Date('2026-05-01');
const open = (kind: PhaseWindow['kind']): PhaseWindow[] => [
  { kind, startsAt: new Date('2026-04-01'), endsAt: null },
];
const ended: PhaseWindow[] = [
  { kind: 'VOTING', startsAt: new Date('2026-03-01'), endsAt: new Date('2026-04-01') },
  { kind: 'CLOSED', startsAt: new Date('2026-04-01'), endsAt: null },
];
const ann = { id: 'u1', role: 'PARTICIPANT' as const };
const bob = { id: 'u2', role: 'PARTICIPANT' as const };
const UUID = '8f14e45f-ceea-467f-a0e6-1d5a1e6b0c11';

describe('assertCanComment', () => {
  it.each(['PROPOSING', 'VOTING', 'CURATING'] as const)(
    'lets a participant comment while %s is open',
    (kind) => {
      expect(() => assertCanComment(ann, { status: 'PUBLISHED' }, open(kind), now)).not.toThrow();
    },
  );

  it.each([
    [null, 'PUBLISHED', open('VOTING'), 'SIGN_IN_REQUIRED'],
    [ann, 'WITHDRAWN', open('VOTING'), 'PROPOSAL_NOT_FOUND'],
    [ann, 'DRAFT', open('VOTING'), 'PROPOSAL_NOT_FOUND'],
    [ann, 'PUBLISHED', ended, 'COMMENTING_CLOSED'],
    [ann, 'PUBLISHED', open('CLOSED'), 'COMMENTING_CLOSED'],
  ] as const)('refuses %p on a %s proposal → %s', (actor, status, phases, code) => {
    expect(() => assertCanComment(actor, { status }, phases, now)).toThrow(
      expect.objectContaining({ code }),
    );
  });
});

describe('assertCanReply', () => {
  it('accepts a live parent of the same proposal', () => {
    expect(() => assertCanReply({ proposalId: 'p1', deletedAt: null }, 'p1')).not.toThrow();
  });

  it.each(['fr', 'en'] as const)('names parentId for a parent of another proposal (%s)', (lang) => {
    expect(() => assertCanReply({ proposalId: 'p2', deletedAt: null }, 'p1', lang)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        fields: [expect.objectContaining({ field: 'parentId', rule: 'sameProposal' })],
      }),
    );
  });

  it('refuses a reply to a deleted comment', () => {
    expect(() => assertCanReply({ proposalId: 'p1', deletedAt: now }, 'p1')).toThrow(
      expect.objectContaining({ code: 'COMMENT_DELETED' }),
    );
  });
});

describe('assertCanChangeComment / assertCanUpvoteComment', () => {
  const live = { authorId: ann.id, deletedAt: null };
  const deleted = { authorId: ann.id, deletedAt: now };

  it('lets the author change a live comment', () => {
    expect(() => assertCanChangeComment(ann, live)).not.toThrow();
  });

  it.each([
    [null, live, 'SIGN_IN_REQUIRED'],
    [bob, live, 'NOT_ALLOWED'],
    [ann, deleted, 'COMMENT_DELETED'],
  ] as const)('change by %p → %s', (actor, comment, code) => {
    expect(() => assertCanChangeComment(actor, comment)).toThrow(expect.objectContaining({ code }));
  });

  it('lets another participant upvote a live comment', () => {
    expect(() => assertCanUpvoteComment(bob, live)).not.toThrow();
  });

  it.each([
    [null, live, 'SIGN_IN_REQUIRED'],
    [ann, live, 'OWN_COMMENT_UPVOTE'],
    [bob, { authorId: ann.id, deletedAt: now }, 'COMMENT_DELETED'],
  ] as const)('upvote by %p → %s', (actor, comment, code) => {
    expect(() => assertCanUpvoteComment(actor, comment)).toThrow(expect.objectContaining({ code }));
  });
});

describe('comment input schemas', () => {
  it('accepts a comment and a reply, trimming the body', () => {
    expect(addCommentInputSchema.parse({ proposalId: UUID, body: '  Oui  ' })).toEqual({
      proposalId: UUID,
      body: 'Oui',
    });
    expect(
      addCommentInputSchema.safeParse({
        proposalId: UUID,
        parentId: UUID,
        body: 'Bien vu',
        stance: 'FOR',
      }).success,
    ).toBe(true);
    expect(editCommentInputSchema.safeParse({ commentId: UUID, body: 'Corrigé' }).success).toBe(
      true,
    );
  });

  it.each([
    [{ proposalId: UUID, body: 'x' }, 'body', 'minLength'],
    [{ proposalId: UUID, body: 'x'.repeat(5001) }, 'body', 'maxLength'],
    [{ proposalId: UUID, body: '   ' }, 'body', 'required'],
    [{ proposalId: 'nope', body: 'Bonjour' }, 'proposalId', 'id'],
    [{ proposalId: UUID, body: 'Bonjour', stance: 'MAYBE' }, 'stance', 'oneOf'],
    [{ proposalId: UUID, parentId: 'x', body: 'Bonjour' }, 'parentId', 'id'],
  ])('refuses %p (%s: %s)', (input, field, rule) => {
    expect(fieldErrors(addCommentInputSchema, input, 'en')).toEqual([
      expect.objectContaining({ field, rule }),
    ]);
  });
});
