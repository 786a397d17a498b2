// Issue 9: castVote and retractVote in as few round trips as possible, so they cannot silently
// grow back. Every statement the in-process API sends is counted at `pg.Client.prototype.query`
// (logSql, as in sql-budget.spec.ts). A vote is: the live-session check (AuthGuard, which also
// reads the account's suspension for SuspensionGuard), one read of the proposal, its consultation
// and phases and the voter's vote, and one call of proposal_apply_vote (vote_apply migration) that writes only if
// nothing the rules and the scores used has changed since that read. The answer's fields
// (myVote, collegeVotes, supportBreadth, consultation { openPhases }) come from those two.
import pg from 'pg';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import { type LoggedStatement, logSql } from '../security/support/sql-log';
import { expectCountersMatchRows } from './support/participation';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

/** The web app's ProposalVotesFields (apps/web/src/modules/votes/graphql/votes.documents.ts). */
const PROPOSAL_VOTES_FIELDS = `
  id status votesFor votesAgainst votesNeutral
  collegeVotes {
    actorType votesFor votesAgainst votesNeutral total forShare forShareOfTotal againstShareOfTotal neutralShareOfTotal
  }
  supportBreadth { isBroad qualifyingColleges thresholds { minForShare minColleges minVotesPerCollege } }
  myVote
  consultation { id openPhases }`;
const CAST_VOTE = `mutation CastVote($input: CastVoteInput!) { castVote(input: $input) { ${PROPOSAL_VOTES_FIELDS} } }`;
const RETRACT_VOTE = `mutation RetractVote($proposalId: ID!) { retractVote(proposalId: $proposalId) { ${PROPOSAL_VOTES_FIELDS} } }`;
const PROPOSAL_VOTES = `query ProposalVotes($id: ID!) { proposal(id: $id) { ${PROPOSAL_VOTES_FIELDS} } }`;

/** What a signed-in vote costs: session with suspension, the read, the write. */
const VOTE_STATEMENTS = [
  /"suspendedAt"[\s\S]*"refresh_tokens"/,
  /FROM proposals p\s+JOIN consultations c/,
  /proposal_apply_vote\(/,
];

type Answer = Record<string, unknown> & { votesFor: number; myVote: string | null };

const texts = (statements: LoggedStatement[]) =>
  statements.map((statement) => statement.text.replace(/\s+/g, ' ').slice(0, 120));

describe('castVote / retractVote SQL budget', () => {
  let api: TestApp;
  let consultationId: string;
  let authorId: string;

  beforeAll(async () => {
    api = await startTestApp();
    consultationId = (await createConsultation({ phases: PHASES.proposingClosed() })).id;
    authorId = (await createUser()).id;
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const newProposal = async () => (await createProposal({ consultationId, authorId })).id;
  const voter = async (actorType: 'CITIZEN' | 'SME' | 'ASSOCIATION' = 'CITIZEN') => {
    const user = await createUser({ actorType });
    return { user, token: await api.tokenFor(user) };
  };
  const cast = (proposalId: string, value: string, token: string) =>
    api.gql<{ castVote: Answer }>(CAST_VOTE, { input: { proposalId, value } }, { token });
  const retract = (proposalId: string, token: string) =>
    api.gql<{ retractVote: Answer }>(RETRACT_VOTE, { proposalId }, { token });
  const readBack = async (proposalId: string, token: string) =>
    dataOf(await api.gql<{ proposal: Answer }>(PROPOSAL_VOTES, { id: proposalId }, { token }))
      .proposal;

  it('casts, changes and retracts a vote in 3 statements each, none of them a transaction', async () => {
    const proposalId = await newProposal();
    const { token } = await voter('SME');
    for (const run of [
      (): Promise<GqlResult<unknown>> => cast(proposalId, 'FOR', token),
      () => cast(proposalId, 'AGAINST', token),
      () => retract(proposalId, token),
    ]) {
      const { result, statements } = await logSql(run);
      expect(result.errors).toBeUndefined();
      expect(statements).toHaveLength(VOTE_STATEMENTS.length);
      statements.forEach((statement, i) => expect(statement.text).toMatch(VOTE_STATEMENTS[i]));
      expect(texts(statements).filter((text) => /^(BEGIN|COMMIT)/i.test(text))).toEqual([]);
    }
    await expectCountersMatchRows(proposalId);
  });

  it('answers what a later read of the same fields answers (loaders primed from the vote)', async () => {
    const proposalId = await newProposal();
    const [first, second] = [await voter('ASSOCIATION'), await voter('SME')];
    await cast(proposalId, 'FOR', first.token);
    const answer = dataOf(await cast(proposalId, 'NEUTRAL', second.token)).castVote;
    expect(answer).toMatchObject({ votesFor: 1, votesNeutral: 1, myVote: 'NEUTRAL' });
    expect(answer).toEqual(await readBack(proposalId, second.token));
    const retracted = dataOf(await retract(proposalId, first.token)).retractVote;
    expect(retracted).toMatchObject({ votesFor: 0, myVote: null });
    expect(retracted).toEqual(await readBack(proposalId, first.token));
  });

  it('casting the same value again writes nothing: 2 statements', async () => {
    const proposalId = await newProposal();
    const { token } = await voter();
    await cast(proposalId, 'FOR', token);
    const { result, statements } = await logSql(() => cast(proposalId, 'FOR', token));
    expect(dataOf(result).castVote).toMatchObject({ votesFor: 1, myVote: 'FOR' });
    expect(texts(statements)).toHaveLength(2);
    expect(statements.some((s) => /proposal_apply_vote|INSERT|UPDATE|DELETE/.test(s.text))).toBe(
      false,
    );
  });

  /**
   * Runs `change` (in this test process, through the factories' own connection) just before the
   * API sends the n first proposal_apply_vote calls of `userId`: what a concurrent vote, a
   * moderator or an author would do between the vote's read and its write. Returns every
   * statement sent meanwhile (the API's and the change's).
   */
  async function withChangesBeforeWrite<T>(
    userId: string,
    times: number,
    change: (attempt: number) => Promise<unknown>,
    run: () => Promise<T>,
  ): Promise<{ result: T; statements: LoggedStatement[] }> {
    const statements: LoggedStatement[] = [];
    const original = pg.Client.prototype.query;
    let attempt = 0;
    const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const config = args[0] as { text?: string; values?: unknown[] } | string;
      const text = typeof config === 'string' ? config : String(config?.text);
      const values = (typeof config === 'string' ? args[1] : config?.values) ?? [];
      statements.push({ text, values: Array.isArray(values) ? values : [] });
      const call = () => (original as (...a: unknown[]) => unknown).apply(this, args);
      if (
        attempt < times &&
        /proposal_apply_vote\(/.test(text) &&
        Array.isArray(values) &&
        values.includes(userId)
      ) {
        return change(attempt++).then(call);
      }
      return call();
    } as never);
    try {
      return { result: await run(), statements };
    } finally {
      spy.mockRestore();
    }
  }

  /** Another participant's vote, written as the vote path writes it, through the API. */
  async function otherVote(proposalId: string, value: string) {
    const other = await voter('ASSOCIATION');
    expect(dataOf(await cast(proposalId, value, other.token)).castVote.votesFor).toBeGreaterThan(
      -1,
    );
  }

  it('writes again from the state found when another vote lands between its read and its write', async () => {
    const proposalId = await newProposal();
    const { user, token } = await voter('SME');
    const { result, statements } = await withChangesBeforeWrite(
      user.id,
      1,
      () => otherVote(proposalId, 'AGAINST'),
      () => cast(proposalId, 'FOR', token),
    );
    expect(dataOf(result).castVote).toMatchObject({ votesFor: 1, votesAgainst: 1, myVote: 'FOR' });
    const writes = statements.filter(
      (s) => /proposal_apply_vote\(/.test(s.text) && s.values.includes(user.id),
    );
    expect(writes).toHaveLength(2);
    // The stored scores are the domain's scores of the totals both votes left.
    expect(await expectCountersMatchRows(proposalId)).toBe(2);
  });

  it('takes the locking transaction when the proposal keeps changing under it', async () => {
    const proposalId = await newProposal();
    const { user, token } = await voter('SME');
    // Another vote before every single-statement try, however many there are.
    const { result, statements } = await withChangesBeforeWrite(
      user.id,
      Number.POSITIVE_INFINITY,
      () => otherVote(proposalId, 'FOR'),
      () => cast(proposalId, 'AGAINST', token),
    );
    const tries = statements.filter(
      (s) => /proposal_apply_vote\(/.test(s.text) && s.values.includes(user.id),
    ).length;
    expect(tries).toBeGreaterThan(0);
    expect(dataOf(result).castVote).toMatchObject({
      votesFor: tries,
      votesAgainst: 1,
      myVote: 'AGAINST',
    });
    expect(statements.some((s) => /FOR UPDATE OF p/.test(s.text))).toBe(true);
    expect(await expectCountersMatchRows(proposalId)).toBe(tries + 1);
  });

  it.each([
    [
      'hidden by moderation',
      { hiddenAt: new Date() },
      { code: 'NOT_FOUND', reason: 'PROPOSAL_NOT_FOUND' },
    ],
    [
      'withdrawn',
      { status: 'WITHDRAWN' as const },
      { code: 'FORBIDDEN', reason: 'PROPOSAL_CLOSED_TO_VOTES' },
    ],
  ])(
    'applies the rules again when the proposal is %s between the read and the write',
    async (_, data, extensions) => {
      const proposalId = await newProposal();
      const { user, token } = await voter();
      const { result } = await withChangesBeforeWrite(
        user.id,
        1,
        () => factoryPrisma().proposal.update({ where: { id: proposalId }, data }),
        () => cast(proposalId, 'FOR', token),
      );
      expect(firstError(result as GqlResult<unknown>).extensions).toMatchObject(extensions);
      expect(await factoryPrisma().vote.count({ where: { proposalId } })).toBe(0);
      expect(
        await factoryPrisma().proposal.findUniqueOrThrow({
          where: { id: proposalId },
          select: { votesFor: true, votesAgainst: true, votesNeutral: true },
        }),
      ).toEqual({ votesFor: 0, votesAgainst: 0, votesNeutral: 0 });
      expect(await factoryPrisma().proposalCollegeCount.count({ where: { proposalId } })).toBe(0);
    },
  );
});
