import { COAUTHORS_MAX } from '@passerelle/domain';
import {
  closeFactories,
  createConsultation,
  createUser,
  type CreatedUser,
  factoryPrisma,
  PHASES,
} from '../factories';
import {
  ACCEPT,
  amendableProposal,
  type AmendmentView,
  BASE_TEXTS,
  PROPOSAL_AMENDMENTS,
  PROPOSE,
  propose,
  REASON,
  REBASE,
  REJECT,
  VOTE,
} from './support/amendments';
import { createManyUsers } from './support/participation';
import { countSqlStatements } from './support/sql-counter';
import { dataOf, firstError, type GqlResult, startTestApp, type TestApp } from './support/test-app';

type ProposalView = {
  proposal: {
    id: string;
    version: number;
    title: string;
    summary: string;
    body: string;
    bodyHtml: string;
    amendmentsOpen: boolean;
    viewerCanAmend: boolean;
    pendingAmendmentsCount: number;
    amendments: AmendmentView[];
    revisions: {
      version: number;
      title: string;
      editor: { id: string };
      amendment: { id: string; author: { id: string } } | null;
    }[];
  };
};

const ECOLOGICAL_TITLE = 'Soutenir l’économie sociale, solidaire et écologique';

describe('amendments: propose, vote, accept, rebase', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  const prisma = () => factoryPrisma();
  const token = (user: CreatedUser | { id: string; role: 'PARTICIPANT' }) => api.tokenFor(user);
  const noticesOf = (amendmentId: string) =>
    prisma().notification.findMany({
      where: { payload: { path: ['amendmentId'], equals: amendmentId } },
      orderBy: { createdAt: 'asc' },
    });
  const expectRefusal = (result: GqlResult<unknown>, code: string, reason: string) =>
    expect(firstError(result).extensions).toMatchObject({ code, reason });
  const page = async (proposalId: string, viewerToken?: string, status?: string) =>
    dataOf(
      await api.gql<ProposalView>(
        PROPOSAL_AMENDMENTS,
        { id: proposalId, status },
        { token: viewerToken },
      ),
    ).proposal;

  describe('proposing', () => {
    it('writes a pending amendment on the current revision, with its word diff and the notices', async () => {
      const { id, author } = await amendableProposal();
      const coAuthor = await createUser();
      const invitee = await createUser();
      await prisma().proposalCoAuthor.createMany({
        data: [
          { proposalId: id, userId: coAuthor.id, invitedById: author.id, status: 'ACCEPTED' },
          { proposalId: id, userId: invitee.id, invitedById: author.id, status: 'INVITED' },
        ],
      });
      const amender = await createUser({ displayName: 'Aïcha Benali' });
      const amendment = await propose(api, await token(amender), id, { title: ECOLOGICAL_TITLE });

      expect(amendment).toMatchObject({
        status: 'PENDING',
        baseVersion: 1,
        version: 1,
        title: ECOLOGICAL_TITLE,
        reason: REASON,
        votesFor: 0,
        votesAgainst: 0,
        isOutdated: false,
        viewerIsAuthor: true,
        viewerCanVote: false,
        viewerCanDecide: false,
        author: { id: amender.id },
        appliedVersion: null,
      });
      expect(amendment.diff.changedFields).toEqual(['TITLE', 'BODY']);
      expect(amendment.diff.summary).toEqual([{ kind: 'SAME', text: BASE_TEXTS.summary }]);
      expect(amendment.diff.body.filter((part) => part.kind === 'ADDED')).toEqual([
        expect.objectContaining({
          text: expect.stringContaining('Une priorité va aux projets de transition écologique.'),
        }),
      ]);

      const notices = await noticesOf(amendment.id);
      expect(notices.map((notice) => [notice.userId, notice.kind]).sort()).toEqual(
        [
          [author.id, 'AMENDMENT_PROPOSED'],
          [coAuthor.id, 'AMENDMENT_PROPOSED'],
        ].sort(),
      );
      expect(notices[0].payload).toMatchObject({
        proposalId: id,
        amendmentId: amendment.id,
        title: BASE_TEXTS.title,
        authorName: 'Aïcha Benali',
      });

      const authorView = await page(id, await token(author));
      expect(authorView).toMatchObject({ viewerCanAmend: false, pendingAmendmentsCount: 1 });
      expect(authorView.amendments.map((a) => [a.id, a.viewerCanDecide, a.viewerCanVote])).toEqual([
        [amendment.id, true, true],
      ]);
      expect((await page(id, await token(coAuthor))).viewerCanAmend).toBe(false);
      expect((await page(id, await token(await createUser()))).viewerCanAmend).toBe(true);
      expect((await page(id)).viewerCanAmend).toBe(false);
    });

    it('diffs French text word by word, accents and apostrophes kept whole', async () => {
      const { id } = await amendableProposal();
      const amendment = await propose(api, await token(await createUser()), id, {
        title: ECOLOGICAL_TITLE,
        body: BASE_TEXTS.body,
      });
      expect(amendment.diff.changedFields).toEqual(['TITLE']);
      expect(amendment.diff.title).toEqual([
        { kind: 'SAME', text: 'Soutenir l’économie sociale' },
        { kind: 'REMOVED', text: ' et' },
        { kind: 'ADDED', text: ',' },
        { kind: 'SAME', text: ' solidaire ' },
        { kind: 'ADDED', text: 'et écologique' },
      ]);
      const before = amendment.diff.title.filter((part) => part.kind !== 'ADDED');
      const after = amendment.diff.title.filter((part) => part.kind !== 'REMOVED');
      // The space before the added words stays in the kept run: the old text ends with it.
      expect(before.map((part) => part.text).join('')).toBe(`${BASE_TEXTS.title} `);
      expect(after.map((part) => part.text).join('')).toBe(ECOLOGICAL_TITLE);
    });

    it('sees no change between decomposed (NFD) and composed (NFC) accents', async () => {
      const { id } = await amendableProposal();
      const amenderToken = await token(await createUser());
      const decomposed = {
        title: BASE_TEXTS.title.normalize('NFD'),
        summary: BASE_TEXTS.summary.normalize('NFD'),
        body: BASE_TEXTS.body.normalize('NFD'),
      };
      expect(decomposed.title).not.toBe(BASE_TEXTS.title);
      const refused = await api.gql(
        PROPOSE,
        { input: { proposalId: id, ...decomposed, reason: REASON } },
        { token: amenderToken },
      );
      expectRefusal(refused, 'BAD_USER_INPUT', 'AMENDMENT_UNCHANGED');

      const amendment = await propose(api, amenderToken, id, {
        title: decomposed.title,
        summary: decomposed.summary,
        body: `${BASE_TEXTS.body} Les communes y participent.`,
      });
      expect(amendment.diff.changedFields).toEqual(['BODY']);
      expect(amendment.diff.title).toEqual([{ kind: 'SAME', text: BASE_TEXTS.title }]);
    });

    it('refuses an amendment that changes nothing, and writes nothing', async () => {
      const { id } = await amendableProposal();
      const result = await api.gql(
        PROPOSE,
        {
          input: { proposalId: id, ...BASE_TEXTS, body: `  ${BASE_TEXTS.body}  `, reason: REASON },
        },
        { token: await token(await createUser()) },
      );
      expectRefusal(result, 'BAD_USER_INPUT', 'AMENDMENT_UNCHANGED');
      expect(firstError(result).message).toMatch(/ne change rien/);
      expect(await prisma().amendment.count({ where: { proposalId: id } })).toBe(0);
    });

    it('names each invalid field, and writes nothing', async () => {
      const { id } = await amendableProposal();
      const result = await api.gql(
        PROPOSE,
        {
          input: {
            proposalId: id,
            title: 'Court',
            summary: BASE_TEXTS.summary,
            body: 'Trop court',
            reason: 'Car',
          },
        },
        { token: await token(await createUser()) },
      );
      const error = firstError(result);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
      expect(error.extensions?.fields?.map((field) => field.field).sort()).toEqual([
        'body',
        'reason',
        'title',
      ]);
      expect(await prisma().amendment.count({ where: { proposalId: id } })).toBe(0);
      expect(
        await prisma().notification.count({
          where: { payload: { path: ['proposalId'], equals: id } },
        }),
      ).toBe(0);
    });

    it('sends the authors to direct edits: OWN_PROPOSAL_AMENDMENT for the author and a co-author', async () => {
      const { id, author } = await amendableProposal();
      const coAuthor = await createUser();
      await prisma().proposalCoAuthor.create({
        data: { proposalId: id, userId: coAuthor.id, invitedById: author.id, status: 'ACCEPTED' },
      });
      for (const user of [author, coAuthor]) {
        const result = await api.gql(
          PROPOSE,
          { input: { proposalId: id, ...BASE_TEXTS, title: ECOLOGICAL_TITLE, reason: REASON } },
          { token: await token(user) },
        );
        expectRefusal(result, 'FORBIDDEN', 'OWN_PROPOSAL_AMENDMENT');
      }
      expect(await prisma().amendment.count({ where: { proposalId: id } })).toBe(0);
    });
  });

  describe('voting', () => {
    it('counts, changes and withdraws a vote; refuses a vote on one’s own amendment', async () => {
      const { id, author } = await amendableProposal();
      const amender = await createUser();
      const amendment = await propose(api, await token(amender), id);
      const voterToken = await token(await createUser());
      const vote = (value: string | null, as = voterToken) =>
        api.gql<{ voteOnAmendment: AmendmentView }>(
          VOTE,
          { input: { amendmentId: amendment.id, value } },
          { token: as },
        );

      expect(dataOf(await vote('FOR')).voteOnAmendment).toMatchObject({
        votesFor: 1,
        votesAgainst: 0,
        viewerVote: 'FOR',
        viewerCanVote: true,
      });
      expect(dataOf(await vote('FOR')).voteOnAmendment).toMatchObject({
        votesFor: 1,
        votesAgainst: 0,
      });
      expect(dataOf(await vote('AGAINST')).voteOnAmendment).toMatchObject({
        votesFor: 0,
        votesAgainst: 1,
        viewerVote: 'AGAINST',
      });
      expect(dataOf(await vote('FOR', await token(author))).voteOnAmendment).toMatchObject({
        votesFor: 1,
        votesAgainst: 1,
      });
      expect(dataOf(await vote(null)).voteOnAmendment).toMatchObject({
        votesFor: 1,
        votesAgainst: 0,
        viewerVote: null,
      });
      expectRefusal(await vote('FOR', await token(amender)), 'FORBIDDEN', 'OWN_AMENDMENT_VOTE');
      expect(firstError(await vote('FOR', '')).extensions?.code).toBe('UNAUTHENTICATED');
      expect(await prisma().amendmentVote.count({ where: { amendmentId: amendment.id } })).toBe(1);

      // One unread notice per amendment and recipient, refreshed with the counters; the
      // proposal's author is not told of their own vote.
      const voted = (await noticesOf(amendment.id)).filter((n) => n.kind === 'AMENDMENT_VOTED');
      expect(voted.map((notice) => notice.userId).sort()).toEqual([amender.id, author.id].sort());
      const toAmender = voted.find((notice) => notice.userId === amender.id);
      expect(toAmender?.payload).toMatchObject({
        votesFor: 1,
        votesAgainst: 0,
        amendmentId: amendment.id,
      });
      // Once read, the next vote writes a new notice.
      await prisma().notification.updateMany({
        where: { id: toAmender?.id },
        data: { readAt: new Date() },
      });
      await vote('AGAINST');
      const after = (await noticesOf(amendment.id)).filter(
        (n) => n.kind === 'AMENDMENT_VOTED' && n.userId === amender.id,
      );
      expect(after).toHaveLength(2);
      expect(after.find((n) => n.readAt === null)?.payload).toMatchObject({
        votesFor: 1,
        votesAgainst: 1,
      });
    });

    it('never double-counts parallel votes: counters equal the vote rows', async () => {
      const { id } = await amendableProposal();
      const amendment = await propose(api, await token(await createUser()), id);
      const voters = await createManyUsers(20);
      const tokens = await Promise.all(voters.map((voter) => token(voter)));
      const repeated = await token(await createUser());
      const results = await Promise.all([
        ...tokens.map((voterToken, index) =>
          api.gql(
            VOTE,
            { input: { amendmentId: amendment.id, value: index % 4 === 0 ? 'AGAINST' : 'FOR' } },
            { token: voterToken },
          ),
        ),
        ...Array.from({ length: 10 }, (_, index) =>
          api.gql(
            VOTE,
            { input: { amendmentId: amendment.id, value: index % 2 === 0 ? 'FOR' : 'AGAINST' } },
            { token: repeated },
          ),
        ),
      ]);
      expect(results.filter((result) => result.errors)).toEqual([]);
      const row = await prisma().amendment.findUniqueOrThrow({ where: { id: amendment.id } });
      const votes = await prisma().amendmentVote.groupBy({
        by: ['value'],
        where: { amendmentId: amendment.id },
        _count: { _all: true },
      });
      const count = (value: string) => votes.find((v) => v.value === value)?._count._all ?? 0;
      expect(count('FOR') + count('AGAINST')).toBe(21);
      expect(row.votesFor).toBe(count('FOR'));
      expect(row.votesAgainst).toBe(count('AGAINST'));
      // One unread notice each for the amendment's and the proposal's authors, whatever the
      // number of votes, with the final counters.
      const voted = (await noticesOf(amendment.id)).filter((n) => n.kind === 'AMENDMENT_VOTED');
      expect(voted).toHaveLength(2);
      expect(new Set(voted.map((notice) => notice.userId)).size).toBe(2);
      for (const notice of voted) {
        expect(notice.payload).toMatchObject({
          votesFor: row.votesFor,
          votesAgainst: row.votesAgainst,
        });
      }
    }, 60_000);
  });

  describe('accepting', () => {
    it('applies the amendment as a new revision credited to the decider and its author', async () => {
      const { id, author } = await amendableProposal();
      const amender = await createUser();
      const amendment = await propose(api, await token(amender), id, {
        title: ECOLOGICAL_TITLE,
        body: `${BASE_TEXTS.body}\n\nUne **priorité** va aux projets de transition écologique.`,
      });
      const authorToken = await token(author);
      const accepted = dataOf(
        await api.gql<{ acceptAmendment: AmendmentView }>(
          ACCEPT,
          {
            input: { amendmentId: amendment.id, expectedVersion: 1, inviteAuthorAsCoAuthor: true },
          },
          { token: authorToken },
        ),
      ).acceptAmendment;
      expect(accepted).toMatchObject({
        status: 'ACCEPTED',
        appliedVersion: 2,
        decidedBy: { id: author.id },
        decisionReason: null,
        viewerCanDecide: false,
        viewerCanVote: false,
        isOutdated: false,
        proposal: { id, version: 2, title: ECOLOGICAL_TITLE },
      });
      expect(accepted.decidedAt).not.toBeNull();

      const view = await page(id, authorToken);
      expect(view).toMatchObject({
        version: 2,
        title: ECOLOGICAL_TITLE,
        pendingAmendmentsCount: 0,
      });
      expect(view.bodyHtml).toContain('<strong>priorité</strong>');
      expect(view.revisions.map((r) => [r.version, r.editor.id, r.amendment])).toEqual([
        [2, author.id, { id: amendment.id, author: { id: amender.id } }],
        [1, author.id, null],
      ]);
      const revision = await prisma().proposalRevision.findUniqueOrThrow({
        where: { proposalId_version: { proposalId: id, version: 2 } },
      });
      expect(revision).toMatchObject({
        amendmentId: amendment.id,
        editorId: author.id,
        title: ECOLOGICAL_TITLE,
      });
      expect(revision.bodyHtml).toContain('<strong>priorité</strong>');

      // The amendment's author is invited to co-author it, and told of both.
      expect(
        await prisma().proposalCoAuthor.findUnique({
          where: { proposalId_userId: { proposalId: id, userId: amender.id } },
        }),
      ).toMatchObject({ status: 'INVITED', amendmentId: amendment.id, invitedById: author.id });
      const notices = (await noticesOf(amendment.id)).filter((n) => n.userId === amender.id);
      expect(notices.map((n) => n.kind).sort()).toEqual(['AMENDMENT_DECIDED', 'COAUTHOR_INVITED']);
      expect(notices.find((n) => n.kind === 'AMENDMENT_DECIDED')?.payload).toMatchObject({
        decision: 'ACCEPTED',
        proposalId: id,
      });

      // Decided: no more votes nor decisions.
      const again = await api.gql(
        ACCEPT,
        { input: { amendmentId: amendment.id, expectedVersion: 1 } },
        { token: authorToken },
      );
      expectRefusal(again, 'CONFLICT', 'AMENDMENT_CLOSED');
      const vote = await api.gql(
        VOTE,
        { input: { amendmentId: amendment.id, value: 'FOR' } },
        { token: await token(await createUser()) },
      );
      expectRefusal(vote, 'CONFLICT', 'AMENDMENT_CLOSED');
    });

    it('counts co-author seats under the proposal lock: an invitation and an acceptance inviting its author race for the last seat, one wins', async () => {
      for (let round = 0; round < 3; round += 1) {
        const { id, author } = await amendableProposal();
        const others = await createManyUsers(COAUTHORS_MAX);
        await prisma().proposalCoAuthor.createMany({
          data: others.slice(0, COAUTHORS_MAX - 1).map((user) => ({
            proposalId: id,
            userId: user.id,
            invitedById: author.id,
          })),
        });
        const amender = await createUser();
        const amendment = await propose(api, await token(amender), id, { title: ECOLOGICAL_TITLE });
        const authorToken = await token(author);
        const results = await Promise.all([
          api.gql(
            ACCEPT,
            {
              input: {
                amendmentId: amendment.id,
                expectedVersion: 1,
                inviteAuthorAsCoAuthor: true,
              },
            },
            { token: authorToken },
          ),
          api.gql(
            `mutation ($input: InviteCoAuthorInput!) { inviteCoAuthor(input: $input) { id } }`,
            { input: { proposalId: id, userId: others[COAUTHORS_MAX - 1].id } },
            { token: authorToken },
          ),
        ]);
        const reasons = results.map((result) => result.errors?.[0]?.extensions?.reason ?? 'ok');
        expect(reasons.sort()).toEqual(['COAUTHOR_LIMIT', 'ok']);
        expect(
          await prisma().proposalCoAuthor.count({
            where: { proposalId: id, status: { in: ['INVITED', 'ACCEPTED'] } },
          }),
        ).toBe(COAUTHORS_MAX);
        // A refused acceptance wrote nothing: the amendment is pending, the text unchanged.
        const row = await prisma().amendment.findUniqueOrThrow({ where: { id: amendment.id } });
        const proposal = await prisma().proposal.findUniqueOrThrow({ where: { id } });
        expect([row.status, proposal.version]).toEqual(
          results[0].errors ? ['PENDING', 1] : ['ACCEPTED', 2],
        );
      }
    }, 60_000);

    it('lets exactly one of two amendments of the same revision win; the other rebases, then wins', async () => {
      const { id, author } = await amendableProposal();
      const [first, second] = [await createUser(), await createUser()];
      const secondToken = await token(second);
      const a = await propose(api, await token(first), id, { title: ECOLOGICAL_TITLE });
      const b = await propose(api, secondToken, id, {
        summary: `${BASE_TEXTS.summary} Les communes rurales sont prioritaires.`,
      });
      const authorToken = await token(author);
      const results = await Promise.all(
        [a, b].map((amendment) =>
          api.gql<{ acceptAmendment: AmendmentView }>(
            ACCEPT,
            { input: { amendmentId: amendment.id, expectedVersion: 1 } },
            { token: authorToken },
          ),
        ),
      );
      const winners = results.filter((result) => !result.errors);
      const losers = results.filter((result) => result.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expectRefusal(losers[0], 'CONFLICT', 'AMENDMENT_OUTDATED');
      expect(firstError(losers[0]).message).toMatch(/mettre à jour/);
      expect(await prisma().proposalRevision.count({ where: { proposalId: id } })).toBe(2);
      const proposal = await prisma().proposal.findUniqueOrThrow({ where: { id } });
      expect(proposal.version).toBe(2);
      const winnerId = dataOf(winners[0]).acceptAmendment.id;
      const loser = winnerId === a.id ? b : a;
      const loserToken = winnerId === a.id ? secondToken : await token(first);
      expect(await prisma().amendment.findUniqueOrThrow({ where: { id: loser.id } })).toMatchObject(
        {
          status: 'PENDING',
          decidedAt: null,
        },
      );
      const listed = (await page(id, authorToken, 'PENDING')).amendments;
      expect(listed.map((x) => [x.id, x.isOutdated])).toEqual([[loser.id, true]]);

      // The loser rebases on revision 2 (its change kept, the winner's applied) and wins.
      const current = { title: proposal.title, summary: proposal.summary, body: proposal.body };
      const rebasedTexts =
        loser.id === a.id
          ? { ...current, title: ECOLOGICAL_TITLE }
          : { ...current, summary: b.summary };
      const rebased = dataOf(
        await api.gql<{ rebaseAmendment: AmendmentView }>(
          REBASE,
          { input: { amendmentId: loser.id, expectedVersion: 1, ...rebasedTexts } },
          { token: loserToken },
        ),
      ).rebaseAmendment;
      expect(rebased).toMatchObject({
        baseVersion: 2,
        version: 2,
        isOutdated: false,
        reason: REASON,
      });
      expect(rebased.diff.changedFields).toHaveLength(1);

      // A decision made on the version read before the rebase is stale.
      const stale = await api.gql(
        ACCEPT,
        { input: { amendmentId: loser.id, expectedVersion: 1 } },
        { token: authorToken },
      );
      expectRefusal(stale, 'CONFLICT', 'STALE_VERSION');

      const accepted = dataOf(
        await api.gql<{ acceptAmendment: AmendmentView }>(
          ACCEPT,
          { input: { amendmentId: loser.id, expectedVersion: 2 } },
          { token: authorToken },
        ),
      ).acceptAmendment;
      expect(accepted).toMatchObject({ status: 'ACCEPTED', appliedVersion: 3 });
      const final = await prisma().proposal.findUniqueOrThrow({ where: { id } });
      expect(final).toMatchObject({
        version: 3,
        title: ECOLOGICAL_TITLE,
        summary: b.summary,
      });
      expect(await prisma().proposalRevision.count({ where: { proposalId: id } })).toBe(3);
    });

    it('refuses to accept an outdated amendment until it is rebased', async () => {
      const { id, author } = await amendableProposal();
      const amendment = await propose(api, await token(await createUser()), id);
      await prisma().proposal.update({
        where: { id },
        data: { version: 2, title: ECOLOGICAL_TITLE },
      });
      await prisma().proposalRevision.create({
        data: {
          proposalId: id,
          version: 2,
          ...BASE_TEXTS,
          title: ECOLOGICAL_TITLE,
          editorId: author.id,
        },
      });
      const result = await api.gql(
        ACCEPT,
        { input: { amendmentId: amendment.id, expectedVersion: 1 } },
        { token: await token(author) },
      );
      expectRefusal(result, 'CONFLICT', 'AMENDMENT_OUTDATED');
      expect(await prisma().proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({
        version: 2,
        body: BASE_TEXTS.body,
      });
    });

    it('rejects with the reason, tells the amendment’s author, and closes the amendment', async () => {
      const { id, author } = await amendableProposal();
      const amender = await createUser();
      const amendment = await propose(api, await token(amender), id);
      const rejected = dataOf(
        await api.gql<{ rejectAmendment: AmendmentView }>(
          REJECT,
          {
            input: {
              amendmentId: amendment.id,
              expectedVersion: 1,
              reason: 'Hors du sujet de la proposition',
            },
          },
          { token: await token(author) },
        ),
      ).rejectAmendment;
      expect(rejected).toMatchObject({
        status: 'REJECTED',
        decisionReason: 'Hors du sujet de la proposition',
        decidedBy: { id: author.id },
        appliedVersion: null,
      });
      const decided = (await noticesOf(amendment.id)).filter((n) => n.kind === 'AMENDMENT_DECIDED');
      expect(decided.map((n) => [n.userId, (n.payload as { decision: string }).decision])).toEqual([
        [amender.id, 'REJECTED'],
      ]);
      expect(await prisma().proposal.findUniqueOrThrow({ where: { id } })).toMatchObject({
        version: 1,
      });
      const rebase = await api.gql(
        REBASE,
        {
          input: {
            amendmentId: amendment.id,
            expectedVersion: 1,
            ...BASE_TEXTS,
            title: ECOLOGICAL_TITLE,
          },
        },
        { token: await token(amender) },
      );
      expectRefusal(rebase, 'CONFLICT', 'AMENDMENT_CLOSED');
    });
  });

  describe('lists', () => {
    const LIST = `query ($filter: ProposalFilter) {
      proposals(first: 20, filter: $filter) { edges { node {
        id viewerCanAmend pendingAmendmentsCount
        amendments { id viewerVote viewerCanVote viewerCanDecide isOutdated appliedVersion
          author { id } proposal { id } diff { changedFields body { kind text } } }
      } } }
    }`;

    /** A consultation with `count` proposals, each with two amendments (one voted by the viewer). */
    async function consultationWith(count: number, viewer: CreatedUser) {
      const { id: consultationId } = await createConsultation();
      const viewerToken = await token(viewer);
      for (let index = 0; index < count; index += 1) {
        const { id } = await amendableProposal({ consultationId });
        const amendment = await propose(api, await token(await createUser()), id);
        await propose(api, await token(await createUser()), id, { title: ECOLOGICAL_TITLE });
        dataOf(
          await api.gql(
            VOTE,
            { input: { amendmentId: amendment.id, value: 'FOR' } },
            { token: viewerToken },
          ),
        );
      }
      return consultationId;
    }

    it('reads the amendments of a list of proposals in a constant number of statements', async () => {
      const viewer = await createUser({ role: 'MODERATOR' });
      const viewerToken = await token(viewer);
      const [small, large] = [await consultationWith(2, viewer), await consultationWith(6, viewer)];
      const read = async (consultationId: string) => {
        const { result, statements } = await countSqlStatements(() =>
          api.gql<{ proposals: { edges: { node: ProposalView['proposal'] }[] } }>(
            LIST,
            { filter: { consultationId } },
            { token: viewerToken },
          ),
        );
        const nodes = dataOf(result).proposals.edges.map((edge) => edge.node);
        return { nodes, count: statements.length };
      };
      const first = await read(small);
      const second = await read(large);
      expect(first.nodes).toHaveLength(2);
      expect(second.nodes).toHaveLength(6);
      for (const node of second.nodes) {
        expect(node).toMatchObject({ viewerCanAmend: true, pendingAmendmentsCount: 2 });
        expect(node.amendments).toHaveLength(2);
        expect(node.amendments.filter((a) => a.viewerVote === 'FOR')).toHaveLength(1);
        expect(node.amendments.every((a) => a.viewerCanDecide)).toBe(true);
      }
      expect(second.count).toBe(first.count);
    }, 60_000);
  });

  describe('closed proposals', () => {
    it.each(['SELECTED', 'UNDER_REVIEW', 'NOT_RETAINED'] as const)(
      'refuses amendments and votes once answered (%s): AMENDMENT_CLOSED',
      async (status) => {
        const { id } = await amendableProposal();
        const amendment = await propose(api, await token(await createUser()), id);
        await prisma().proposal.update({ where: { id }, data: { status } });
        const participant = await token(await createUser());
        const proposed = await api.gql(
          PROPOSE,
          { input: { proposalId: id, ...BASE_TEXTS, title: ECOLOGICAL_TITLE, reason: REASON } },
          { token: participant },
        );
        expectRefusal(proposed, 'CONFLICT', 'AMENDMENT_CLOSED');
        const vote = await api.gql(
          VOTE,
          { input: { amendmentId: amendment.id, value: 'FOR' } },
          { token: participant },
        );
        expectRefusal(vote, 'CONFLICT', 'AMENDMENT_CLOSED');
        expect(await prisma().amendment.count({ where: { proposalId: id } })).toBe(1);
        expect(await prisma().amendmentVote.count({ where: { amendmentId: amendment.id } })).toBe(
          0,
        );
        const view = await page(id, participant);
        expect(view.viewerCanAmend).toBe(false);
        expect(view.amendments[0]).toMatchObject({ viewerCanVote: false, status: 'PENDING' });
      },
    );

    it('takes amendments and votes during the voting phase; once the debate is over refuses new ones (AMENDING_CLOSED) and still decides pending ones', async () => {
      const consultation = await createConsultation({ phases: PHASES.proposingClosed() });
      const { id, author } = await amendableProposal({ consultationId: consultation.id });
      const amendment = await propose(api, await token(await createUser()), id, {
        title: ECOLOGICAL_TITLE,
      });
      const participant = await token(await createUser());
      expect((await page(id, participant)).amendmentsOpen).toBe(true);
      dataOf(
        await api.gql(
          VOTE,
          { input: { amendmentId: amendment.id, value: 'FOR' } },
          { token: participant },
        ),
      );

      // Every phase ended: the consultation no longer debates.
      const past = new Date(Date.now() - 60_000);
      await prisma().consultationPhase.updateMany({
        where: { consultationId: consultation.id },
        data: { endsAt: past },
      });
      const proposed = await api.gql(
        PROPOSE,
        {
          input: {
            proposalId: id,
            ...BASE_TEXTS,
            summary: `${BASE_TEXTS.summary} Vite.`,
            reason: REASON,
          },
        },
        { token: participant },
      );
      expectRefusal(proposed, 'FORBIDDEN', 'AMENDING_CLOSED');
      const vote = await api.gql(
        VOTE,
        { input: { amendmentId: amendment.id, value: 'AGAINST' } },
        { token: participant },
      );
      expectRefusal(vote, 'FORBIDDEN', 'AMENDING_CLOSED');
      expect(firstError(vote).message).toContain('ne reçoit plus d’amendements');
      expect(await prisma().amendment.count({ where: { proposalId: id } })).toBe(1);
      const votes = await prisma().amendmentVote.findMany({ where: { amendmentId: amendment.id } });
      expect(votes.map((v) => v.value)).toEqual(['FOR']);
      const view = await page(id, participant);
      expect(view).toMatchObject({ amendmentsOpen: false, viewerCanAmend: false });
      expect(view.amendments[0]).toMatchObject({ viewerCanVote: false, votesFor: 1 });

      // The proposal's author still decides the pending amendment.
      const accepted = dataOf(
        await api.gql<{ acceptAmendment: AmendmentView }>(
          ACCEPT,
          { input: { amendmentId: amendment.id, expectedVersion: 1 } },
          { token: await token(author) },
        ),
      ).acceptAmendment;
      expect(accepted).toMatchObject({ status: 'ACCEPTED', proposal: { title: ECOLOGICAL_TITLE } });
    });

    it('refuses amendments and votes on a withdrawn proposal (no longer public: NOT_FOUND)', async () => {
      const { id } = await amendableProposal();
      const amendment = await propose(api, await token(await createUser()), id);
      await prisma().proposal.update({ where: { id }, data: { status: 'WITHDRAWN' } });
      const participant = await token(await createUser());
      const proposed = await api.gql(
        PROPOSE,
        { input: { proposalId: id, ...BASE_TEXTS, title: ECOLOGICAL_TITLE, reason: REASON } },
        { token: participant },
      );
      expectRefusal(proposed, 'NOT_FOUND', 'PROPOSAL_NOT_FOUND');
      const vote = await api.gql(
        VOTE,
        { input: { amendmentId: amendment.id, value: 'AGAINST' } },
        { token: participant },
      );
      expectRefusal(vote, 'NOT_FOUND', 'AMENDMENT_NOT_FOUND');
      expect(await prisma().amendmentVote.count({ where: { amendmentId: amendment.id } })).toBe(0);
    });

    it('shows an erased amendment as a placeholder', async () => {
      const { id } = await amendableProposal();
      const amendment = await propose(api, await token(await createUser()), id, {
        title: ECOLOGICAL_TITLE,
      });
      await prisma().amendment.update({
        where: { id: amendment.id },
        data: { erasedAt: new Date() },
      });
      const [listed] = (await page(id)).amendments;
      expect(listed.erased).toBe(true);
      expect(listed.title).toBe('Amendement effacé');
      expect(listed.body).not.toContain('écologique');
      expect(listed.diff.changedFields).toEqual([]);
    });
  });
});
