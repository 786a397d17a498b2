/**
 * Opinion groups and the CONSENSUS / DIVISIVE rankings of a consultation, after Polis
 * (compdemocracy/polis, math/src/polismath/math/*.clj): a pure function of the votes, run by a
 * background job, deterministic for the same votes in any order.
 *
 * 1. Matrix. Votes become a sparse participant × proposal matrix X with x = +1 (FOR), −1
 *    (AGAINST), 0 (NEUTRAL); a missing cell is unknown, not 0. Rows and columns are sorted by id
 *    and cells by column, so every sum below runs in the same order whatever the input order.
 * 2. Who is clustered. A participant with at least `minParticipantVotes` votes is clustered;
 *    a proposal with at least `minProposalVotes` votes from clustered participants is used for
 *    the map. The others still get figures (step 6) and, for participants, a group (step 7).
 * 3. Centring and imputation. μⱼ = mean of the clustered votes on proposal j. Missing cells are
 *    imputed with μⱼ, as Polis does, so the centred matrix Z (zᵢⱼ = xᵢⱼ − μⱼ on known cells, 0 on
 *    missing ones) keeps X's sparsity: it is held in CSR and never made dense, which keeps
 *    100 000 participants × 10 000 proposals with 5 million votes in memory and in seconds.
 * 4. Map. The first `components` principal directions e_c of Z (eigenvectors of ZᵀZ) come from
 *    power iteration, v ← ZᵀZv / ‖ZᵀZv‖, deflated by orthogonalising against the earlier
 *    directions; start vector from mulberry32(seed), stop when no loading moves by more than
 *    `tolerance` or after `maxIterations`; a direction whose eigenvalue is below 10⁻⁹ of the
 *    total variance (trace of ZᵀZ) is noise and set to zero; each direction's largest loading is
 *    positive. Participant i sits at p_ic = (m / nᵢ) · Σⱼ zᵢⱼ e_cj, m the number of mapped
 *    proposals and nᵢ the number of those i voted on (0 when nᵢ = 0): the mean over i's known
 *    votes, rescaled to a full ballot. Polis multiplies by √(m / nᵢ) instead; that still puts
 *    people at a distance from the centre that grows with how much they voted, and on long-tailed
 *    data k-means then splits the camps by activity (light voters in a central group, heavy
 *    voters far out) rather than by opinion (see tests/benchmarks/consensus.bench.ts, where the
 *    linear scaling recovers the latent camps, the square root a central group of light voters).
 * 5. Groups. k-means in the map for k = 2 … `maxGroups`: k-means++ seeding then Lloyd's
 *    iterations, `restarts` runs from mulberry32(seed + k), the lowest inertia kept. The k with
 *    the best mean silhouette (on an evenly spaced sample of at most `silhouetteSample` clustered
 *    participants, in id order) wins; ties (within 10⁻⁹) go to the smaller k. A clustering with
 *    a group under `minGroupShare` (5 %) of the clustered participants is not considered: on
 *    long-tailed data k-means otherwise spends groups on a few outlying light voters. Groups are
 *    numbered by size, largest first, then by their first member in id order. Degenerate cases:
 *    - no clustered participant → no group (k = 0): every membership is null, scores are 0;
 *    - fewer than two distinct positions on the map (e.g. everyone voted the same way, or a
 *      single participant), or no clustering without a too small group (e.g. a lone dissenter)
 *      → one group of everyone (k = 1): there is no opinion divide to show.
 * 6. Figures. For each proposal j and group g, over the votes of the group's clustered members:
 *    agree a, disagree d, pass p (NEUTRAL), n = a + d + p;
 *    agreement A = (a + 1) / (n + 2), disagreement D = (d + 1) / (n + 2) (Laplace's +1/+2 prior:
 *    a small group's share is pulled towards ½, so it neither dominates nor vanishes).
 *    CONSENSUS = (Π_g A_g)^(1/k), the geometric mean of the groups' agreement: the same order as
 *    Polis' group-informed consensus Π_g A_g, on a 0–1 scale comparable between runs; it is high
 *    only if agreement holds in every group.
 *    DIVISIVE = √( Σ_g n_g (s_g − s̄)² / Σ_g n_g ), s_g = A_g − D_g = (a − d) / (n + 2) the
 *    smoothed net support and s̄ = Σ_g n_g s_g / Σ_g n_g: the spread of support between groups,
 *    weighted by their votes on the proposal, in [0, 1].
 *    Votes of unclustered participants are left out of the figures: their group is inferred from
 *    those very votes, and counting them would exaggerate the divide.
 * 7. Memberships. A clustered participant is in its k-means group. Another one with votes is
 *    placed in the group g minimising Σⱼ (xᵢⱼ − s_gj)² over the proposals j it voted on, s_gj the
 *    group's smoothed net support of step 6: the nearest centroid on its known votes (the lower
 *    id on ties). The smoothing matters: with raw means, a small group whose few voters on j all
 *    voted FOR would attract every FOR voter on j. When the distances are all equal (nothing
 *    known tells the groups apart) the membership is null; with a single group it is that group.
 * 8. Explanation. One line per proposal in every language, from the raw shares of each group:
 *    the groups a majority of which approved (with their share of FOR), rejected (share of
 *    AGAINST), were split, or did not vote, e.g. « Approuvée par 78 % du groupe A et 71 % du
 *    groupe B ». The rankings (rankProposalOpinions) break score ties by number of group votes,
 *    then by proposal id.
 */
import { z } from 'zod';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../shared/language';
import { validateInput } from '../shared/validation';
import { kMeans, silhouette, type Clustering, type Points } from './kmeans';
import {
  consensusScore,
  divisivenessScore,
  explainGroupVotes,
  groupLabel,
  groupVotes,
  type GroupVotes,
} from './opinion-scores';
import { principalComponents } from './pca';
import { mulberry32 } from './prng';
import { buildVoteMatrix, type OpinionVote, type VoteMatrix } from './vote-matrix';

export const opinionGroupsOptionsSchema = z.strictObject({
  /** Dimensions of the opinion map. */
  components: z.int().min(1).max(10).default(2),
  /** Largest number of groups tried. */
  maxGroups: z.int().min(2).max(26).default(5),
  minParticipantVotes: z.int().min(1).default(3),
  minProposalVotes: z.int().min(1).default(2),
  /** k-means++ runs per k. */
  restarts: z.int().min(1).max(100).default(5),
  seed: z
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(20_240_601),
  /** Power-iteration bound and tolerance (largest change of a loading). */
  maxIterations: z.int().min(1).max(10_000).default(100),
  tolerance: z.number().positive().default(1e-7),
  /** Lloyd iterations bound per k-means run. */
  kMeansIterations: z.int().min(1).max(10_000).default(100),
  /**
   * Smallest group, as a share of the clustered participants: a clustering with a smaller group
   * is not considered (it tends to isolate a few outliers rather than a shared opinion).
   */
  minGroupShare: z.number().min(0).max(0.5).default(0.05),
  /** Participants sampled for the silhouette score (quadratic in this number). */
  silhouetteSample: z.int().min(2).max(20_000).default(2_000),
  /** Proposals to report even without votes (e.g. every published proposal). */
  proposalIds: z.array(z.string()).default([]),
});
export type OpinionGroupsOptions = z.input<typeof opinionGroupsOptionsSchema>;
type Settings = z.output<typeof opinionGroupsOptionsSchema>;

export interface OpinionGroup {
  /** 0, 1, … by decreasing size. */
  id: number;
  /** "A", "B", … as shown to people. */
  label: string;
  /** Clustered members: the participants whose votes make the group's figures. */
  size: number;
  /** All members, with the participants placed by their few votes. */
  totalSize: number;
  /** Mean position of the clustered members on the opinion map. */
  centroid: number[];
}

export interface OpinionMembership {
  participantId: string;
  groupId: number | null;
  /** True when the participant voted enough to take part in the clustering. */
  isClustered: boolean;
}

export interface ProposalOpinion {
  proposalId: string;
  perGroup: GroupVotes[];
  consensus: number;
  divisiveness: number;
  /** One line on why the proposal ranks where it does, in every language. */
  explanation: Record<Language, string>;
}

export interface OpinionGroupsResult {
  groups: OpinionGroup[];
  /** One entry per participant with at least one vote, by participant id. */
  memberships: OpinionMembership[];
  /** One entry per proposal (voted on or listed in `proposalIds`), by proposal id. */
  proposals: ProposalOpinion[];
  quality: {
    /** Number of groups. */
    k: number;
    /** Mean silhouette width of the chosen clustering; null for fewer than two groups. */
    silhouette: number | null;
    participantsClustered: number;
    proposalsMapped: number;
    /** Share of the total variance carried by each map dimension. */
    explainedVariance: number[];
  };
}

/** Silhouette scores closer than this are a tie, won by the smaller k. */
const SILHOUETTE_TIE = 1e-9;

/**
 * Opinion groups, memberships and per-proposal CONSENSUS / DIVISIVE scores from a vote list in
 * any order (see the header of this file for every formula). Throws INVALID_INPUT on invalid
 * options, an unknown vote value or a repeated participant–proposal pair.
 */
export function computeOpinionGroups(
  votes: readonly OpinionVote[],
  options: OpinionGroupsOptions = {},
  lang: Language = DEFAULT_LANGUAGE,
): OpinionGroupsResult {
  const settings = validateInput(opinionGroupsOptionsSchema, options, lang);
  return opinionGroupsOfMatrix(buildVoteMatrix(votes, settings.proposalIds, lang), settings);
}

/** The same from a vote matrix already built (`proposalIds` is then ignored). */
export function computeOpinionGroupsFromMatrix(
  matrix: VoteMatrix,
  options: OpinionGroupsOptions = {},
  lang: Language = DEFAULT_LANGUAGE,
): OpinionGroupsResult {
  return opinionGroupsOfMatrix(matrix, validateInput(opinionGroupsOptionsSchema, options, lang));
}

/** CONSENSUS: proposals by consensus; DIVISIVE: by divisiveness. */
export type OpinionOrder = 'CONSENSUS' | 'DIVISIVE';

/**
 * The proposals in ranking order: by score, highest first, then by number of group votes
 * (more evidence first), then by proposal id. Returns a new array.
 */
export function rankProposalOpinions(
  proposals: readonly ProposalOpinion[],
  order: OpinionOrder,
): ProposalOpinion[] {
  const score = (p: ProposalOpinion) => (order === 'CONSENSUS' ? p.consensus : p.divisiveness);
  const votes = (p: ProposalOpinion) =>
    p.perGroup.reduce((sum, g) => sum + g.agree + g.disagree + g.pass, 0);
  return [...proposals].sort(
    (a, b) =>
      score(b) - score(a) ||
      votes(b) - votes(a) ||
      (a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0),
  );
}

/** Steps 2–3: the centred CSR of the clustered rows on the mapped columns. */
function centre(matrix: VoteMatrix, settings: Settings) {
  const { rowStart, columns, values } = matrix;
  const participantCount = matrix.participantIds.length;
  const proposalCount = matrix.proposalIds.length;
  const clusteredRows: number[] = [];
  for (let i = 0; i < participantCount; i++) {
    if (rowStart[i + 1] - rowStart[i] >= settings.minParticipantVotes) clusteredRows.push(i);
  }
  const columnVotes = new Int32Array(proposalCount);
  const columnSum = new Float64Array(proposalCount);
  for (const i of clusteredRows) {
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      columnVotes[columns[e]]++;
      columnSum[columns[e]] += values[e];
    }
  }
  const mapped = new Int32Array(proposalCount).fill(-1);
  let mappedCount = 0;
  for (let j = 0; j < proposalCount; j++) {
    if (columnVotes[j] >= settings.minProposalVotes) mapped[j] = mappedCount++;
  }
  const centredStart = new Int32Array(clusteredRows.length + 1);
  clusteredRows.forEach((i, r) => {
    let cells = 0;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) if (mapped[columns[e]] >= 0) cells++;
    centredStart[r + 1] = centredStart[r] + cells;
  });
  const centredColumns = new Int32Array(centredStart[clusteredRows.length]);
  const centredValues = new Float64Array(centredColumns.length);
  let position = 0;
  for (const i of clusteredRows) {
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = columns[e];
      if (mapped[j] < 0) continue;
      centredColumns[position] = mapped[j];
      centredValues[position++] = values[e] - columnSum[j] / columnVotes[j];
    }
  }
  return {
    clusteredRows,
    data: {
      rowStart: centredStart,
      columns: centredColumns,
      values: centredValues,
      columnCount: mappedCount,
    },
  };
}

/** Step 5: the clustering with the best silhouette, or one group when no k ≥ 2 is possible. */
function chooseClustering(points: Points, settings: Settings) {
  let best: { clustering: Clustering; silhouette: number } | null = null;
  for (let k = 2; k <= settings.maxGroups && k <= points.count; k++) {
    const clustering = kMeans(points, k, mulberry32(settings.seed + k), {
      restarts: settings.restarts,
      maxIterations: settings.kMeansIterations,
    });
    if (clustering === null) break; // fewer than k distinct positions: no larger k either
    const sizes = new Int32Array(k);
    for (const c of clustering.assignment) sizes[c]++;
    if (Math.min(...sizes) < settings.minGroupShare * points.count) continue;
    const score = silhouette(points, clustering.assignment, k, settings.silhouetteSample);
    if (best === null || score > best.silhouette + SILHOUETTE_TIE) {
      best = { clustering, silhouette: score };
    }
  }
  if (best !== null)
    return {
      assignment: best.clustering.assignment,
      k: best.clustering.k,
      silhouette: best.silhouette,
    };
  return { assignment: new Int32Array(points.count), k: 1, silhouette: null };
}

/**
 * Renumbers groups by size, largest first, then by their first clustered member in id order, and
 * computes each group's centroid (mean position of its members).
 */
function renumber(points: Points, assignment: Int32Array, k: number) {
  const { coordinates, count, dim } = points;
  const sizes = new Array<number>(k).fill(0);
  const firstMember = new Array<number>(k).fill(count);
  const centroids = Array.from({ length: k }, () => new Array<number>(dim).fill(0));
  for (let i = count - 1; i >= 0; i--) {
    const c = assignment[i];
    sizes[c]++;
    firstMember[c] = i;
    for (let x = 0; x < dim; x++) centroids[c][x] += coordinates[i * dim + x];
  }
  for (let c = 0; c < k; c++) for (let x = 0; x < dim; x++) centroids[c][x] /= sizes[c];
  const order = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => sizes[b] - sizes[a] || firstMember[a] - firstMember[b],
  );
  const newId = new Int32Array(k);
  order.forEach((c, id) => {
    newId[c] = id;
  });
  const groups = order.map((c, id) => ({ id, size: sizes[c], centroid: centroids[c] }));
  return { groups, groupOf: assignment.map((c) => newId[c]) };
}

function opinionGroupsOfMatrix(matrix: VoteMatrix, settings: Settings): OpinionGroupsResult {
  const { rowStart, columns, values, participantIds, proposalIds } = matrix;
  const proposalCount = proposalIds.length;
  const { clusteredRows, data } = centre(matrix, settings);
  const pca = principalComponents(data, settings);

  // Step 4: positions on the map, scaled to the participant's number of votes.
  const dim = settings.components;
  const coordinates = new Float64Array(clusteredRows.length * dim);
  for (let r = 0; r < clusteredRows.length; r++) {
    const cells = data.rowStart[r + 1] - data.rowStart[r];
    const scale = data.columnCount / Math.max(cells, 1);
    for (let c = 0; c < dim; c++) {
      const direction = pca.vectors[c];
      let sum = 0;
      for (let e = data.rowStart[r]; e < data.rowStart[r + 1]; e++) {
        sum += data.values[e] * direction[data.columns[e]];
      }
      coordinates[r * dim + c] = sum * scale;
    }
  }
  const points: Points = { coordinates, count: clusteredRows.length, dim };

  // Step 5.
  const chosen =
    points.count === 0
      ? { assignment: new Int32Array(0), k: 0, silhouette: null }
      : chooseClustering(points, settings);
  const { k } = chosen;
  const { groups, groupOf } = renumber(points, chosen.assignment, k);

  // Step 6: counts per proposal and group, 3 per cell: agree, disagree, pass.
  const counts = new Int32Array(proposalCount * k * 3);
  const membership = new Int32Array(participantIds.length).fill(-1);
  clusteredRows.forEach((i, r) => {
    const g = groupOf[r];
    membership[i] = g;
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const slot = values[e] === 1 ? 0 : values[e] === -1 ? 1 : 2;
      counts[(columns[e] * k + g) * 3 + slot]++;
    }
  });

  // Step 7: the others, by the nearest smoothed group mean on their own votes.
  const groupMean = new Float64Array(proposalCount * k);
  for (let cell = 0; cell < groupMean.length; cell++) {
    const [agree, disagree, pass] = counts.subarray(cell * 3, cell * 3 + 3);
    groupMean[cell] = (agree - disagree) / (agree + disagree + pass + 2);
  }
  const distances = new Float64Array(k);
  const totalSizes = groups.map((group) => group.size);
  const memberships: OpinionMembership[] = participantIds.map((participantId, i) => {
    const isClustered = membership[i] >= 0;
    if (!isClustered && k === 1) membership[i] = 0;
    if (!isClustered && k > 1) {
      distances.fill(0);
      for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
        for (let g = 0; g < k; g++)
          distances[g] += (values[e] - groupMean[columns[e] * k + g]) ** 2;
      }
      let best = 0;
      for (let g = 1; g < k; g++) if (distances[g] < distances[best]) best = g;
      if (Math.max(...distances) > distances[best]) membership[i] = best;
    }
    if (!isClustered && membership[i] >= 0) totalSizes[membership[i]]++;
    return { participantId, groupId: membership[i] >= 0 ? membership[i] : null, isClustered };
  });

  const proposals = proposalIds.map((proposalId, j): ProposalOpinion => {
    const perGroup = groups.map(({ id }) => {
      const cell = (j * k + id) * 3;
      return groupVotes(id, counts[cell], counts[cell + 1], counts[cell + 2]);
    });
    return {
      proposalId,
      perGroup,
      consensus: consensusScore(perGroup),
      divisiveness: divisivenessScore(perGroup),
      explanation: Object.fromEntries(
        LANGUAGES.map((lang) => [lang, explainGroupVotes(perGroup, lang)]),
      ) as Record<Language, string>,
    };
  });

  return {
    groups: groups.map((group) => ({
      id: group.id,
      label: groupLabel(group.id),
      size: group.size,
      totalSize: totalSizes[group.id],
      centroid: group.centroid,
    })),
    memberships,
    proposals,
    quality: {
      k,
      silhouette: chosen.silhouette,
      participantsClustered: clusteredRows.length,
      proposalsMapped: data.columnCount,
      explainedVariance: pca.eigenvalues.map((value) =>
        pca.totalVariance > 0 ? value / pca.totalVariance : 0,
      ),
    },
  };
}
