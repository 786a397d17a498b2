// French demo data: one open consultation, one account per role, participants of every collège,
// organisations, proposals with their revision and status history, votes and comments.
// Idempotent (skipped when the demo consultation exists) and deterministic: ids are derived
// from stable keys and "random" choices come from a seeded generator.
import { createHash } from 'node:crypto';
import * as argon2 from 'argon2';
import { renderMarkdown } from '../../apps/api/src/common/markdown/markdown';
import type { PrismaClient, Prisma } from '../../apps/api/src/generated/prisma/client';
import { TERMS_VERSION } from '../../libs/domain/src/privacy/privacy';
import { proposalScores } from '../../libs/domain/src/rankings/scores';
import { seedDemoAmendments } from './demo-amendments';
import { demoBriefRows } from './demo-brief';
import { seedDemoExperiments } from './demo-experiments';
import { seedDemoLocal } from './demo-local';
import { seedDemoReports } from './demo-reports';
import {
  DEMO_COMMENTS,
  DEMO_CONSULTATION,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_PROPOSALS,
  DEMO_REPLIES,
  type DemoProposal,
} from './demo-content';
import { THEMES } from './reference';

export { DEMO_CONSULTATION, DEMO_PASSWORD } from './demo-content';

export interface DemoAccount {
  role: 'PARTICIPANT' | 'MODERATOR' | 'CURATOR' | 'ADMIN';
  email: string;
  password: string;
  displayName: string;
}

/** The accounts printed by `npm start` in demo mode (every other demo participant uses the same password). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO_PEOPLE.filter((p) =>
  ['participant', 'moderator', 'curator', 'admin'].includes(p.key),
).map((p) => ({
  role: p.role,
  email: p.email,
  password: DEMO_PASSWORD,
  displayName: p.displayName,
}));

/** A stable UUID (version 5 layout) for a demo key, so demo rows keep their ids across installs. */
export function demoId(key: string): string {
  const hash = createHash('sha1').update(`passerelle-demo:${key}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** mulberry32: a small seeded generator, so every install gets the same votes and comments. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function proposalBody(p: DemoProposal): string {
  return [
    '## Constat',
    '',
    p.constat,
    '',
    '## Ce que nous proposons',
    '',
    ...p.propositions.map((line) => `- ${line}`),
    '',
    '## Mise en œuvre',
    '',
    p.miseEnOeuvre,
  ].join('\n');
}

type VoteValue = 'FOR' | 'AGAINST' | 'NEUTRAL';

/** How a collège leans compared with the proposal's overall support (moves votes between FOR and AGAINST). */
function collegeNudge(actorType: string, p: DemoProposal): number {
  if (actorType === 'SME' && (p.lever === 'LAW' || p.lever === 'REGULATION')) return -0.25;
  if (actorType === 'LOCAL_AUTHORITY' && p.competentLevel === 'STATE' && p.lever !== 'BUDGET')
    return -0.15;
  if (
    ['ESS_ENTERPRISE', 'ASSOCIATION', 'PTCE'].includes(actorType) &&
    p.themes.some((t) => t.startsWith('democratie') || t === 'cooperation-territoriale')
  )
    return 0.1;
  return 0;
}

/**
 * Two camps of demo voters on top of the individual ones, so that the opinion-groups job finds a
 * real divide in the demo: the « règles communes » camp backs binding rules (laws, regulations,
 * mandatory schemes), the « incitations » camp tax incentives and voluntary routes; both back
 * the proposals that are not contested. Their votes come from a generator of their own, so the
 * other votes and comments of every install stay as they were.
 */
const CAMP_LEANS: Readonly<Record<string, DemoCamp>> = {
  'salaries-conseils-administration': 'rules',
  'sobriete-eclairage-public': 'rules',
  'agrivoltaisme-gouvernance-locale': 'rules',
  'usagers-gouvernance-regies': 'rules',
  'spaser-obligatoire': 'rules',
  'reduction-impot-cooperatives-energie': 'incentives',
  'epargne-salariale-territoriale': 'incentives',
  'monnaie-locale-services-publics': 'incentives',
  'plateformes-cooperatives-tourisme': 'incentives',
  'livraison-velo-cooperative': 'incentives',
};
type DemoCamp = 'rules' | 'incentives';

const CAMP_NAMES: Readonly<Record<DemoCamp, readonly string[]>> = {
  rules: [
    'Agathe Roussel',
    'Bastien Caron',
    'Chloé Perrin',
    'Damien Lemaire',
    'Émilie Vasseur',
    'Florian Baron',
    'Gaëlle Renaud',
    'Héloïse Marchand',
    'Ismaël Haddad',
    'Josiane Colin',
    'Léo Fabre',
    'Manon Girard',
  ],
  incentives: [
    'Nathan Aubert',
    'Océane Barbier',
    'Pascal Lemoine',
    'Quentin Royer',
    'Rose Guillot',
    'Samuel Hoarau',
    'Tiphaine Le Gall',
    'Ulysse Navarro',
    'Valérie Dumont',
    'William Besson',
    'Yasmine Chevalier',
    'Zoé Arnaud',
  ],
};
const CAMP_COLLEGES = [
  'CITIZEN',
  'ASSOCIATION',
  'ESS_ENTERPRISE',
  'SME',
  'LOCAL_AUTHORITY',
  'UNIVERSITY',
  'PTCE',
] as const;

/** FOR, AGAINST (the rest NEUTRAL) shares of a camp voter on a proposal. */
function campShares(camp: DemoCamp, p: DemoProposal): [number, number] {
  const lean = CAMP_LEANS[p.key];
  if (lean === undefined) return [Math.min(0.92, p.support[0] + 0.12), p.support[1] / 2];
  return lean === camp ? [0.9, 0.03] : [0.05, 0.85];
}

/**
 * Creates the demo data unless the demo consultation exists. Everything is written in one
 * transaction, so a failed run leaves nothing behind and the next run starts again.
 */
export async function seedDemoData(
  prisma: PrismaClient,
  { now = new Date(), log = console.log }: { now?: Date; log?: (line: string) => void } = {},
): Promise<void> {
  const started = performance.now();
  const existing = await prisma.consultation.findUnique({
    where: { slug: DEMO_CONSULTATION.slug },
    select: { id: true },
  });
  if (existing) {
    log(
      `Demo data present (consultation "${DEMO_CONSULTATION.slug}"), ${Math.round(performance.now() - started)} ms`,
    );
    await seedDemoLocal(prisma, demoId, { now, log });
    await seedDemoExperiments(prisma, demoId, { now, log });
    await seedDemoAmendments(prisma, demoId, { now, log });
    await seedDemoReports(prisma, demoId, { now, log });
    return;
  }

  // Every commune the demo refers to must exist (reference data first).
  const communeIds = [
    ...new Set(
      [...DEMO_PEOPLE, ...DEMO_ORGANISATIONS, ...DEMO_PROPOSALS].map((x) => `COMMUNE-${x.commune}`),
    ),
  ];
  const found = await prisma.territory.findMany({
    where: { id: { in: communeIds } },
    select: { id: true, name: true },
  });
  const missing = communeIds.filter((id) => !found.some((t) => t.id === id));
  if (missing.length)
    throw new Error(
      `Demo data needs the reference territories first; missing: ${missing.join(', ')}`,
    );
  const themes = await prisma.theme.findMany({
    where: { slug: { in: THEMES.map((t) => t.slug) } },
  });
  const themeId = (slug: string) => {
    const theme = themes.find((t) => t.slug === slug);
    if (!theme) throw new Error(`Demo data needs theme "${slug}" (seed the reference data first)`);
    return theme.id;
  };

  const t0 = now.getTime();
  const random = seededRandom(20_191_017);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // A second generator for the upvoters and followers, so the first one's sequence (and with it
  // the votes and comments of every install) stays as it was.
  const random2 = seededRandom(20_260_101);
  /** `count` distinct items, drawn with random2. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const drawn: T[] = [];
    while (drawn.length < count && pool.length) {
      drawn.push(pool.splice(Math.floor(random2() * pool.length), 1)[0]);
    }
    return drawn;
  };

  // The demo password is public, so one argon2id hash serves every demo account: hashing 17 times
  // would add ~2.5 s to every fresh demo database (each browser-test run starts one).
  const hash = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id });
  const people = DEMO_PEOPLE.map((p) => ({ ...p, id: demoId(`user:${p.key}`), hash }));
  const personByKey = new Map(people.map((p) => [p.key, p]));
  const person = (key: string) => {
    const found = personByKey.get(key);
    if (!found) throw new Error(`Unknown demo person "${key}"`);
    return found;
  };
  const voters = people.filter((p) => p.role === 'PARTICIPANT');
  const unknownLeans = Object.keys(CAMP_LEANS).filter(
    (key) => !DEMO_PROPOSALS.some((p) => p.key === key),
  );
  if (unknownLeans.length) throw new Error(`Unknown demo proposals: ${unknownLeans.join(', ')}`);
  const campRandom = seededRandom(20_261_126);
  const communes = [...new Set(DEMO_PEOPLE.map((p) => p.commune))];
  const campVoters = (['rules', 'incentives'] as const).flatMap((camp) =>
    CAMP_NAMES[camp].map((displayName, index) => {
      const key = `camp-${camp}-${index}`;
      const slug = displayName
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z]+/g, '.');
      return {
        key,
        camp,
        id: demoId(`user:${key}`),
        email: `${slug}@demo.passerelle.fr`,
        displayName,
        actorType: CAMP_COLLEGES[(index + (camp === 'rules' ? 0 : 3)) % CAMP_COLLEGES.length],
        commune: communes[(index * 5 + (camp === 'rules' ? 1 : 2)) % communes.length],
      };
    }),
  );

  const users: Prisma.UserCreateManyInput[] = people.map((p, index) => ({
    id: p.id,
    email: p.email,
    displayName: p.displayName,
    passwordHash: p.hash,
    role: p.role,
    actorType: p.actorType,
    territoryId: `COMMUNE-${p.commune}`,
    createdAt: new Date(t0 - 60 * DAY + index * HOUR),
    // Demo accounts have confirmed their address (no verification banner, notification e-mails).
    emailVerifiedAt: new Date(t0 - 60 * DAY + index * HOUR),
    // …and accepted the terms at sign-up.
    termsAcceptedAt: new Date(t0 - 60 * DAY + index * HOUR),
    termsVersion: TERMS_VERSION,
  }));
  campVoters.forEach((v, index) =>
    users.push({
      id: v.id,
      email: v.email,
      displayName: v.displayName,
      passwordHash: hash,
      role: 'PARTICIPANT',
      actorType: v.actorType,
      territoryId: `COMMUNE-${v.commune}`,
      createdAt: new Date(t0 - 50 * DAY + index * HOUR),
      emailVerifiedAt: new Date(t0 - 50 * DAY + index * HOUR),
      termsAcceptedAt: new Date(t0 - 50 * DAY + index * HOUR),
      termsVersion: TERMS_VERSION,
    }),
  );

  const organisations: Prisma.OrganisationCreateManyInput[] = DEMO_ORGANISATIONS.map(
    (o, index) => ({
      id: demoId(`organisation:${o.key}`),
      name: o.name,
      actorType: o.actorType,
      siret: o.siret,
      territoryId: `COMMUNE-${o.commune}`,
      createdAt: new Date(t0 - 58 * DAY + index * HOUR),
    }),
  );
  const memberships: Prisma.OrganisationMembershipCreateManyInput[] = DEMO_ORGANISATIONS.flatMap(
    (o) => [
      ...o.managers.map((key) => ({
        userId: person(key).id,
        organisationId: demoId(`organisation:${o.key}`),
        role: 'MANAGER' as const,
      })),
      ...o.members.map((key) => ({
        userId: person(key).id,
        organisationId: demoId(`organisation:${o.key}`),
        role: 'MEMBER' as const,
      })),
    ],
  );

  const consultationId = demoId(`consultation:${DEMO_CONSULTATION.slug}`);
  const phase = (
    kind: 'PROPOSING' | 'VOTING' | 'CURATING' | 'CLOSED',
    startDays: number,
    endDays: number | null,
  ) => ({
    id: demoId(`phase:${DEMO_CONSULTATION.slug}:${kind}`),
    consultationId,
    kind,
    startsAt: new Date(t0 + startDays * DAY),
    endsAt: endDays === null ? null : new Date(t0 + endDays * DAY),
  });
  const phases = [
    phase('PROPOSING', -45, 120),
    phase('VOTING', -40, 150),
    phase('CURATING', 150, 210),
    phase('CLOSED', 210, null),
  ];

  const proposals: Prisma.ProposalCreateManyInput[] = [];
  const proposalThemes: Prisma.ProposalThemeCreateManyInput[] = [];
  const revisions: Prisma.ProposalRevisionCreateManyInput[] = [];
  const statusChanges: Prisma.ProposalStatusChangeCreateManyInput[] = [];
  const votes: Prisma.VoteCreateManyInput[] = [];
  const comments: Prisma.CommentCreateManyInput[] = [];
  const collegeCounts: Prisma.ProposalCollegeCountCreateManyInput[] = [];
  const commentRevisions: Prisma.CommentRevisionCreateManyInput[] = [];
  const commentUpvotes: Prisma.CommentUpvoteCreateManyInput[] = [];
  const follows: Prisma.ProposalFollowCreateManyInput[] = [];

  // Proposals arrive over the 40 days before `now`, the first of the list being the oldest.
  const span = 40 * DAY;
  DEMO_PROPOSALS.forEach((p, index) => {
    const id = demoId(`proposal:${p.key}`);
    const author = person(p.author);
    const organisation = p.organisation
      ? DEMO_ORGANISATIONS.find((o) => o.key === p.organisation)
      : undefined;
    if (p.organisation && !organisation)
      throw new Error(`Unknown demo organisation "${p.organisation}"`);
    if (organisation && ![...organisation.managers, ...organisation.members].includes(p.author)) {
      throw new Error(
        `Demo proposal "${p.key}": ${p.author} is not a member of ${organisation.key}`,
      );
    }
    const createdAt = new Date(
      t0 -
        span +
        Math.round(((index + 0.3 + random() * 0.5) / DEMO_PROPOSALS.length) * (span - 2 * DAY)),
    );
    const body = proposalBody(p);

    // Votes: most participants vote on most proposals, following the proposal's support profile,
    // nudged by collège so that per-collège bars differ.
    const counts: Record<VoteValue, number> = { FOR: 0, AGAINST: 0, NEUTRAL: 0 };
    const votersFor: string[] = [];
    const votersAgainst: string[] = [];
    const votersNeutral: string[] = [];
    /** Counts and records a vote cast `delay` after the proposal (at least an hour, before t0). */
    const addVote = (
      voter: { key: string; id: string; actorType: Prisma.VoteCreateManyInput['actorType'] },
      value: VoteValue,
      delay: number,
    ) => {
      counts[value] += 1;
      const votedAt = new Date(Math.min(t0 - HOUR, createdAt.getTime() + Math.round(delay) + HOUR));
      votes.push({
        id: demoId(`vote:${p.key}:${voter.key}`),
        proposalId: id,
        userId: voter.id,
        value,
        actorType: voter.actorType,
        createdAt: votedAt,
        updatedAt: votedAt,
      });
    };
    for (const voter of voters) {
      if (voter.key === p.author || random() > 0.72) continue;
      const nudge = collegeNudge(voter.actorType, p);
      const shareFor = Math.min(1, Math.max(0, p.support[0] + nudge));
      const shareAgainst = Math.min(1 - shareFor, Math.max(0, p.support[1] - nudge));
      const roll = random();
      const value: VoteValue =
        roll < shareFor ? 'FOR' : roll < shareFor + shareAgainst ? 'AGAINST' : 'NEUTRAL';
      (value === 'FOR' ? votersFor : value === 'AGAINST' ? votersAgainst : votersNeutral).push(
        voter.key,
      );
      addVote(voter, value, random() * 10 * DAY);
    }

    // The camps' votes (see CAMP_LEANS): nearly all on the contested proposals, about two in
    // three on the others.
    for (const voter of campVoters) {
      if (campRandom() > (CAMP_LEANS[p.key] ? 0.95 : 0.65)) continue;
      const [shareFor, shareAgainst] = campShares(voter.camp, p);
      const roll = campRandom();
      const value: VoteValue =
        roll < shareFor ? 'FOR' : roll < shareFor + shareAgainst ? 'AGAINST' : 'NEUTRAL';
      addVote(voter, value, campRandom() * 12 * DAY);
    }

    // Per-collège counters, equal to the vote rows.
    const byCollege = new Map<string, Record<VoteValue, number>>();
    for (const vote of votes.filter((v) => v.proposalId === id)) {
      const college = byCollege.get(vote.actorType) ?? { FOR: 0, AGAINST: 0, NEUTRAL: 0 };
      college[vote.value as VoteValue] += 1;
      byCollege.set(vote.actorType, college);
    }
    for (const [actorType, college] of byCollege) {
      collegeCounts.push({
        proposalId: id,
        actorType: actorType as Prisma.ProposalCollegeCountCreateManyInput['actorType'],
        votesFor: college.FOR,
        votesAgainst: college.AGAINST,
        votesNeutral: college.NEUTRAL,
      });
    }

    // Comments: 0 to 3 top-level comments, a reply to some of them; the commenter's stance
    // matches their vote when they voted.
    const proposalComments: Prisma.CommentCreateManyInput[] = [];
    const topLevel = Math.floor(random() * 4);
    const usedBodies = new Set<number>();
    for (let c = 0; c < topLevel; c += 1) {
      let bodyIndex = Math.floor(random() * DEMO_COMMENTS.length);
      while (usedBodies.has(bodyIndex)) bodyIndex = (bodyIndex + 1) % DEMO_COMMENTS.length;
      usedBodies.add(bodyIndex);
      const template = DEMO_COMMENTS[bodyIndex];
      const pool =
        template.stance === 'FOR'
          ? votersFor
          : template.stance === 'AGAINST'
            ? votersAgainst
            : template.stance === 'NEUTRAL'
              ? votersNeutral
              : [];
      const commenterKey = pool.length
        ? pick(pool)
        : pick(voters.filter((v) => v.key !== p.author)).key;
      const commentedAt = new Date(
        Math.min(t0 - 2 * HOUR, createdAt.getTime() + Math.round((c + 1 + random()) * DAY)),
      );
      const commentId = demoId(`comment:${p.key}:${c}`);
      proposalComments.push({
        id: commentId,
        proposalId: id,
        authorId: person(commenterKey).id,
        body: template.body,
        bodyHtml: renderMarkdown(template.body),
        stance: template.stance,
        upvotes: Math.floor(random() * 8),
        createdAt: commentedAt,
        updatedAt: commentedAt,
      });
      if (random() < 0.45) {
        const reply = pick(DEMO_REPLIES);
        const replierKey = reply.byAuthor
          ? p.author
          : pick(voters.filter((v) => v.key !== commenterKey && v.key !== p.author)).key;
        const repliedAt = new Date(
          Math.min(t0 - HOUR, commentedAt.getTime() + Math.round((2 + random() * 20) * HOUR)),
        );
        proposalComments.push({
          id: demoId(`comment:${p.key}:${c}:reply`),
          proposalId: id,
          authorId: person(replierKey).id,
          parentId: commentId,
          body: reply.body,
          bodyHtml: renderMarkdown(reply.body),
          stance: 'NONE',
          upvotes: Math.floor(random() * 4),
          createdAt: repliedAt,
          updatedAt: repliedAt,
        });
      }
    }
    comments.push(...proposalComments);

    // Each comment's first revision, its upvotes (never by its author; as many rows as its
    // counter says) and follows: the author and every commenter follow the proposal, plus a few.
    const followers = new Set<string>([author.id]);
    for (const comment of proposalComments) {
      commentRevisions.push({
        id: demoId(`comment-revision:${comment.id}:1`),
        commentId: comment.id as string,
        body: comment.body,
        editorId: comment.authorId,
        createdAt: comment.createdAt,
      });
      const upvoters = sample(
        voters.filter((v) => v.id !== comment.authorId),
        comment.upvotes ?? 0,
      );
      comment.upvotes = upvoters.length;
      commentUpvotes.push(
        ...upvoters.map((v) => ({
          commentId: comment.id as string,
          userId: v.id,
          createdAt: comment.createdAt,
        })),
      );
      followers.add(comment.authorId);
    }
    for (const v of sample(voters, 2)) followers.add(v.id);
    follows.push(...[...followers].map((userId) => ({ proposalId: id, userId, createdAt })));

    proposals.push({
      id,
      consultationId,
      authorId: author.id,
      organisationId: organisation ? demoId(`organisation:${organisation.key}`) : null,
      title: p.title,
      summary: p.summary,
      body,
      bodyHtml: renderMarkdown(body),
      territoryId: `COMMUNE-${p.commune}`,
      competentLevel: p.competentLevel,
      lever: p.lever,
      experiment: p.experiment ?? null,
      measuredImpact: p.measuredImpact ?? null,
      status: 'PUBLISHED',
      version: 1,
      votesFor: counts.FOR,
      votesAgainst: counts.AGAINST,
      votesNeutral: counts.NEUTRAL,
      ...proposalScores(
        { votesFor: counts.FOR, votesAgainst: counts.AGAINST, votesNeutral: counts.NEUTRAL },
        createdAt,
      ),
      commentsCount: proposalComments.length,
      publishedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    });
    proposalThemes.push(...p.themes.map((slug) => ({ proposalId: id, themeId: themeId(slug) })));
    revisions.push({
      id: demoId(`revision:${p.key}:1`),
      proposalId: id,
      version: 1,
      title: p.title,
      summary: p.summary,
      body,
      bodyHtml: renderMarkdown(body),
      experiment: p.experiment ?? null,
      measuredImpact: p.measuredImpact ?? null,
      editorId: author.id,
      createdAt,
    });
    statusChanges.push({
      id: demoId(`status:${p.key}:1`),
      proposalId: id,
      fromStatus: null,
      toStatus: 'PUBLISHED',
      actorId: author.id,
      reason: null,
      createdAt,
    });
  });

  // The published national contribution (it makes the proposals it cites RETAINED).
  const brief = demoBriefRows({
    consultationId,
    curatorId: person('curator').id,
    publishedAt: new Date(t0 - HOUR / 2),
    proposalId: (key) => demoId(`proposal:${key}`),
    proposals,
    comments,
    collegeCounts,
    statusChanges,
    authorActorType: (proposalId) => {
      const p = DEMO_PROPOSALS.find((d) => demoId(`proposal:${d.key}`) === proposalId);
      return person(p?.author ?? '').actorType;
    },
    territoryName: (territoryId) => found.find((t) => t.id === territoryId)?.name ?? territoryId,
    demoId,
  });

  await prisma.$transaction(
    async (tx) => {
      await tx.user.createMany({ data: users });
      await tx.organisation.createMany({ data: organisations });
      await tx.organisationMembership.createMany({ data: memberships });
      await tx.consultation.create({
        data: {
          id: consultationId,
          slug: DEMO_CONSULTATION.slug,
          title: DEMO_CONSULTATION.title,
          description: DEMO_CONSULTATION.description,
          createdAt: new Date(t0 - 50 * DAY),
        },
      });
      await tx.consultationPhase.createMany({ data: phases });
      await tx.consultationTheme.createMany({
        data: themes.map((t) => ({ consultationId, themeId: t.id })),
      });
      await tx.proposal.createMany({ data: proposals });
      await tx.proposalTheme.createMany({ data: proposalThemes });
      await tx.proposalRevision.createMany({ data: revisions });
      await tx.proposalStatusChange.createMany({ data: statusChanges });
      await tx.vote.createMany({ data: votes });
      // Parents before replies (the self-relation is checked row by row).
      await tx.comment.createMany({ data: comments.filter((c) => !c.parentId) });
      await tx.comment.createMany({ data: comments.filter((c) => c.parentId) });
      await tx.proposalCollegeCount.createMany({ data: collegeCounts });
      await tx.commentRevision.createMany({ data: commentRevisions });
      await tx.commentUpvote.createMany({ data: commentUpvotes });
      await tx.proposalFollow.createMany({ data: follows });
      await tx.brief.createMany({ data: [brief.brief] });
      await tx.briefConsultation.createMany({ data: [brief.consultation] });
      await tx.briefSection.createMany({ data: brief.sections });
      await tx.briefCitation.createMany({ data: brief.citations });
      await tx.briefVersion.createMany({ data: [brief.version] });
      await tx.auditLogEntry.createMany({ data: [brief.audit] });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );

  log(
    `Demo data: 1 consultation, ${users.length} accounts, ${organisations.length} organisations, ${proposals.length} proposals, ` +
      `${votes.length} votes, ${comments.length} comments, ${commentUpvotes.length} comment upvotes, ` +
      `${follows.length} follows, 1 published contribution, ${Math.round(performance.now() - started)} ms`,
  );
  await seedDemoLocal(prisma, demoId, { now, log });
  await seedDemoExperiments(prisma, demoId, { now, log });
  await seedDemoAmendments(prisma, demoId, { now, log });
  await seedDemoReports(prisma, demoId, { now, log });
}
