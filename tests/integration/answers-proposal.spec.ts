import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
} from '../factories';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

const ANSWER = `mutation ($input: AnswerProposalInput!) { answerProposal(input: $input) {
  id status officialAnswer statusHistory { from to reason actor { id } } } }`;
const PROPOSAL = `query ($id: ID!) { proposal(id: $id) { id status officialAnswer } }`;

interface Answered {
  answerProposal: {
    id: string;
    status: string;
    officialAnswer: string | null;
    statusHistory: {
      from: string | null;
      to: string;
      reason: string | null;
      actor: { id: string };
    }[];
  };
}

const TEXT = 'Votre proposition est retenue pour le plan régional 2027.';
const NIL_UUID = '00000000-0000-4000-8000-000000000000';

describe('answerProposal (official answers)', () => {
  let api: TestApp;
  let consultationId: string;

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function proposal(status: 'PUBLISHED' | 'DRAFT' | 'WITHDRAWN' | 'SELECTED' = 'PUBLISHED') {
    const author = await createUser();
    const created = await createProposal({ consultationId, authorId: author.id, status });
    return { author, id: created.id };
  }

  const auditOf = (targetId: string) =>
    factoryPrisma().auditLogEntry.findMany({ where: { targetId }, orderBy: { createdAt: 'asc' } });

  async function answer(actor: CreatedUser | null, input: Record<string, unknown>, lang?: string) {
    return api.gql<Answered>(
      ANSWER,
      { input },
      { token: actor ? await api.tokenFor(actor) : undefined, lang },
    );
  }

  describe('permission matrix', () => {
    it('refuses an anonymous visitor: UNAUTHENTICATED / SIGN_IN_REQUIRED', async () => {
      const { id } = await proposal();
      const result = await answer(null, { proposalId: id, status: 'SELECTED', answer: TEXT });
      expect(firstError(result).extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SIGN_IN_REQUIRED',
      });
      expect(await auditOf(id)).toHaveLength(0);
    });

    it.each(['PARTICIPANT', 'CURATOR', 'author'] as const)(
      'refuses a %s: FORBIDDEN / NOT_ALLOWED, and changes nothing',
      async (who) => {
        const { id, author } = await proposal();
        const actor = who === 'author' ? author : await createUser({ role: who });
        const result = await answer(actor, { proposalId: id, status: 'SELECTED', answer: TEXT });
        expect(firstError(result).extensions).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'NOT_ALLOWED',
        });
        const row = await factoryPrisma().proposal.findUniqueOrThrow({ where: { id } });
        expect(row.status).toBe('PUBLISHED');
        expect(await auditOf(id)).toHaveLength(0);
      },
    );

    it.each(['MODERATOR', 'ADMIN'] as const)(
      'lets a %s answer, with one status change and exactly one audit entry',
      async (role) => {
        const { id } = await proposal();
        const moderator = await createUser({ role });
        const result = await answer(moderator, {
          proposalId: id,
          status: 'SELECTED',
          answer: `  ${TEXT}  `,
        });
        const answered = dataOf(result).answerProposal;
        expect(answered).toMatchObject({ id, status: 'SELECTED', officialAnswer: TEXT });
        expect(answered.statusHistory.at(-1)).toEqual({
          from: 'PUBLISHED',
          to: 'SELECTED',
          reason: TEXT,
          actor: { id: moderator.id },
        });
        const entries = await auditOf(id);
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({
          actorId: moderator.id,
          action: 'ANSWER_PROPOSAL',
          targetType: 'PROPOSAL',
          targetId: id,
          reason: TEXT,
          metadata: { from: 'PUBLISHED', to: 'SELECTED' },
        });
      },
    );
  });

  it('shows the latest answer as officialAnswer, publicly, and null before any answer', async () => {
    const { id } = await proposal();
    const before = await api.gql<{ proposal: { officialAnswer: string | null } }>(PROPOSAL, { id });
    expect(dataOf(before).proposal.officialAnswer).toBeNull();

    const moderator = await createUser({ role: 'MODERATOR' });
    await answer(moderator, {
      proposalId: id,
      status: 'UNDER_REVIEW',
      answer: 'Examen en cours par le comité.',
    });
    await answer(moderator, {
      proposalId: id,
      status: 'NOT_RETAINED',
      answer: 'Hors du champ de la consultation.',
    });
    const after = await api.gql<{ proposal: { status: string; officialAnswer: string | null } }>(
      PROPOSAL,
      { id },
    );
    expect(dataOf(after).proposal).toMatchObject({
      status: 'NOT_RETAINED',
      officialAnswer: 'Hors du champ de la consultation.',
    });
    expect((await auditOf(id)).map((entry) => entry.action)).toEqual([
      'ANSWER_PROPOSAL',
      'ANSWER_PROPOSAL',
    ]);
  });

  it.each([
    ['SELECTED', 'SELECTED'],
    ['WITHDRAWN', 'UNDER_REVIEW'],
    ['DRAFT', 'SELECTED'],
  ] as const)(
    'answers CONFLICT / ILLEGAL_TRANSITION from %s to %s, without an audit entry',
    async (from, to) => {
      const { id } = await proposal(from);
      const moderator = await createUser({ role: 'MODERATOR' });
      const result = await answer(moderator, { proposalId: id, status: to, answer: TEXT }, 'en');
      expect(firstError(result)).toMatchObject({
        message: 'This status change is not possible from the current status.',
        extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' },
      });
      expect(await auditOf(id)).toHaveLength(0);
    },
  );

  it.each([
    ['status', 'oneOf', { status: 'RETAINED' }],
    ['status', 'oneOf', { status: 'PUBLISHED' }],
    ['answer', 'minLength', { answer: 'Trop bref' }],
    ['answer', 'required', { answer: '   ' }],
    ['answer', 'maxLength', { answer: 'x'.repeat(5001) }],
    ['proposalId', 'id', { proposalId: 'nope' }],
  ])('names an invalid %s (BAD_USER_INPUT, rule %s)', async (field, rule, change) => {
    const { id } = await proposal();
    const moderator = await createUser({ role: 'MODERATOR' });
    const result = await answer(moderator, {
      proposalId: id,
      status: 'SELECTED',
      answer: TEXT,
      ...change,
    });
    expect(firstError(result).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field, rule })],
    });
    expect(await auditOf(id)).toHaveLength(0);
  });

  it('answers NOT_FOUND / PROPOSAL_NOT_FOUND for an unknown proposal', async () => {
    const moderator = await createUser({ role: 'MODERATOR' });
    const result = await answer(moderator, {
      proposalId: NIL_UUID,
      status: 'SELECTED',
      answer: TEXT,
    });
    expect(firstError(result).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'PROPOSAL_NOT_FOUND',
    });
  });
});
