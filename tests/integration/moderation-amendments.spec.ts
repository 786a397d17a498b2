import { closeFactories, createConsultation, factoryPrisma } from '../factories';
import {
  ACCEPT,
  amendableProposal,
  AMENDMENT_FIELDS,
  BASE_TEXTS,
  type AmendmentView,
  propose,
  VOTE,
} from './support/amendments';
import { DISMISS, HIDE, REPORT, RESTORE, signedIn } from './support/moderation';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

// Amendments are user-written text on a proposal's page: participants report them, they are
// hidden at the consultation's report threshold, and moderators (platform or local) hide,
// restore or dismiss, as for proposals and comments.

const ITEM = `targetType targetId isHidden openReportsCount awaitingReview
  amendment { id title reason isHidden proposal { id } author { id } }
  author { id history { hiddenContentCount reportsAgainstCount } }
  reports { id status reporter { id } }`;
const QUEUE = `query ($targetType: ReportTargetType, $consultationId: ID) {
  moderationQueue(first: 10, targetType: $targetType, consultationId: $consultationId) {
    totalCount edges { node { ${ITEM} } }
  }
}`;
const PAGE = `query ($id: ID!) {
  proposal(id: $id) {
    id pendingAmendmentsCount
    amendments { ${AMENDMENT_FIELDS} isHidden }
  }
}`;
const NOTICES = `query { myNotifications(first: 20) { edges { node { kind title amendmentId commentId } } } }`;

type Item = {
  targetType: string;
  targetId: string;
  isHidden: boolean;
  openReportsCount: number;
  awaitingReview: boolean;
  amendment: {
    id: string;
    title: string;
    reason: string;
    isHidden: boolean;
    proposal: { id: string };
    author: { id: string };
  } | null;
  author: { id: string; history: { hiddenContentCount: number; reportsAgainstCount: number } };
  reports: { id: string; status: string; reporter: { id: string } }[];
};
type Page = {
  proposal: {
    id: string;
    pendingAmendmentsCount: number;
    amendments: (AmendmentView & { isHidden: boolean })[];
  };
};
type Notices = {
  myNotifications: {
    edges: {
      node: { kind: string; title: string; amendmentId: string | null; commentId: null };
    }[];
  };
};

describe('moderation of amendments', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  /** A proposal in its own consultation (report threshold given) and an amendment to it. */
  async function fixture(threshold = 3) {
    const consultation = await createConsultation();
    await factoryPrisma().consultation.update({
      where: { id: consultation.id },
      data: { settings: { reportThreshold: threshold } },
    });
    const proposal = await amendableProposal({ consultationId: consultation.id });
    const amender = await signedIn(api);
    const amendment = await propose(api, amender.token, proposal.id);
    const proposalAuthor = { id: proposal.author.id, token: await api.tokenFor(proposal.author) };
    return { consultationId: consultation.id, proposal, proposalAuthor, amender, amendment };
  }

  const report = (token: string, targetId: string, reason = 'OFFENSIVE') =>
    api.gql<{ reportContent: { id: string; targetType: string } }>(
      REPORT,
      { input: { targetType: 'AMENDMENT', targetId, reason } },
      { token },
    );
  const decide = (document: string, token: string, targetId: string, reason = 'Propos injurieux') =>
    api.gql<Record<string, Item>>(
      document,
      { input: { targetType: 'AMENDMENT', targetId, reason } },
      { token },
    );
  const page = async (proposalId: string, token?: string) =>
    dataOf(await api.gql<Page>(PAGE, { id: proposalId }, { token })).proposal;
  const queueItem = async (token: string, targetId: string, consultationId?: string) => {
    const data = dataOf(
      await api.gql<{ moderationQueue: { edges: { node: Item }[] } }>(
        QUEUE,
        { targetType: 'AMENDMENT', consultationId },
        { token },
      ),
    );
    return data.moderationQueue.edges.map((edge) => edge.node).find((n) => n.targetId === targetId);
  };
  const stored = (id: string) => factoryPrisma().amendment.findUniqueOrThrow({ where: { id } });

  it('takes reports from other participants, once each, never from its author', async () => {
    const { amender, amendment } = await fixture();
    const reporter = await signedIn(api);
    const reported = dataOf(await report(reporter.token, amendment.id)).reportContent;
    expect(reported.targetType).toBe('AMENDMENT');

    expect(firstError(await report(reporter.token, amendment.id)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REPORTED',
    });
    expect(firstError(await report(amender.token, amendment.id)).extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OWN_CONTENT_REPORT',
    });
    const unknown = await report(reporter.token, '00000000-0000-4000-8000-000000000000');
    expect(firstError(unknown).extensions).toMatchObject({ reason: 'AMENDMENT_NOT_FOUND' });
    expect((await stored(amendment.id)).openReportsCount).toBe(1);
  });

  it('puts a reported amendment in the queue with its texts, proposal and author', async () => {
    const { proposal, amender, amendment } = await fixture();
    const reporter = await signedIn(api);
    dataOf(await report(reporter.token, amendment.id, 'SPAM'));
    const moderator = await signedIn(api, 'MODERATOR');
    const item = await queueItem(moderator.token, amendment.id);
    expect(item).toMatchObject({
      targetType: 'AMENDMENT',
      isHidden: false,
      openReportsCount: 1,
      awaitingReview: false,
      amendment: {
        id: amendment.id,
        title: amendment.title,
        reason: amendment.reason,
        proposal: { id: proposal.id },
        author: { id: amender.id },
      },
      author: { id: amender.id, history: { reportsAgainstCount: 1 } },
      reports: [{ status: 'OPEN', reporter: { id: reporter.id } }],
    });
  });

  it('hides it at the threshold: the public no longer sees it, its author and moderators do', async () => {
    const { consultationId, proposal, proposalAuthor, amender, amendment } = await fixture(2);
    const visitor = await signedIn(api);
    expect((await page(proposal.id)).pendingAmendmentsCount).toBe(1);

    // Concurrent reports past the threshold: counted one by one, hidden exactly once.
    const reporters = await Promise.all([1, 2, 3].map(() => signedIn(api)));
    const results = await Promise.all(reporters.map((r) => report(r.token, amendment.id)));
    results.forEach((result) => dataOf(result));
    const row = await stored(amendment.id);
    expect(row.openReportsCount).toBe(3);
    expect(row.hiddenAt).not.toBeNull();
    const autoHides = await factoryPrisma().auditLogEntry.findMany({
      where: { targetId: amendment.id, action: 'AUTO_HIDE' },
    });
    expect(autoHides).toHaveLength(1);

    // Anonymous visitors, other participants and the proposal's author: not listed, not counted.
    for (const token of [undefined, visitor.token, proposalAuthor.token]) {
      const seen = await page(proposal.id, token);
      expect(seen.amendments.map((a) => a.id)).not.toContain(amendment.id);
      expect(seen.pendingAmendmentsCount).toBe(0);
    }
    // Its author sees it, marked hidden, and may not get votes on it.
    const own = (await page(proposal.id, amender.token)).amendments;
    expect(own).toEqual([expect.objectContaining({ id: amendment.id, isHidden: true })]);
    // A platform moderator and the consultation's local moderator see it too.
    const moderator = await signedIn(api, 'MODERATOR');
    const local = await signedIn(api);
    await factoryPrisma().consultationModerator.create({
      data: { consultationId, userId: local.id },
    });
    for (const token of [moderator.token, local.token]) {
      const [seen] = (await page(proposal.id, token)).amendments;
      expect(seen).toMatchObject({
        id: amendment.id,
        isHidden: true,
        viewerCanVote: false,
        viewerCanDecide: false,
      });
    }
    // The author's history counts it.
    const item = await queueItem(moderator.token, amendment.id);
    expect(item?.author.history).toEqual({ hiddenContentCount: 1, reportsAgainstCount: 3 });
  });

  it('takes no vote and no decision while hidden, and both again once restored', async () => {
    const { proposal, proposalAuthor, amendment } = await fixture();
    const moderator = await signedIn(api, 'MODERATOR');
    const voter = await signedIn(api);
    const hidden = dataOf(await decide(HIDE, moderator.token, amendment.id)).hideContent;
    expect(hidden).toMatchObject({ targetType: 'AMENDMENT', isHidden: true });

    const vote = (token: string) =>
      api.gql(VOTE, { input: { amendmentId: amendment.id, value: 'FOR' } }, { token });
    expect(firstError(await vote(voter.token)).extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'AMENDMENT_NOT_FOUND',
    });
    const accept = (token: string, reason?: string) =>
      api.gql(
        ACCEPT,
        { input: { amendmentId: amendment.id, expectedVersion: 1, reason } },
        { token },
      );
    expect(firstError(await accept(proposalAuthor.token)).extensions).toMatchObject({
      reason: 'AMENDMENT_NOT_FOUND',
    });
    // A moderator sees it, but hidden text is never applied to the proposal.
    expect(
      firstError(await accept(moderator.token, 'Amendement utile au texte.')).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'AMENDMENT_HIDDEN' });
    const unchanged = await factoryPrisma().proposal.findUniqueOrThrow({
      where: { id: proposal.id },
    });
    expect(unchanged.version).toBe(1);
    expect((await stored(amendment.id)).status).toBe('PENDING');

    const restored = dataOf(
      await decide(RESTORE, moderator.token, amendment.id, 'Signalement infondé'),
    ).restoreContent;
    expect(restored.isHidden).toBe(false);
    expect(dataOf(await vote(voter.token))).toBeDefined();
    expect((await stored(amendment.id)).votesFor).toBe(1);
    const [seen] = (await page(proposal.id, proposalAuthor.token)).amendments;
    expect(seen).toMatchObject({ id: amendment.id, isHidden: false, viewerCanDecide: true });
  });

  it('tells its author when it is hidden and restored, and records both in the audit log', async () => {
    const { amender, amendment } = await fixture();
    const moderator = await signedIn(api, 'MODERATOR');
    dataOf(await decide(HIDE, moderator.token, amendment.id));
    dataOf(await decide(RESTORE, moderator.token, amendment.id, 'Signalement infondé'));
    const notices = dataOf(await api.gql<Notices>(NOTICES, {}, { token: amender.token }))
      .myNotifications.edges.map((edge) => edge.node)
      .filter((node) => node.kind.startsWith('CONTENT_'));
    expect(notices).toEqual(
      expect.arrayContaining([
        {
          kind: 'CONTENT_HIDDEN',
          title: BASE_TEXTS.title,
          amendmentId: amendment.id,
          commentId: null,
        },
        expect.objectContaining({ kind: 'CONTENT_RESTORED', amendmentId: amendment.id }),
      ]),
    );
    const entries = await factoryPrisma().auditLogEntry.findMany({
      where: { targetId: amendment.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(entries.map((entry) => [entry.action, entry.targetType, entry.actorId])).toEqual([
      ['HIDE', 'AMENDMENT', moderator.id],
      ['RESTORE', 'AMENDMENT', moderator.id],
    ]);
  });

  it('lets the consultation’s local moderators decide, not those of another one', async () => {
    const { consultationId, amendment } = await fixture();
    const reporter = await signedIn(api);
    dataOf(await report(reporter.token, amendment.id));
    const local = await signedIn(api);
    const elsewhere = await signedIn(api);
    await factoryPrisma().consultationModerator.createMany({
      data: [
        { consultationId, userId: local.id },
        { consultationId: (await createConsultation()).id, userId: elsewhere.id },
      ],
    });
    expect(firstError(await decide(HIDE, elsewhere.token, amendment.id)).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await queueItem(elsewhere.token, amendment.id)).toBeUndefined();
    expect(await queueItem(local.token, amendment.id, consultationId)).toMatchObject({
      targetType: 'AMENDMENT',
      openReportsCount: 1,
    });
    const dismissed = dataOf(await decide(DISMISS, local.token, amendment.id, 'Rien à redire'));
    expect(dismissed.dismissReports).toMatchObject({ isHidden: false, openReportsCount: 0 });
    const reports = await factoryPrisma().report.findMany({ where: { targetId: amendment.id } });
    expect(reports.map((row) => row.status)).toEqual(['DISMISSED']);
    expect((await stored(amendment.id)).openReportsCount).toBe(0);
  });

  it('refuses bad input with a clear error and changes nothing', async () => {
    const { amendment } = await fixture();
    const moderator = await signedIn(api, 'MODERATOR');
    const tooShort = await decide(HIDE, moderator.token, amendment.id, 'x');
    expect(firstError(tooShort).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const participant = await signedIn(api);
    expect(
      firstError(await decide(HIDE, participant.token, amendment.id)).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect((await stored(amendment.id)).hiddenAt).toBeNull();
  });
});
