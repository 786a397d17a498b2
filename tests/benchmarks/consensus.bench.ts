/**
 * Benchmark of the opinion-groups computation (libs/domain/src/consensus) at the scale the job
 * must handle: 100 000 participants × 10 000 proposals, a few million votes.
 *
 *   npm run bench:consensus            (or: npx tsx tests/benchmarks/consensus.bench.ts)
 *   PARTICIPANTS=20000 PROPOSALS=2000 MIN_VOTES=7 npm run bench:consensus   (other settings)
 *
 * The matrix is random but seeded: three latent camps (45 %, 35 %, 20 % of participants); a
 * long-tailed number of votes per participant (Pareto, from 1 vote to 2 000, about 23 on
 * average); popular proposals voted more often; 20 % of proposals are "bridges" every camp
 * supports, the others are backed by one camp and opposed by the others. It prints the time of
 * each step (wall clock and CPU), the peak resident memory and the heap in use, and how well the
 * camps were recovered.
 */
import {
  buildVoteMatrix,
  computeOpinionGroupsFromMatrix,
  rankProposalOpinions,
  type OpinionVote,
} from '../../libs/domain/src/consensus';
import { mulberry32 } from '../../libs/domain/src/consensus/prng';

const PARTICIPANTS = Number(process.env['PARTICIPANTS'] ?? 100_000);
const PROPOSALS = Number(process.env['PROPOSALS'] ?? 10_000);
/** Minimum votes for a participant to be clustered (the others are placed afterwards). */
const MIN_VOTES = Number(process.env['MIN_VOTES'] ?? 3);
const SEED = 2026;
const CAMP_SHARES = [0.45, 0.35, 0.2];
const BRIDGE_SHARE = 0.2;
const MAX_VOTES = 2_000;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

function memory(): string {
  const { rss, heapUsed } = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  return `rss ${mib(rss)} (peak ${mib(peakRss)}), heapUsed ${mib(heapUsed)}`;
}

/** Runs a step and prints its wall-clock and CPU time (the machine may be shared) and memory. */
function timed<T>(label: string, run: () => T): T {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = run();
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const { user, system } = process.cpuUsage(cpuStart);
  const cpu = (user + system) / 1e6;
  console.log(
    `${label.padEnd(27)} ${wall.toFixed(2).padStart(6)} s (CPU ${cpu.toFixed(2).padStart(6)} s)   ${memory()}`,
  );
  return result;
}

function campOf(u: number): number {
  let cumulated = 0;
  for (let camp = 0; camp < CAMP_SHARES.length; camp++) {
    cumulated += CAMP_SHARES[camp];
    if (u < cumulated) return camp;
  }
  return CAMP_SHARES.length - 1;
}

function generate() {
  const rng = mulberry32(SEED);
  const participantIds = Array.from({ length: PARTICIPANTS }, (_, i) => `participant-${i}`);
  const proposalIds = Array.from({ length: PROPOSALS }, (_, j) => `proposal-${j}`);
  // -1: a bridge; otherwise the camp that backs the proposal.
  const backer = Array.from({ length: PROPOSALS }, () =>
    rng() < BRIDGE_SHARE ? -1 : Math.floor(rng() * CAMP_SHARES.length),
  );
  const camps = new Int8Array(PARTICIPANTS);
  const lastVoter = new Int32Array(PROPOSALS).fill(-1);
  const votes: OpinionVote[] = [];
  for (let i = 0; i < PARTICIPANTS; i++) {
    const camp = campOf(rng());
    camps[i] = camp;
    // Pareto with shape 1.1, from 1 vote, capped: many light voters, a few very active ones.
    const wanted = Math.min(MAX_VOTES, PROPOSALS, Math.floor(5 * (1 - rng()) ** (-1 / 1.1)) - 4);
    for (let n = 0; n < wanted;) {
      const j = Math.floor(PROPOSALS * rng() ** 2); // popular proposals (low index) voted more
      if (lastVoter[j] === i) continue;
      lastVoter[j] = i;
      n++;
      const support = backer[j] === -1 ? 0.8 : backer[j] === camp ? 0.85 : 0.15;
      const u = rng();
      const value = u < support ? 'FOR' : u < support + 0.1 ? 'NEUTRAL' : 'AGAINST';
      votes.push({ participantId: participantIds[i], proposalId: proposalIds[j], value });
    }
  }
  return { votes, camps, backer };
}

function main() {
  console.log(
    `consensus benchmark: ${PARTICIPANTS} participants × ${PROPOSALS} proposals, seed ${SEED}, clustering participants with ${MIN_VOTES}+ votes`,
  );
  console.log(`start                                   ${memory()}`);
  const { votes, camps, backer } = timed('generate votes', generate);
  console.log(
    `${votes.length} votes (${(votes.length / PARTICIPANTS).toFixed(1)} per participant)`,
  );
  const matrix = timed('build sparse matrix', () => buildVoteMatrix(votes));
  const result = timed('opinion groups + scores', () =>
    computeOpinionGroupsFromMatrix(matrix, { minParticipantVotes: MIN_VOTES }),
  );
  const total = timed('rank CONSENSUS / DIVISIVE', () => [
    rankProposalOpinions(result.proposals, 'CONSENSUS'),
    rankProposalOpinions(result.proposals, 'DIVISIVE'),
  ]);

  const { quality, groups } = result;
  console.log(
    `k = ${quality.k}, silhouette ${quality.silhouette?.toFixed(3)}, ` +
      `${quality.participantsClustered} participants clustered, ${quality.proposalsMapped} proposals mapped, ` +
      `explained variance ${quality.explainedVariance.map((v) => v.toFixed(3)).join(' / ')}`,
  );
  // Camp × group table over the clustered participants (participant-i is camp camps[i]).
  const table = groups.map(() => new Array<number>(CAMP_SHARES.length).fill(0));
  for (const membership of result.memberships) {
    if (!membership.isClustered || membership.groupId === null) continue;
    const camp = camps[Number(membership.participantId.slice('participant-'.length))];
    table[membership.groupId][camp]++;
  }
  for (const group of groups) {
    const row = table[group.id];
    const purity = Math.max(...row) / group.size;
    console.log(
      `group ${group.label}: ${group.size} clustered (${group.totalSize} in all), camps ${row.join(' / ')}, purity ${(100 * purity).toFixed(1)} %`,
    );
  }
  const bridgeShare = (ranking: typeof result.proposals) =>
    ranking
      .slice(0, 100)
      .filter((p) => backer[Number(p.proposalId.slice('proposal-'.length))] === -1).length;
  const [byConsensus, byDivisiveness] = total;
  console.log(
    `bridges among the top 100: CONSENSUS ${bridgeShare(byConsensus)}, DIVISIVE ${bridgeShare(byDivisiveness)}`,
  );
  console.log(`top CONSENSUS: ${byConsensus[0].proposalId} — ${byConsensus[0].explanation.fr}`);
  console.log(
    `top DIVISIVE: ${byDivisiveness[0].proposalId} — ${byDivisiveness[0].explanation.fr}`,
  );
}

main();
