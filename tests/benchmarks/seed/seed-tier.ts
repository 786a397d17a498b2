/**
 * Benchmark data generator: fills a migrated PostgreSQL database with a tier of realistic French
 * data (participants, organisations, consultations, proposals, votes, comments) by bulk COPY,
 * then makes every stored counter equal to its rows with set-based SQL.
 *
 *   seedTier({ url, tier: 'S' })   // used by `npm run bench:seed` (seed.ts) and other benches
 *
 * - Deterministic: every row comes from a seeded generator keyed by its index (mulberry32), and
 *   dates are relative to midnight UTC of the run's day (`now` option): two runs the same day
 *   write the same rows.
 * - Streamed: rows are generated one at a time into `COPY … FROM STDIN`; only small typed arrays
 *   per participant and per proposal are kept (a few MB at tier L).
 * - Long tail: proposal popularity follows a Zipf law (weight 1 / (rank + 10)), so a few proposals
 *   get thousands of votes and most get a handful; voters, commenters and authors are drawn
 *   with activity skewed the same way. Each participant votes at most once per proposal.
 * - Territories follow population: participants and organisations live in a commune drawn in
 *   proportion to its population (territories reference data); proposals are about the author's
 *   commune, département or région.
 * - Accounts: `bench-<n>@example.org`, password `passerelle-bench` (one argon2id hash); bench-1 is
 *   ADMIN, bench-2 MODERATOR, bench-3 CURATOR, the others PARTICIPANT. Consultations
 *   `bench-consultation-<n>`, national, with PROPOSING and VOTING open for a year.
 *
 * The load runs in one transaction: secondary indexes and foreign keys of the loaded tables are
 * dropped first and built again afterwards (faster than maintaining and checking them row by
 * row; building a unique index and validating a foreign key again also prove the generated rows
 * right), so a failure leaves the database as it was. The transaction locks the loaded tables:
 * load into a database nobody uses meanwhile.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as argon2 from 'argon2';
import pg from 'pg';
import { BROAD_SUPPORT } from '../../../apps/api/src/modules/proposals/broad-support.sql';
import { Prisma } from '../../../apps/api/src/generated/prisma/client';
import { mulberry32 } from '../../../libs/domain/src/consensus/prng';
import { TERMS_VERSION } from '../../../libs/domain/src/privacy/privacy';
import { proposalScores } from '../../../libs/domain/src/rankings/scores';
import { copyInto, copyRow } from './copy';
import {
  CONSULTATIONS,
  commentText,
  organisationName,
  personName,
  proposalText,
  type Random,
} from './vocabulary';

export type Tier = 'S' | 'M' | 'L';

export interface TierSize {
  proposals: number;
  votes: number;
  comments: number;
  participants: number;
  organisations: number;
  consultations: number;
}

/** Target sizes; votes and comments land within a fraction of a percent of them. */
export const TIERS: Readonly<Record<Tier, TierSize>> = {
  S: {
    proposals: 10_000,
    votes: 200_000,
    comments: 100_000,
    participants: 50_000,
    organisations: 1_000,
    consultations: 3,
  },
  M: {
    proposals: 100_000,
    votes: 2_000_000,
    comments: 1_000_000,
    participants: 500_000,
    organisations: 10_000,
    consultations: 5,
  },
  L: {
    proposals: 2_000_000,
    votes: 20_000_000,
    comments: 10_000_000,
    participants: 1_000_000,
    organisations: 20_000,
    consultations: 8,
  },
};

export const BENCH_PASSWORD = 'passerelle-bench';
/** E-mail of account n (1-based): bench-1 ADMIN, bench-2 MODERATOR, bench-3 CURATOR, then participants. */
export const benchEmail = (n: number) => `bench-${n}@example.org`;
/** Slug of consultation n (1-based). */
export const benchConsultationSlug = (n: number) => `bench-consultation-${n}`;

/** Words whose share of proposals the seed prints (search benchmark: selective and common). */
export const SEARCH_WORDS = [
  'apiculture',
  'ostréiculture',
  'hydrolienne',
  'circuits courts',
  'PTCE',
  'salariés',
  'coopérative',
] as const;

const SEED = 20_261_126;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Deterministic ids: `00000000-0000-4000-80<kind>-<index in 12 hex digits>`. */
const KIND = {
  user: 0x01,
  organisation: 0x02,
  consultation: 0x03,
  phase: 0x04,
  proposal: 0x05,
  vote: 0x06,
  comment: 0x07,
  proposalRevision: 0x08,
  statusPublished: 0x09,
  statusDecided: 0x0a,
  commentRevision: 0x0b,
} as const;
const idPrefix = (kind: number) => `00000000-0000-4000-80${kind.toString(16).padStart(2, '0')}-`;
const benchId = (kind: number, index: number) =>
  idPrefix(kind) + index.toString(16).padStart(12, '0');
/** SQL: the id of kind `kind` with the same index as the uuid expression `from`. */
const derivedId = (kind: number, from: string) =>
  `('${idPrefix(kind)}' || right(${from}::text, 12))::uuid`;

/** A 32-bit seed for stream `stream`, item `index`. */
function seedOf(stream: number, index: number): number {
  let h = Math.imul(SEED ^ Math.imul(stream, 0x9e3779b1), 0x85ebca6b) ^ index;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
const randomFor = (stream: number, index: number): Random => mulberry32(seedOf(stream, index));

/** Index drawn from cumulative weights `cumulative` (last value = total). */
function weighted(random: Random, cumulative: ArrayLike<number>): number {
  const target = random() * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid] > target) high = mid;
    else low = mid + 1;
  }
  return low;
}
const cumulate = (weights: readonly number[]) => {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
};

const ACTOR_TYPES = [
  'CITIZEN',
  'ASSOCIATION',
  'ESS_ENTERPRISE',
  'SME',
  'LOCAL_AUTHORITY',
  'UNIVERSITY',
  'PTCE',
] as const;
/** Share of participants per collège. */
const ACTOR_WEIGHTS = cumulate([0.7, 0.12, 0.07, 0.04, 0.03, 0.02, 0.02]);
/** Organisations per collège (no CITIZEN organisation). */
const ORGANISATION_WEIGHTS = cumulate([0, 0.45, 0.2, 0.12, 0.12, 0.05, 0.06]);
const LEVERS = [
  'LAW',
  'REGULATION',
  'BUDGET',
  'PUBLIC_PROCUREMENT',
  'TAX',
  'VOLUNTARY_COMMITMENT',
  'EXPERIMENTATION',
] as const;
const LEVER_WEIGHTS = cumulate([0.15, 0.12, 0.22, 0.12, 0.09, 0.12, 0.18]);
const COMPETENT_LEVELS = ['COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION', 'STATE', 'EU'] as const;
const LEVEL_WEIGHTS = cumulate([0.18, 0.2, 0.14, 0.2, 0.25, 0.03]);
const STATUSES = ['PUBLISHED', 'UNDER_REVIEW', 'SELECTED', 'NOT_RETAINED', 'WITHDRAWN'] as const;
const STATUS_WEIGHTS = cumulate([0.9, 0.04, 0.03, 0.02, 0.01]);
/** Primary theme shares, in the order of the seeded themes (position 1…8). */
const THEME_WEIGHTS = cumulate([0.22, 0.12, 0.12, 0.1, 0.12, 0.1, 0.08, 0.14]);
const STANCES = ['FOR', 'AGAINST', 'NEUTRAL', 'NONE'] as const;
const STANCE_WEIGHTS = cumulate([0.35, 0.2, 0.15, 0.3]);
/** Consultation shares (cumulative, by consultation count): the first (national) gets the most. */
const CONSULTATION_WEIGHTS = new Map<number, Float64Array>();
function consultationWeights(n: number): Float64Array {
  let weights = CONSULTATION_WEIGHTS.get(n);
  if (!weights) {
    weights = cumulate(Array.from({ length: n }, (_, i) => 1 / (i + 1)));
    CONSULTATION_WEIGHTS.set(n, weights);
  }
  return weights;
}

/** How a collège leans on a proposal compared with its overall support (FOR ↔ AGAINST). */
function collegeNudge(actorType: number, lever: number, level: number, theme: number): number {
  const type = ACTOR_TYPES[actorType];
  if (type === 'SME' && (LEVERS[lever] === 'LAW' || LEVERS[lever] === 'REGULATION')) return -0.25;
  if (type === 'SME' && LEVERS[lever] === 'TAX') return -0.15;
  if (type === 'LOCAL_AUTHORITY' && COMPETENT_LEVELS[level] === 'STATE') return -0.12;
  if (
    (type === 'ESS_ENTERPRISE' || type === 'ASSOCIATION' || type === 'PTCE') &&
    (theme === 3 || theme === 4 || theme === 7)
  )
    return 0.12;
  if (type === 'UNIVERSITY' && LEVERS[lever] === 'EXPERIMENTATION') return 0.15;
  return 0;
}

interface Commune {
  id: string;
  name: string;
  departement: string | null;
  region: string | null;
}

interface Reference {
  themeIds: string[];
  communes: Commune[];
  /** Cumulative populations of `communes`. */
  population: Float64Array;
}

/** Everything the row generators share: sizes, dates, per-participant and per-proposal arrays. */
interface Plan {
  size: TierSize;
  reference: Reference;
  hash: string;
  /** Midnight UTC of the run's day, in ms. */
  now: number;
  /** Start of the consultations (180 days before now), in ms. */
  start: number;
  participantCommune: Int32Array;
  participantType: Int8Array;
  /** Organisation of a participant (index), -1 for none. */
  participantOrganisation: Int32Array;
  organisationType: Int8Array;
  organisationCommune: Int32Array;
  /** Votes of each proposal. */
  votesPerProposal: Int32Array;
  voteTotal: number;
  /** Multiplier of the participant permutation (coprime with the participant count). */
  spread: number;
}

const PERMUTATION_OFFSET = 12_345;

/** A participant drawn with skewed activity: low ranks (through a fixed permutation) are frequent. */
function activeParticipant(plan: Plan, random: Random, skew: number): number {
  const n = plan.size.participants;
  const rank = Math.floor(n * random() ** skew);
  return (rank * plan.spread + PERMUTATION_OFFSET) % n;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

interface ProposalMeta {
  consultation: number;
  author: number;
  organisation: number;
  createdAt: number;
  theme: number;
  secondTheme: number;
  lever: number;
  level: number;
  status: number;
  territoryId: string;
  forShare: number;
  againstShare: number;
}

/** The non-text facts of proposal j, recomputed identically by every pass. */
function proposalMeta(plan: Plan, j: number): ProposalMeta {
  const random = randomFor(2, j);
  const consultation = weighted(random, consultationWeights(plan.size.consultations));
  const author = activeParticipant(plan, random, 1.6);
  const organisation = plan.participantOrganisation[author];
  const withOrganisation = organisation >= 0 && random() < 0.6;
  const span = plan.now - HOUR - plan.start;
  // More proposals as the consultation goes on.
  const createdAt = plan.start + Math.floor(span * random() ** 0.8);
  const theme = weighted(random, THEME_WEIGHTS);
  let secondTheme = random() < 0.4 ? weighted(random, THEME_WEIGHTS) : -1;
  if (secondTheme === theme) secondTheme = -1;
  const lever = weighted(random, LEVER_WEIGHTS);
  const level = weighted(random, LEVEL_WEIGHTS);
  const status = weighted(random, STATUS_WEIGHTS);
  const commune = plan.reference.communes[plan.participantCommune[author]];
  const where = random();
  const territoryId =
    where < 0.6 || !commune.departement
      ? commune.id
      : where < 0.9 || !commune.region
        ? commune.departement
        : commune.region;
  // From consensual to contested proposals.
  const forShare = 0.15 + 0.75 * random();
  const againstShare = (1 - forShare) * (0.55 + 0.35 * random());
  return {
    consultation,
    author,
    organisation: withOrganisation ? organisation : -1,
    createdAt,
    theme,
    secondTheme,
    lever,
    level,
    status,
    territoryId,
    forShare,
    againstShare,
  };
}

/** Votes per proposal: Zipf over a seeded ranking of the proposals, capped at half the participants. */
function planVotes(size: TierSize): { perProposal: Int32Array; total: number } {
  const n = size.proposals;
  const random = randomFor(90, 0);
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) rank[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    const t = rank[i];
    rank[i] = rank[k];
    rank[k] = t;
  }
  let weightSum = 0;
  for (let r = 0; r < n; r++) weightSum += 1 / (r + 10);
  const perProposal = new Int32Array(n);
  const cap = Math.floor(size.participants / 2);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const expected = (size.votes * (1 / (rank[j] + 10))) / weightSum;
    const count = Math.min(cap, Math.floor(expected) + (random() < expected % 1 ? 1 : 0));
    perProposal[j] = count;
    total += count;
  }
  return { perProposal, total };
}

export interface TierPlan {
  tier: Tier;
  size: TierSize;
  votes: number;
  /** Votes of the most voted proposal, the median one and the 99th percentile. */
  maxVotes: number;
  medianVotes: number;
  p99Votes: number;
  proposalsWithoutVotes: number;
  proposalsWith1000Votes: number;
}

/**
 * Dry run: the vote plan of a tier (the same computation seedTier starts with), without a
 * database, to see a tier's shape before loading it.
 */
export function describeTier(tier: Tier): TierPlan {
  const size = TIERS[tier];
  const { perProposal, total } = planVotes(size);
  const sorted = Int32Array.from(perProposal).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  let none = 0;
  let thousand = 0;
  for (const count of perProposal) {
    if (count === 0) none++;
    if (count >= 1000) thousand++;
  }
  return {
    tier,
    size,
    votes: total,
    maxVotes: sorted[sorted.length - 1],
    medianVotes: at(0.5),
    p99Votes: at(0.99),
    proposalsWithoutVotes: none,
    proposalsWith1000Votes: thousand,
  };
}

async function loadReference(client: pg.Client): Promise<Reference> {
  const themes = await client.query<{ id: string }>(
    'SELECT "id" FROM "themes" ORDER BY "position", "slug"',
  );
  if (themes.rowCount !== 8) {
    throw new Error(`Expected the 8 seeded themes, found ${themes.rowCount}`);
  }
  const communes = await client.query<Commune & { population: number }>(
    `SELECT c."id", c."name", c."population", d."id" AS "departement", d."parentId" AS "region"
     FROM "territories" c LEFT JOIN "territories" d ON d."id" = c."parentId"
     WHERE c."level" = 'COMMUNE' AND c."population" > 0 ORDER BY c."id"`,
  );
  if (!communes.rowCount) throw new Error('No commune with a population: seed the reference data');
  return {
    themeIds: themes.rows.map((t) => t.id),
    communes: communes.rows.map(({ id, name, departement, region }) => ({
      id,
      name,
      departement,
      region,
    })),
    population: cumulate(communes.rows.map((c) => c.population)),
  };
}

function planParticipants(size: TierSize, reference: Reference) {
  const organisationType = new Int8Array(size.organisations);
  const organisationCommune = new Int32Array(size.organisations);
  const byType: number[][] = ACTOR_TYPES.map(() => []);
  for (let k = 0; k < size.organisations; k++) {
    const random = randomFor(10, k);
    organisationType[k] = weighted(random, ORGANISATION_WEIGHTS);
    organisationCommune[k] = weighted(random, reference.population);
    byType[organisationType[k]].push(k);
  }
  const participantType = new Int8Array(size.participants);
  const participantCommune = new Int32Array(size.participants);
  const participantOrganisation = new Int32Array(size.participants).fill(-1);
  for (let i = 0; i < size.participants; i++) {
    const random = randomFor(1, i);
    // Staff accounts (bench-1…3) are citizens.
    const type = i < 3 ? 0 : weighted(random, ACTOR_WEIGHTS);
    participantType[i] = type;
    const organisations = byType[type];
    if (type > 0 && organisations.length && random() < 0.8) {
      const k = organisations[Math.floor(random() * organisations.length)];
      participantOrganisation[i] = k;
      // Members live near their organisation.
      participantCommune[i] = organisationCommune[k];
    } else {
      participantCommune[i] = weighted(random, reference.population);
    }
  }
  return {
    organisationType,
    organisationCommune,
    participantType,
    participantCommune,
    participantOrganisation,
  };
}

function* userRows(plan: Plan): Generator<string> {
  const roles = ['ADMIN', 'MODERATOR', 'CURATOR'];
  for (let i = 0; i < plan.size.participants; i++) {
    const random = randomFor(3, i);
    const createdAt = new Date(plan.start - 30 * DAY + Math.floor(random() * 30 * DAY));
    yield copyRow([
      benchId(KIND.user, i),
      benchEmail(i + 1),
      personName(random),
      plan.hash,
      roles[i] ?? 'PARTICIPANT',
      ACTOR_TYPES[plan.participantType[i]],
      plan.reference.communes[plan.participantCommune[i]].id,
      createdAt,
      createdAt,
      createdAt,
      TERMS_VERSION,
      createdAt,
      createdAt,
    ]);
  }
}
const USER_COLUMNS = [
  'id',
  'email',
  'displayName',
  'passwordHash',
  'role',
  'actorType',
  'territoryId',
  'trustedAt',
  'emailVerifiedAt',
  'termsAcceptedAt',
  'termsVersion',
  'createdAt',
  'updatedAt',
];

function* organisationRows(plan: Plan): Generator<string> {
  for (let k = 0; k < plan.size.organisations; k++) {
    const random = randomFor(11, k);
    const commune = plan.reference.communes[plan.organisationCommune[k]];
    const type = ACTOR_TYPES[plan.organisationType[k]];
    const createdAt = new Date(plan.start - 60 * DAY + Math.floor(random() * 30 * DAY));
    yield copyRow([
      benchId(KIND.organisation, k),
      organisationName(random, type, commune.name),
      type,
      commune.id,
      createdAt,
      createdAt,
    ]);
  }
}

function* membershipRows(plan: Plan): Generator<string> {
  const hasManager = new Uint8Array(plan.size.organisations);
  for (let i = 0; i < plan.size.participants; i++) {
    const k = plan.participantOrganisation[i];
    if (k < 0) continue;
    const role = hasManager[k] ? 'MEMBER' : 'MANAGER';
    hasManager[k] = 1;
    yield copyRow([
      benchId(KIND.user, i),
      benchId(KIND.organisation, k),
      role,
      new Date(plan.start),
    ]);
  }
}

function* proposalRows(plan: Plan): Generator<string> {
  for (let j = 0; j < plan.size.proposals; j++) {
    const meta = proposalMeta(plan, j);
    const text = proposalText(randomFor(4, j), meta.theme, meta.secondTheme);
    const createdAt = new Date(meta.createdAt);
    yield copyRow([
      benchId(KIND.proposal, j),
      benchId(KIND.consultation, meta.consultation),
      benchId(KIND.user, meta.author),
      meta.organisation >= 0 ? benchId(KIND.organisation, meta.organisation) : null,
      text.title,
      text.summary,
      text.body,
      text.bodyHtml,
      meta.territoryId,
      COMPETENT_LEVELS[meta.level],
      LEVERS[meta.lever],
      text.experiment,
      text.measuredImpact,
      STATUSES[meta.status],
      createdAt,
      createdAt,
      createdAt,
    ]);
  }
}
const PROPOSAL_COLUMNS = [
  'id',
  'consultationId',
  'authorId',
  'organisationId',
  'title',
  'summary',
  'body',
  'bodyHtml',
  'territoryId',
  'competentLevel',
  'lever',
  'experiment',
  'measuredImpact',
  'status',
  'publishedAt',
  'createdAt',
  'updatedAt',
];

function* proposalThemeRows(plan: Plan): Generator<string> {
  const { themeIds } = plan.reference;
  for (let j = 0; j < plan.size.proposals; j++) {
    const meta = proposalMeta(plan, j);
    const id = benchId(KIND.proposal, j);
    yield copyRow([id, themeIds[meta.theme]]);
    if (meta.secondTheme >= 0) yield copyRow([id, themeIds[meta.secondTheme]]);
  }
}

function* voteRows(plan: Plan): Generator<string> {
  const seen = new Set<number>();
  const n = plan.size.participants;
  let voteIndex = 0;
  for (let j = 0; j < plan.size.proposals; j++) {
    const count = plan.votesPerProposal[j];
    if (count === 0) continue;
    const meta = proposalMeta(plan, j);
    const random = randomFor(5, j);
    const proposalId = benchId(KIND.proposal, j);
    const span = plan.now - meta.createdAt - 60_000;
    seen.clear();
    for (let v = 0; v < count; v++) {
      let voter = activeParticipant(plan, random, 2);
      while (seen.has(voter) || voter === meta.author) voter = (voter + 1) % n;
      seen.add(voter);
      const type = plan.participantType[voter];
      const nudge = collegeNudge(type, meta.lever, meta.level, meta.theme);
      const shareFor = Math.min(0.98, Math.max(0.02, meta.forShare + nudge));
      const shareAgainst = Math.min(1 - shareFor, Math.max(0, meta.againstShare - nudge));
      const u = random();
      const value = u < shareFor ? 'FOR' : u < shareFor + shareAgainst ? 'AGAINST' : 'NEUTRAL';
      // Most votes come soon after publication.
      const at = new Date(meta.createdAt + 60_000 + Math.floor(span * random() ** 3));
      yield copyRow([
        benchId(KIND.vote, voteIndex++),
        proposalId,
        benchId(KIND.user, voter),
        value,
        ACTOR_TYPES[type],
        at,
        at,
      ]);
    }
  }
}

function* commentRows(plan: Plan): Generator<string> {
  const ratio = plan.size.comments / (plan.voteTotal + plan.size.proposals);
  let commentIndex = 0;
  for (let j = 0; j < plan.size.proposals; j++) {
    const random = randomFor(6, j);
    // Discussion follows popularity.
    const expected = ratio * (plan.votesPerProposal[j] + 1);
    const count = Math.floor(expected) + (random() < expected % 1 ? 1 : 0);
    if (count === 0) continue;
    const meta = proposalMeta(plan, j);
    const proposalId = benchId(KIND.proposal, j);
    const span = plan.now - meta.createdAt - 120_000;
    const first = commentIndex;
    for (let k = 0; k < count; k++) {
      const author = activeParticipant(plan, random, 2.5);
      const stance = STANCES[weighted(random, STANCE_WEIGHTS)];
      // Replies answer an earlier comment of the thread; times grow with k, so after it.
      const parent = k > 0 && random() < 0.35 ? first + Math.floor(random() * k) : -1;
      const at = new Date(
        meta.createdAt + 60_000 + Math.floor(span * ((k + random()) / count) ** 2),
      );
      const text = commentText(random, parent >= 0 ? 'NONE' : stance);
      yield copyRow([
        benchId(KIND.comment, commentIndex++),
        proposalId,
        benchId(KIND.user, author),
        parent >= 0 ? benchId(KIND.comment, parent) : null,
        text.body,
        text.bodyHtml,
        parent >= 0 ? 'NONE' : stance,
        at,
        at,
      ]);
    }
  }
}
const COMMENT_COLUMNS = [
  'id',
  'proposalId',
  'authorId',
  'parentId',
  'body',
  'bodyHtml',
  'stance',
  'createdAt',
  'updatedAt',
];

/** Tables the load writes, whose non-constraint indexes are rebuilt after it. */
const LOADED_TABLES = [
  'users',
  'organisations',
  'organisation_memberships',
  'proposals',
  'proposal_themes',
  'proposal_revisions',
  'proposal_status_changes',
  'votes',
  'proposal_college_counts',
  'comments',
  'comment_revisions',
  'proposal_follows',
];

export interface StepTiming {
  step: string;
  rows: number;
  seconds: number;
}

export interface TierCheck {
  proposals: number;
  voteRows: number;
  voteCounters: number;
  proposalVoteMismatches: number;
  collegeCountMismatches: number;
  commentRows: number;
  commentCounters: number;
  commentCountMismatches: number;
  /** Broad proposals, and proposals whose stored flag differs from the list's BROAD_SUPPORT expression. */
  broadSupport: number;
  broadSupportMismatches: number;
  /** Largest difference between a stored score and the domain's formula, on a sample. */
  maxScoreError: number;
  ok: boolean;
}

export interface SeedSummary {
  url: string;
  tier: Tier;
  steps: StepTiming[];
  rows: Record<string, number>;
  seconds: number;
  check: TierCheck;
  /** Share of bench proposals matching each of SEARCH_WORDS (websearch_to_tsquery, french_unaccent). */
  searchShares: Record<string, number>;
}

/** tools/lib/database.mjs (plain JavaScript): what the seed uses of it. */
interface DatabaseTools {
  migrate(url: string, options?: { force?: boolean }): Promise<{ applied: boolean }>;
  seed(url: string, options: { referenceOnly: boolean }): Promise<string>;
}

export async function databaseTools(): Promise<DatabaseTools> {
  const file = path.resolve(__dirname, '../../../tools/lib/database.mjs');
  return (await import(pathToFileURL(file).href)) as DatabaseTools;
}

/** A UTC instant as PostgreSQL reads it into a `timestamp` column (as Prisma stores them). */
const iso = (ms: number) => new Date(ms).toISOString();

const startOfDayUtc = (date: Date) =>
  Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

async function benchConsultationIds(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT "id" FROM "consultations" WHERE "slug" LIKE 'bench-consultation-%' ORDER BY "id"`,
  );
  return rows.map((r) => r.id);
}

/**
 * Migrates the database of `url`, seeds its reference data (both idempotent) and loads tier
 * `tier` into it. Refuses a database that already holds benchmark data.
 */
export async function seedTier({
  url,
  tier,
  now = new Date(),
  log = console.log,
}: {
  url: string;
  tier: Tier;
  /** Dates are relative to midnight UTC of this day (default: today). */
  now?: Date;
  log?: (line: string) => void;
}): Promise<SeedSummary> {
  const size = TIERS[tier];
  if (!size) throw new Error(`Unknown tier "${tier}" (S, M or L)`);
  const steps: StepTiming[] = [];
  const rows: Record<string, number> = {};
  const started = performance.now();
  const timed = async (step: string, run: () => Promise<number>) => {
    const t0 = performance.now();
    const count = await run();
    const seconds = (performance.now() - t0) / 1000;
    steps.push({ step, rows: count, seconds });
    log(
      `${step.padEnd(44)} ${String(count).padStart(10)} rows ${seconds.toFixed(1).padStart(7)} s` +
        (count && seconds > 0 ? ` ${Math.round(count / seconds).toLocaleString('en')} rows/s` : ''),
    );
    return count;
  };

  const tools = await databaseTools();
  await timed('migrate + reference data', async () => {
    await tools.migrate(url);
    await tools.seed(url, { referenceOnly: true });
    return 0;
  });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if ((await benchConsultationIds(client)).length) {
      throw new Error(
        'This database already holds benchmark data (bench-consultation-*): use a fresh database',
      );
    }
    const reference = await loadReference(client);
    const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
    const day = startOfDayUtc(now);
    const votes = planVotes(size);
    const participants = planParticipants(size, reference);
    let spread = 7_919;
    while (gcd(spread, size.participants) !== 1) spread += 2;
    const plan: Plan = {
      size,
      reference,
      hash,
      now: day,
      start: day - 180 * DAY,
      ...participants,
      votesPerProposal: votes.perProposal,
      voteTotal: votes.total,
      spread,
    };
    const consultationIds = Array.from({ length: size.consultations }, (_, c) =>
      benchId(KIND.consultation, c),
    );

    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET work_mem = '128MB'`);
    await client.query('BEGIN');
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.indexrelid::regclass::text AS "name", pg_get_indexdef(i.indexrelid) AS "definition"
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
       WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1::text[])
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
      [LOADED_TABLES],
    );
    // Foreign keys are checked row by row during COPY (two index probes per vote); adding them
    // back afterwards validates every row in one join instead.
    const { rows: foreignKeys } = await client.query<{
      table: string;
      name: string;
      definition: string;
    }>(
      `SELECT c.conrelid::regclass::text AS "table", quote_ident(c.conname) AS "name",
         pg_get_constraintdef(c.oid) AS "definition"
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
       WHERE c.contype = 'f' AND t.relnamespace = 'public'::regnamespace
         AND t.relname = ANY($1::text[])`,
      [LOADED_TABLES],
    );
    await timed(
      `drop ${indexes.length} secondary indexes, ${foreignKeys.length} foreign keys`,
      async () => {
        for (const key of foreignKeys)
          await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
        for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
        return 0;
      },
    );

    rows.users = await timed('users (COPY)', () =>
      copyInto(client, 'users', USER_COLUMNS, userRows(plan)),
    );
    rows.organisations = await timed('organisations (COPY)', () =>
      copyInto(
        client,
        'organisations',
        ['id', 'name', 'actorType', 'territoryId', 'createdAt', 'updatedAt'],
        organisationRows(plan),
      ),
    );
    rows.organisation_memberships = await timed('organisation_memberships (COPY)', () =>
      copyInto(
        client,
        'organisation_memberships',
        ['userId', 'organisationId', 'role', 'createdAt'],
        membershipRows(plan),
      ),
    );
    rows.consultations = await timed('consultations + phases + themes', async () => {
      for (let c = 0; c < size.consultations; c++) {
        const { title, description } = CONSULTATIONS[c % CONSULTATIONS.length];
        await client.query(
          `INSERT INTO "consultations" ("id", "slug", "title", "description", "createdAt", "updatedAt")
           VALUES ($1, $2, $3, $4, $5, $5)`,
          [
            consultationIds[c],
            benchConsultationSlug(c + 1),
            c < CONSULTATIONS.length ? title : `${title} (${c + 1})`,
            description,
            iso(plan.start - 7 * DAY),
          ],
        );
        // Proposing and voting open from the start for a year; curating and closing afterwards.
        const phases: [string, number, number | null][] = [
          ['PROPOSING', plan.start, plan.now + 365 * DAY],
          ['VOTING', plan.start, plan.now + 365 * DAY],
          ['CURATING', plan.now + 365 * DAY, plan.now + 425 * DAY],
          ['CLOSED', plan.now + 425 * DAY, null],
        ];
        for (const [p, [kind, startsAt, endsAt]] of phases.entries()) {
          await client.query(
            `INSERT INTO "consultation_phases" ("id", "consultationId", "kind", "startsAt", "endsAt")
             VALUES ($1, $2, $3, $4, $5)`,
            [
              benchId(KIND.phase, c * 4 + p),
              consultationIds[c],
              kind,
              iso(startsAt),
              endsAt === null ? null : iso(endsAt),
            ],
          );
        }
        await client.query(
          `INSERT INTO "consultation_themes" ("consultationId", "themeId")
           SELECT $1, unnest($2::uuid[])`,
          [consultationIds[c], reference.themeIds],
        );
      }
      return size.consultations;
    });
    // Votes and comments first (foreign keys are added back at the end), so that proposals are
    // written once, with their counters: staged by COPY, then inserted with the counts of their
    // rows and the ranking scores (an UPDATE afterwards would leave a dead copy of every row).
    rows.votes = await timed('votes (COPY)', () =>
      copyInto(
        client,
        'votes',
        ['id', 'proposalId', 'userId', 'value', 'actorType', 'createdAt', 'updatedAt'],
        voteRows(plan),
      ),
    );
    rows.comments = await timed('comments (COPY)', () =>
      copyInto(client, 'comments', COMMENT_COLUMNS, commentRows(plan)),
    );
    await client.query(
      'CREATE TEMPORARY TABLE "bench_proposals" (LIKE "proposals" INCLUDING DEFAULTS) ON COMMIT DROP',
    );
    await timed('proposals, staged (COPY)', () =>
      copyInto(client, 'bench_proposals', PROPOSAL_COLUMNS, proposalRows(plan)),
    );
    // The collèges' counters before the proposals (foreign keys are added back at the end): the
    // proposals then take their totals and their broad-support flag from them. The counters'
    // trigger finds no proposal to refresh yet.
    rows.proposal_college_counts = await timed(
      'proposal_college_counts (SQL)',
      async () =>
        (
          await client.query(`INSERT INTO "proposal_college_counts" ("proposalId", "actorType", "votesFor", "votesAgainst", "votesNeutral")
          SELECT v."proposalId", v."actorType",
            count(*) FILTER (WHERE v."value" = 'FOR'),
            count(*) FILTER (WHERE v."value" = 'AGAINST'),
            count(*) FILTER (WHERE v."value" = 'NEUTRAL')
          FROM "votes" v JOIN "bench_proposals" s ON s."id" = v."proposalId"
          GROUP BY v."proposalId", v."actorType"`)
        ).rowCount ?? 0,
    );
    rows.proposals = await timed('proposals (SQL: counters, flag, search)', () =>
      insertProposals(client),
    );
    rows.proposal_themes = await timed('proposal_themes (COPY)', () =>
      copyInto(client, 'proposal_themes', ['proposalId', 'themeId'], proposalThemeRows(plan)),
    );

    const scope = `p."consultationId" = ANY($1::uuid[])`;
    const exec = async (sql: string, params: unknown[] = [consultationIds]) =>
      (await client.query(sql, params)).rowCount ?? 0;
    rows.proposal_revisions = await timed('proposal_revisions (SQL)', () =>
      exec(`INSERT INTO "proposal_revisions" ("id", "proposalId", "version", "title", "summary",
              "body", "bodyHtml", "experiment", "measuredImpact", "editorId", "createdAt")
            SELECT ${derivedId(KIND.proposalRevision, 'p."id"')}, p."id", 1, p."title", p."summary",
              p."body", p."bodyHtml", p."experiment", p."measuredImpact", p."authorId", p."createdAt"
            FROM "proposals" p WHERE ${scope}`),
    );
    rows.proposal_status_changes = await timed('proposal_status_changes (SQL)', async () => {
      const published = await exec(
        `INSERT INTO "proposal_status_changes" ("id", "proposalId", "fromStatus", "toStatus", "actorId", "createdAt")
         SELECT ${derivedId(KIND.statusPublished, 'p."id"')}, p."id", NULL, 'PUBLISHED', p."authorId", p."createdAt"
         FROM "proposals" p WHERE ${scope}`,
      );
      // Withdrawn by the author; the other decisions by the curator (bench-3), days later.
      const decided = await exec(
        `INSERT INTO "proposal_status_changes" ("id", "proposalId", "fromStatus", "toStatus", "actorId", "reason", "createdAt")
         SELECT ${derivedId(KIND.statusDecided, 'p."id"')}, p."id", 'PUBLISHED', p."status",
           CASE WHEN p."status" = 'WITHDRAWN' THEN p."authorId" ELSE $2::uuid END,
           CASE WHEN p."status" = 'WITHDRAWN' THEN NULL ELSE 'Décision du comité de suivi' END,
           least($3::timestamp - interval '1 minute',
             p."createdAt" + interval '1 hour' * (24 + abs(hashtext(p."id"::text)) % 500))
         FROM "proposals" p WHERE ${scope} AND p."status" <> 'PUBLISHED'`,
        [consultationIds, benchId(KIND.user, 2), iso(plan.now)],
      );
      return published + decided;
    });
    rows.comment_revisions = await timed('comment_revisions (SQL)', () =>
      exec(`INSERT INTO "comment_revisions" ("id", "commentId", "body", "editorId", "createdAt")
            SELECT ${derivedId(KIND.commentRevision, 'c."id"')}, c."id", c."body", c."authorId", c."createdAt"
            FROM "comments" c JOIN "proposals" p ON p."id" = c."proposalId" WHERE ${scope}`),
    );
    // Authors follow their proposals; commenters follow what they comment (as the API does).
    // Inserted in key order: the primary key index grows at its end.
    rows.proposal_follows = await timed('proposal_follows (SQL)', () =>
      exec(`INSERT INTO "proposal_follows" ("proposalId", "userId", "createdAt")
            SELECT f."proposalId", f."userId", min(f."createdAt") FROM (
              SELECT p."id" AS "proposalId", p."authorId" AS "userId", p."createdAt"
              FROM "proposals" p WHERE ${scope}
              UNION ALL
              SELECT c."proposalId", c."authorId", c."createdAt"
              FROM "comments" c JOIN "proposals" p ON p."id" = c."proposalId" WHERE ${scope}
            ) f
            GROUP BY f."proposalId", f."userId" ORDER BY f."proposalId", f."userId"`),
    );
    await timed(`rebuild ${indexes.length} secondary indexes`, async () => {
      for (const index of indexes) await client.query(index.definition);
      return 0;
    });
    await timed(`add back ${foreignKeys.length} foreign keys (validated)`, async () => {
      for (const key of foreignKeys)
        await client.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
      return 0;
    });
    await timed('commit', async () => {
      await client.query('COMMIT');
      return 0;
    });
    await timed('vacuum analyze', async () => {
      for (const table of LOADED_TABLES) await client.query(`VACUUM (ANALYZE) "${table}"`);
      // The reference tables too: a few rows never reach autovacuum's analyze threshold, and
      // without statistics the planner misjudges every theme and territory filter.
      await client.query(
        'ANALYZE "consultations", "consultation_phases", "consultation_themes", "themes", "territories"',
      );
      return 0;
    });
    let check: TierCheck | undefined;
    await timed('check counters', async () => {
      check = await checkCounters(client, consultationIds);
      return check.proposals;
    });
    const searchShares = await measureSearchWords(client, consultationIds);
    return {
      url,
      tier,
      steps,
      rows,
      seconds: (performance.now() - started) / 1000,
      check: check as TierCheck,
      searchShares,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Proposals from the staging table, with their vote totals (the sums of their collèges'
 * counters), comment count, the ranking scores of libs/domain/src/rankings/scores.ts (the SQL of
 * the participation_core migration's backfill) and the broad-support flag (the thresholds of the
 * database's college_thresholds, the rule of proposals_refresh_broad_support; the flag's guard
 * trigger computes the true ones again). The search trigger fills searchVector and searchTitle.
 */
async function insertProposals(client: pg.Client): Promise<number> {
  const columns = PROPOSAL_COLUMNS.map((c) => `"${c}"`).join(', ');
  const staged = PROPOSAL_COLUMNS.map((c) => `s."${c}"`).join(', ');
  const n = '(t.f + t.a)';
  const result = await client.query(
    `INSERT INTO "proposals" (${columns}, "votesFor", "votesAgainst", "votesNeutral",
       "commentsCount", "scoreTop", "scoreHot", "scoreControversial", "broadSupport")
     WITH th AS MATERIALIZED (
       SELECT cs."id", t.* FROM "consultations" cs CROSS JOIN LATERAL college_thresholds(cs."settings") t
     )
     SELECT ${staged}, t.f, t.a, t.n, t.c,
       CASE WHEN ${n} = 0 THEN 0 ELSE
         ((t.f::float8 / ${n}) + 1.96 * 1.96 / (2 * ${n})
           - 1.96 * sqrt(((t.f::float8 / ${n}) * (1 - t.f::float8 / ${n})
             + 1.96 * 1.96 / (4 * ${n})) / ${n}))
         / (1 + 1.96 * 1.96 / ${n}) END,
       sign(t.f - t.a) * log(greatest(abs(t.f - t.a), 1)::float8)
         + (extract(epoch FROM coalesce(s."publishedAt", s."createdAt")) - 1704067200) / 45000,
       CASE WHEN t.f > 0 AND t.a > 0
         THEN power(${n}::float8, least(t.f, t.a)::float8 / greatest(t.f, t.a)) ELSE 0 END,
       coalesce(v.q, 0) >= th."minColleges"
     FROM "bench_proposals" s
     JOIN th ON th."id" = s."consultationId"
     LEFT JOIN (SELECT k."proposalId",
         sum(k."votesFor") AS f, sum(k."votesAgainst") AS a, sum(k."votesNeutral") AS n,
         count(*) FILTER (WHERE k."votesFor" + k."votesAgainst" + k."votesNeutral" >= th."minVotesPerCollege"
           AND k."votesFor"::float8 / NULLIF(k."votesFor" + k."votesAgainst", 0) >= th."minForShare") AS q
       FROM "proposal_college_counts" k
       JOIN "bench_proposals" s ON s."id" = k."proposalId"
       JOIN th ON th."id" = s."consultationId"
       GROUP BY k."proposalId") v ON v."proposalId" = s."id"
     LEFT JOIN (SELECT "proposalId", count(*) AS c FROM "comments"
       WHERE "deletedAt" IS NULL GROUP BY "proposalId") c ON c."proposalId" = s."id"
     CROSS JOIN LATERAL (SELECT coalesce(v.f, 0)::int AS f, coalesce(v.a, 0)::int AS a,
       coalesce(v.n, 0)::int AS n, coalesce(c.c, 0)::int AS c) t
     ORDER BY s."id"`,
  );
  return result.rowCount ?? 0;
}

/** `timestamp` columns hold UTC: read as epoch milliseconds, whatever the process' time zone. */
const PUBLISHED_MS = `(extract(epoch FROM coalesce("publishedAt", "createdAt")) * 1000)::float8 AS "publishedMs"`;

/** Stored counters against COUNT(*) of the rows, and the stored scores against the domain's formulas. */
async function checkCounters(client: pg.Client, consultationIds: string[]): Promise<TierCheck> {
  const {
    rows: [figures],
  } = await client.query<Record<string, string>>(
    `WITH bench AS (
       SELECT "id", "votesFor", "votesAgainst", "votesNeutral", "commentsCount"
       FROM "proposals" WHERE "consultationId" = ANY($1::uuid[])
     ),
     v AS (
       SELECT v."proposalId", v."actorType",
         count(*) FILTER (WHERE v."value" = 'FOR') AS f,
         count(*) FILTER (WHERE v."value" = 'AGAINST') AS a,
         count(*) FILTER (WHERE v."value" = 'NEUTRAL') AS n
       FROM "votes" v JOIN bench b ON b."id" = v."proposalId" GROUP BY 1, 2
     ),
     vp AS (SELECT "proposalId", sum(f) AS f, sum(a) AS a, sum(n) AS n FROM v GROUP BY 1),
     cc AS (SELECT k.* FROM "proposal_college_counts" k JOIN bench b ON b."id" = k."proposalId"),
     c AS (
       SELECT c."proposalId", count(*) AS c FROM "comments" c JOIN bench b ON b."id" = c."proposalId"
       WHERE c."deletedAt" IS NULL GROUP BY 1
     )
     SELECT
       (SELECT count(*) FROM bench) AS "proposals",
       (SELECT coalesce(sum(f + a + n), 0) FROM v) AS "voteRows",
       (SELECT coalesce(sum("votesFor" + "votesAgainst" + "votesNeutral"), 0) FROM bench) AS "voteCounters",
       (SELECT count(*) FROM bench b LEFT JOIN vp ON vp."proposalId" = b."id"
         WHERE (b."votesFor", b."votesAgainst", b."votesNeutral")
           IS DISTINCT FROM (coalesce(vp.f, 0)::int, coalesce(vp.a, 0)::int, coalesce(vp.n, 0)::int))
         AS "proposalVoteMismatches",
       (SELECT count(*) FROM v FULL JOIN cc USING ("proposalId", "actorType")
         WHERE (coalesce(v.f, 0)::int, coalesce(v.a, 0)::int, coalesce(v.n, 0)::int)
           IS DISTINCT FROM (coalesce(cc."votesFor", 0), coalesce(cc."votesAgainst", 0), coalesce(cc."votesNeutral", 0)))
         AS "collegeCountMismatches",
       (SELECT coalesce(sum(c), 0) FROM c) AS "commentRows",
       (SELECT coalesce(sum("commentsCount"), 0) FROM bench) AS "commentCounters",
       (SELECT count(*) FROM bench b LEFT JOIN c ON c."proposalId" = b."id"
         WHERE b."commentsCount" <> coalesce(c.c, 0)) AS "commentCountMismatches"`,
    [consultationIds],
  );
  // The stored broad-support flag against the expression it stands for (apps/api broad-support.sql.ts).
  const flags = Prisma.sql`SELECT count(*) FILTER (WHERE p."broadSupport")::int AS "broad",
      count(*) FILTER (WHERE p."broadSupport" IS DISTINCT FROM coalesce(${BROAD_SUPPORT}, false))::int AS "mismatches"
    FROM "proposals" p WHERE p."consultationId" = ANY(${consultationIds}::uuid[])`;
  const {
    rows: [flagged],
  } = await client.query<{ broad: number; mismatches: number }>(flags.text, flags.values);
  // Scores: the most voted proposals and the first by id, recomputed with the domain's formulas.
  const { rows: sample } = await client.query<{
    votesFor: number;
    votesAgainst: number;
    votesNeutral: number;
    scoreTop: number;
    scoreHot: number;
    scoreControversial: number;
    publishedMs: number;
  }>(
    `(SELECT "votesFor", "votesAgainst", "votesNeutral", "scoreTop", "scoreHot", "scoreControversial", ${PUBLISHED_MS}
      FROM "proposals" WHERE "consultationId" = ANY($1::uuid[])
      ORDER BY "votesFor" + "votesAgainst" DESC LIMIT 500)
     UNION ALL
     (SELECT "votesFor", "votesAgainst", "votesNeutral", "scoreTop", "scoreHot", "scoreControversial", ${PUBLISHED_MS}
      FROM "proposals" WHERE "consultationId" = ANY($1::uuid[]) ORDER BY "id" LIMIT 500)`,
    [consultationIds],
  );
  let maxScoreError = 0;
  for (const row of sample) {
    const expected = proposalScores(row, new Date(row.publishedMs));
    for (const key of ['scoreTop', 'scoreHot', 'scoreControversial'] as const) {
      const error = Math.abs(expected[key] - row[key]) / Math.max(1, Math.abs(expected[key]));
      maxScoreError = Math.max(maxScoreError, error);
    }
  }
  const n = (key: string) => Number(figures[key]);
  const check = {
    proposals: n('proposals'),
    voteRows: n('voteRows'),
    voteCounters: n('voteCounters'),
    proposalVoteMismatches: n('proposalVoteMismatches'),
    collegeCountMismatches: n('collegeCountMismatches'),
    commentRows: n('commentRows'),
    commentCounters: n('commentCounters'),
    commentCountMismatches: n('commentCountMismatches'),
    broadSupport: flagged.broad,
    broadSupportMismatches: flagged.mismatches,
    maxScoreError,
  };
  return {
    ...check,
    ok:
      check.voteRows === check.voteCounters &&
      check.commentRows === check.commentCounters &&
      check.proposalVoteMismatches === 0 &&
      check.collegeCountMismatches === 0 &&
      check.commentCountMismatches === 0 &&
      check.broadSupportMismatches === 0 &&
      maxScoreError < 1e-9,
  };
}

async function measureSearchWords(
  client: pg.Client,
  consultationIds: string[],
): Promise<Record<string, number>> {
  const filters = SEARCH_WORDS.map(
    (_, i) =>
      `count(*) FILTER (WHERE "searchVector" @@ websearch_to_tsquery('french_unaccent', $${i + 2}))::float8 / greatest(count(*), 1) AS "w${i}"`,
  ).join(', ');
  const {
    rows: [shares],
  } = await client.query<Record<string, number>>(
    `SELECT ${filters} FROM "proposals" WHERE "consultationId" = ANY($1::uuid[])`,
    [consultationIds, ...SEARCH_WORDS],
  );
  return Object.fromEntries(SEARCH_WORDS.map((word, i) => [word, shares[`w${i}`]]));
}

/**
 * Checks an already seeded database: counters equal to their rows, broad-support flags equal to
 * their expression (for `bench:seed --check`).
 */
export async function checkTier(url: string): Promise<TierCheck> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = await benchConsultationIds(client);
    if (!ids.length) throw new Error('No benchmark data (bench-consultation-*) in this database');
    return await checkCounters(client, ids);
  } finally {
    await client.end();
  }
}

/** The search-word shares of an already seeded database. */
export async function searchWordShares(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await measureSearchWords(client, await benchConsultationIds(client));
  } finally {
    await client.end();
  }
}
