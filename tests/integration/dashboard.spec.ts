import { type ActorType } from '../../apps/api/src/generated/prisma/client';
import {
  closeFactories,
  createConsultation,
  createProposal,
  createUser,
  type CreatedUser,
  factoryPrisma,
  referenceThemes,
  TERRITORIES,
  type ThemeRef,
} from '../factories';
import { countSqlStatements } from './support/sql-counter';
import { dataOf, firstError, startTestApp, type TestApp } from './support/test-app';

interface Counts {
  proposals: number | null;
  votes: number | null;
  comments: number | null;
  participants: number | null;
}

interface Dashboard {
  scope: 'PUBLIC' | 'CURATOR';
  consultation: { id: string; slug: string; title: string } | null;
  period: 'DAY' | 'WEEK' | 'MONTH';
  generatedAt: string;
  minimumCellSize: number | null;
  totals: Counts;
  overTime: { periodStart: string; counts: Counts }[];
  byTheme: { theme: { id: string; slug: string; name: string }; counts: Counts }[];
  byCollege: { actorType: ActorType; counts: Counts }[];
  byDepartement: { code: string; name: string; counts: Counts }[];
  unlocated: Counts;
}

const COUNTS = 'proposals votes comments participants';
const FIELDS = `scope consultation { id slug title } period generatedAt minimumCellSize
  totals { ${COUNTS} } overTime { periodStart counts { ${COUNTS} } }
  byTheme { theme { id slug name } counts { ${COUNTS} } }
  byCollege { actorType counts { ${COUNTS} } }
  byDepartement { code name counts { ${COUNTS} } }
  unlocated { ${COUNTS} }`;
const PUBLIC_DASHBOARD = `query ($consultationId: ID, $period: DashboardPeriod) {
  participationDashboard(consultationId: $consultationId, period: $period) { ${FIELDS} }
}`;
const CURATOR_DASHBOARD = `query ($consultationId: ID, $period: DashboardPeriod) {
  curatorDashboard(consultationId: $consultationId, period: $period) { ${FIELDS} }
}`;

const DAY = 24 * 60 * 60 * 1000;
/** Noon UTC `days` days ago: 13:00 or 14:00 in Paris, so on the same calendar day there. */
function daysAgo(days: number): Date {
  const date = new Date(Date.now() - days * DAY);
  date.setUTCHours(12, 0, 0, 0);
  return date;
}
const parisDate = (date: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
const parisClock = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Paris',
    weekday: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

const counts = (proposals: number, votes: number, comments: number, participants: number) => ({
  proposals,
  votes,
  comments,
  participants,
});
const ZERO = counts(0, 0, 0, 0);
const SUPPRESSED = { proposals: null, votes: null, comments: null, participants: null };

const COMMUNE_BASSE_TERRE = 'COMMUNE-97105'; // Guadeloupe (971)
const CORSE_DU_SUD = 'DEPARTEMENT-2A';

/**
 * One consultation with known activity, Paris dates as days ago (D-8 … today):
 * - P1 by a1 (CITIZEN, Paris) on Paris, theme T1, D-6; P2 by a2 (ASSOCIATION, Saint-Étienne) on
 *   the Auvergne-Rhône-Alpes région (unlocated), themes T1 + T2, D-5;
 * - hidden P3 (themes T1 + T3) and draft P4 with votes and comments that must not count;
 * - six CITIZEN voters in Paris on P1 (D-3), an SME voter in Corse-du-Sud on P1 and P2 (D-3),
 *   a UNIVERSITY voter in Basse-Terre (971) on P2 (D-5), and a voter without a territory, now PTCE,
 *   whose vote on P2 was cast as LOCAL_AUTHORITY (D-6);
 * - comments by voter 1 on P1 (D-3) and by a2 on P1 (D-6); hidden and deleted comments on P1.
 * Nothing happens on D-4 (a gap), D-2, D-1, today, nor before D-6 (the phase opened on D-8).
 */
async function buildConsultation(themes: ThemeRef[]) {
  const [t1, t2, t3] = themes as [ThemeRef, ThemeRef, ThemeRef];
  const prisma = factoryPrisma();
  const consultation = await createConsultation({
    themeIds: [t1.id, t2.id],
    phases: [{ kind: 'PROPOSING', startsAt: daysAgo(8), endsAt: null }],
  });
  const a1 = await createUser({ actorType: 'CITIZEN', territoryId: TERRITORIES.paris });
  const a2 = await createUser({ actorType: 'ASSOCIATION', territoryId: TERRITORIES.saintEtienne });
  const citizens: CreatedUser[] = [];
  for (let index = 0; index < 6; index += 1) {
    citizens.push(await createUser({ actorType: 'CITIZEN', territoryId: TERRITORIES.paris }));
  }
  const sme = await createUser({ actorType: 'SME', territoryId: CORSE_DU_SUD });
  const university = await createUser({
    actorType: 'UNIVERSITY',
    territoryId: COMMUNE_BASSE_TERRE,
  });
  const nowhere = await createUser({ actorType: 'PTCE', territoryId: null });
  const [first, second, third, fourth, fifth] = citizens as [
    CreatedUser,
    CreatedUser,
    CreatedUser,
    CreatedUser,
    CreatedUser,
  ];

  const proposal = (
    authorId: string,
    themeIds: string[],
    createdAt: Date,
    extra: { territoryId?: string; status?: 'DRAFT' } = {},
  ) => createProposal({ consultationId: consultation.id, authorId, themeIds, createdAt, ...extra });
  const p1 = await proposal(a1.id, [t1.id], daysAgo(6), { territoryId: TERRITORIES.paris });
  const p2 = await proposal(a2.id, [t1.id, t2.id], daysAgo(5), {
    territoryId: TERRITORIES.auvergneRhoneAlpes,
  });
  const p3 = await proposal(a1.id, [t1.id, t3.id], daysAgo(5));
  await prisma.proposal.update({ where: { id: p3.id }, data: { hiddenAt: daysAgo(2) } });
  const p4 = await proposal(a2.id, [t1.id], daysAgo(5), { status: 'DRAFT' });

  const vote = (proposalId: string, userId: string, actorType: ActorType, createdAt: Date) =>
    prisma.vote.create({ data: { proposalId, userId, value: 'FOR', actorType, createdAt } });
  for (const citizen of citizens) await vote(p1.id, citizen.id, 'CITIZEN', daysAgo(3));
  await vote(p1.id, sme.id, 'SME', daysAgo(3));
  await vote(p2.id, sme.id, 'SME', daysAgo(3));
  await vote(p2.id, university.id, 'UNIVERSITY', daysAgo(5));
  await vote(p2.id, nowhere.id, 'LOCAL_AUTHORITY', daysAgo(6));
  // Votes on the hidden proposal and on the draft never count.
  await vote(p3.id, first.id, 'CITIZEN', daysAgo(3));
  await vote(p4.id, university.id, 'UNIVERSITY', daysAgo(3));

  const comment = (
    proposalId: string,
    authorId: string,
    createdAt: Date,
    extra: { hiddenAt?: Date; deletedAt?: Date; awaitingReview?: boolean } = {},
  ) =>
    prisma.comment.create({
      data: { proposalId, authorId, body: 'Un avis argumenté.', createdAt, ...extra },
    });
  await comment(p1.id, first.id, daysAgo(3));
  await comment(p1.id, a2.id, daysAgo(6));
  await comment(p1.id, second.id, daysAgo(3), { hiddenAt: daysAgo(2) });
  await comment(p1.id, third.id, daysAgo(3), { deletedAt: daysAgo(2) });
  await comment(p1.id, fourth.id, daysAgo(3), { hiddenAt: daysAgo(3), awaitingReview: true });
  await comment(p3.id, fifth.id, daysAgo(3));

  return {
    consultation,
    themes: { t1, t2, t3 },
    people: [a1, a2, ...citizens, sme, university, nowhere],
  };
}

describe('participation dashboard', () => {
  let api: TestApp;
  let themes: ThemeRef[];
  let fixture: Awaited<ReturnType<typeof buildConsultation>>;
  let curatorToken: string;

  beforeAll(async () => {
    api = await startTestApp();
    themes = await referenceThemes();
    fixture = await buildConsultation(themes);
    curatorToken = await api.tokenFor(await createUser({ role: 'CURATOR' }));
  });
  afterAll(async () => {
    await api.close();
    await closeFactories();
  });

  async function curatorView(period: 'DAY' | 'WEEK' | 'MONTH') {
    const result = await api.gql<{ curatorDashboard: Dashboard }>(
      CURATOR_DASHBOARD,
      { consultationId: fixture.consultation.id, period },
      { token: curatorToken },
    );
    return dataOf(result).curatorDashboard;
  }

  it('gives curators exact counts per collège, département, theme and in total', async () => {
    const dashboard = await curatorView('DAY');
    expect(dashboard.scope).toBe('CURATOR');
    expect(dashboard.period).toBe('DAY');
    expect(dashboard.minimumCellSize).toBeNull();
    expect(dashboard.consultation).toEqual({
      id: fixture.consultation.id,
      slug: fixture.consultation.slug,
      title: fixture.consultation.title,
    });
    expect(Math.abs(Date.parse(dashboard.generatedAt) - Date.now())).toBeLessThan(60_000);
    expect(dashboard.totals).toEqual(counts(2, 10, 2, 11));
    expect(dashboard.byCollege).toEqual([
      { actorType: 'CITIZEN', counts: counts(1, 6, 1, 7) },
      { actorType: 'ASSOCIATION', counts: counts(1, 0, 1, 1) },
      { actorType: 'ESS_ENTERPRISE', counts: ZERO },
      { actorType: 'SME', counts: counts(0, 2, 0, 1) },
      // The vote's collège as cast, not the voter's current one (PTCE).
      { actorType: 'LOCAL_AUTHORITY', counts: counts(0, 1, 0, 1) },
      { actorType: 'UNIVERSITY', counts: counts(0, 1, 0, 1) },
      { actorType: 'PTCE', counts: ZERO },
    ]);
    expect(dashboard.byDepartement).toEqual([
      { code: '2A', name: 'Corse-du-Sud', counts: counts(0, 2, 0, 1) },
      { code: '42', name: 'Loire', counts: counts(0, 0, 1, 1) },
      { code: '75', name: 'Paris', counts: counts(1, 6, 1, 7) },
      { code: '971', name: 'Guadeloupe', counts: counts(0, 1, 0, 1) },
    ]);
    // The régional proposal P2 and the voter without a territory.
    expect(dashboard.unlocated).toEqual(counts(1, 1, 0, 2));
    // The consultation's themes in display order (T1, T2); T3 only had hidden activity.
    const { t1, t2 } = fixture.themes;
    expect(dashboard.byTheme).toEqual([
      { theme: { id: t1.id, slug: t1.slug, name: t1.nameFr }, counts: counts(2, 10, 2, 11) },
      { theme: { id: t2.id, slug: t2.slug, name: t2.nameFr }, counts: counts(1, 3, 0, 4) },
    ]);
  });

  it('fills every day from the first phase to today, gaps with zeros, at Paris midnight', async () => {
    const dashboard = await curatorView('DAY');
    const first = parisDate(daysAgo(8));
    const today = parisDate(new Date());
    expect(dashboard.overTime).toHaveLength(daysBetween(first, today) + 1);
    for (const point of dashboard.overTime) {
      expect(parisClock(new Date(point.periodStart))).toMatch(/ 00:00$/);
    }
    const byDate = new Map(
      dashboard.overTime.map((point) => [parisDate(new Date(point.periodStart)), point.counts]),
    );
    expect([...byDate.keys()][0]).toBe(first);
    expect(byDate.get(parisDate(daysAgo(8)))).toEqual(ZERO);
    expect(byDate.get(parisDate(daysAgo(6)))).toEqual(counts(1, 1, 1, 3));
    expect(byDate.get(parisDate(daysAgo(5)))).toEqual(counts(1, 1, 0, 2));
    expect(byDate.get(parisDate(daysAgo(4)))).toEqual(ZERO);
    expect(byDate.get(parisDate(daysAgo(3)))).toEqual(counts(0, 8, 1, 7));
    expect(byDate.get(today)).toEqual(ZERO);
  });

  it.each(['WEEK', 'MONTH'] as const)(
    'groups by %s from Paris midnight, and the periods add up to the totals',
    async (period) => {
      const dashboard = await curatorView(period);
      const sum = (key: keyof Counts) =>
        dashboard.overTime.reduce((total, point) => total + (point.counts[key] ?? 0), 0);
      expect([sum('proposals'), sum('votes'), sum('comments')]).toEqual([2, 10, 2]);
      for (const point of dashboard.overTime) {
        const clock = parisClock(new Date(point.periodStart));
        expect(clock).toMatch(period === 'WEEK' ? /^Mon \d+, 00:00$/ : /^\w+ 1, 00:00$/);
      }
      const starts = dashboard.overTime.map((point) => Date.parse(point.periodStart));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(starts.at(-1)).toBeLessThanOrEqual(Date.now());
    },
  );

  it('suppresses the public cells of fewer than 5 participants, never the totals', async () => {
    const result = await api.gql<{ participationDashboard: Dashboard }>(PUBLIC_DASHBOARD, {
      consultationId: fixture.consultation.id,
      period: 'DAY',
    });
    const dashboard = dataOf(result).participationDashboard;
    expect(dashboard.scope).toBe('PUBLIC');
    expect(dashboard.minimumCellSize).toBe(5);
    expect(dashboard.totals).toEqual(counts(2, 10, 2, 11));
    expect(dashboard.byCollege).toEqual([
      { actorType: 'CITIZEN', counts: counts(1, 6, 1, 7) },
      { actorType: 'ASSOCIATION', counts: SUPPRESSED },
      { actorType: 'ESS_ENTERPRISE', counts: ZERO },
      { actorType: 'SME', counts: SUPPRESSED },
      { actorType: 'LOCAL_AUTHORITY', counts: SUPPRESSED },
      { actorType: 'UNIVERSITY', counts: SUPPRESSED },
      { actorType: 'PTCE', counts: ZERO },
    ]);
    expect(dashboard.byDepartement).toEqual([
      { code: '2A', name: 'Corse-du-Sud', counts: SUPPRESSED },
      { code: '42', name: 'Loire', counts: SUPPRESSED },
      { code: '75', name: 'Paris', counts: counts(1, 6, 1, 7) },
      { code: '971', name: 'Guadeloupe', counts: SUPPRESSED },
    ]);
    expect(dashboard.unlocated).toEqual(SUPPRESSED);
    expect(dashboard.byTheme.map((row) => row.counts)).toEqual(
      dashboard.byTheme.map((row) =>
        row.theme.id === fixture.themes.t1.id ? counts(2, 10, 2, 11) : SUPPRESSED,
      ),
    );
    const byDate = new Map(
      dashboard.overTime.map((point) => [parisDate(new Date(point.periodStart)), point.counts]),
    );
    expect(byDate.get(parisDate(daysAgo(6)))).toEqual(SUPPRESSED);
    expect(byDate.get(parisDate(daysAgo(5)))).toEqual(SUPPRESSED);
    expect(byDate.get(parisDate(daysAgo(4)))).toEqual(ZERO);
    expect(byDate.get(parisDate(daysAgo(3)))).toEqual(counts(0, 8, 1, 7));
  });

  it('shows nobody’s id, e-mail or name in either scope', async () => {
    const texts = [
      (
        await api.gql(PUBLIC_DASHBOARD, {
          consultationId: fixture.consultation.id,
          period: 'WEEK',
        })
      ).text,
      (
        await api.gql(
          CURATOR_DASHBOARD,
          { consultationId: fixture.consultation.id, period: 'WEEK' },
          { token: curatorToken },
        )
      ).text,
    ];
    for (const text of texts) {
      expect(text).toContain('"totals"');
      for (const person of fixture.people) {
        expect(text).not.toContain(person.id);
        expect(text).not.toContain(person.email);
        expect(text).not.toContain(person.displayName);
      }
      expect(text).not.toMatch(/@example\.org/);
    }
  });

  it('counts the whole platform without a consultation, public content only', async () => {
    const result = await api.gql<{ curatorDashboard: Dashboard }>(
      CURATOR_DASHBOARD,
      {},
      { token: curatorToken },
    );
    const dashboard = dataOf(result).curatorDashboard;
    expect(dashboard.consultation).toBeNull();
    expect(dashboard.period).toBe('WEEK');
    expect(dashboard.byTheme.map((row) => row.theme.id)).toEqual(themes.map((theme) => theme.id));
    // Other suites' data may be there too: at least this consultation's activity.
    expect(dashboard.totals.votes).toBeGreaterThanOrEqual(10);
    const sum = dashboard.overTime.reduce((total, point) => total + (point.counts.votes ?? 0), 0);
    expect(sum).toBeLessThanOrEqual(dashboard.totals.votes ?? 0);
    expect(dashboard.overTime.length).toBeLessThanOrEqual(400);
  });

  it('keeps the latest 400 periods of a long consultation', async () => {
    const old = await createConsultation({
      phases: [{ kind: 'PROPOSING', startsAt: daysAgo(500), endsAt: null }],
    });
    const result = await api.gql<{ participationDashboard: Dashboard }>(PUBLIC_DASHBOARD, {
      consultationId: old.id,
      period: 'DAY',
    });
    const { overTime, totals } = dataOf(result).participationDashboard;
    expect(overTime).toHaveLength(400);
    expect(parisDate(new Date(overTime.at(-1)?.periodStart ?? 0))).toBe(parisDate(new Date()));
    expect(overTime.every((point) => point.counts.votes === 0)).toBe(true);
    expect(totals).toEqual(ZERO);
  });

  it('answers in a bounded number of SQL statements', async () => {
    const { result, statements } = await countSqlStatements(() =>
      api.gql<{ curatorDashboard: Dashboard }>(
        CURATOR_DASHBOARD,
        { consultationId: fixture.consultation.id, period: 'DAY' },
        { token: curatorToken },
      ),
    );
    expect(dataOf(result).curatorDashboard.totals.votes).toBe(10);
    // The consultation, then every aggregate in one statement.
    expect(statements.length).toBeLessThanOrEqual(3);
    expect(statements.filter((sql) => /GROUPING SETS/.test(sql))).toHaveLength(1);
    expect(statements.filter((sql) => /users/i.test(sql) && /email/i.test(sql))).toEqual([]);
  });

  it('refuses the curator dashboard to anonymous visitors and participants', async () => {
    const variables = { consultationId: fixture.consultation.id };
    const anonymous = await api.gql(CURATOR_DASHBOARD, variables);
    expect(firstError(anonymous).extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.['curatorDashboard'] ?? null).toBeNull();
    const participant = await api.gql(CURATOR_DASHBOARD, variables, {
      token: await api.tokenFor(await createUser()),
    });
    expect(firstError(participant).extensions?.code).toBe('FORBIDDEN');
    expect(participant.data?.['curatorDashboard'] ?? null).toBeNull();
    const admin = await api.gql<{ curatorDashboard: Dashboard }>(CURATOR_DASHBOARD, variables, {
      token: await api.tokenFor(await createUser({ role: 'ADMIN' })),
    });
    expect(dataOf(admin).curatorDashboard.totals).toEqual(counts(2, 10, 2, 11));
  });

  it.each([
    ['an unknown consultation', '7a1f3c1e-55b2-4c8e-9d0a-3f2b1c4d5e6f'],
    ['a malformed id', 'not-an-id'],
  ])('answers NOT_FOUND for %s', async (_, consultationId) => {
    const result = await api.gql(PUBLIC_DASHBOARD, { consultationId });
    const error = firstError(result);
    expect(error.extensions?.code).toBe('NOT_FOUND');
    expect(error.extensions?.reason).toBe('CONSULTATION_NOT_FOUND');
  });

  it('refuses an unknown period', async () => {
    const result = await api.gql(PUBLIC_DASHBOARD, {
      consultationId: fixture.consultation.id,
      period: 'YEAR',
    });
    expect(firstError(result).message).toMatch(/DashboardPeriod/);
    expect(result.data ?? null).toBeNull();
  });

  it('hides a second collège with a lone small one, and serves public figures from a 30 s cache', async () => {
    const prisma = factoryPrisma();
    const consultation = await createConsultation({
      phases: [{ kind: 'PROPOSING', startsAt: daysAgo(3), endsAt: null }],
    });
    const author = await createUser({ actorType: 'CITIZEN', territoryId: TERRITORIES.paris });
    const proposal = await createProposal({
      consultationId: consultation.id,
      authorId: author.id,
      createdAt: daysAgo(2),
    });
    const voters: [ActorType, number][] = [
      ['CITIZEN', 6],
      ['ASSOCIATION', 5],
      ['SME', 2],
    ];
    for (const [actorType, count] of voters) {
      for (let index = 0; index < count; index += 1) {
        const voter = await createUser({ actorType, territoryId: TERRITORIES.paris });
        await prisma.vote.create({
          data: { proposalId: proposal.id, userId: voter.id, value: 'FOR', actorType },
        });
      }
    }
    const variables = { consultationId: consultation.id, period: 'MONTH' };
    const read = async () =>
      dataOf(await api.gql<{ participationDashboard: Dashboard }>(PUBLIC_DASHBOARD, variables))
        .participationDashboard;
    const first = await read();
    const college = (dashboard: Dashboard, actorType: ActorType) =>
      dashboard.byCollege.find((row) => row.actorType === actorType)?.counts;
    // SME (2 voters) is small; ASSOCIATION, the smallest other collège, is hidden with it, or
    // the totals minus the collèges shown would give SME's figures away.
    expect(college(first, 'SME')).toEqual(SUPPRESSED);
    expect(college(first, 'ASSOCIATION')).toEqual(SUPPRESSED);
    expect(college(first, 'CITIZEN')).toEqual(counts(1, 6, 0, 7));
    expect(first.totals).toEqual(counts(1, 13, 0, 14));

    const late = await createUser({ actorType: 'CITIZEN', territoryId: TERRITORIES.paris });
    await prisma.vote.create({
      data: { proposalId: proposal.id, userId: late.id, value: 'AGAINST', actorType: 'CITIZEN' },
    });
    const again = await read();
    expect(again.generatedAt).toBe(first.generatedAt);
    expect(again.totals.votes).toBe(13);
    const curator = dataOf(
      await api.gql<{ curatorDashboard: Dashboard }>(CURATOR_DASHBOARD, variables, {
        token: curatorToken,
      }),
    ).curatorDashboard;
    expect(curator.totals.votes).toBe(14);
    expect(college(curator, 'SME')).toEqual(counts(0, 2, 0, 2));
  });
});
