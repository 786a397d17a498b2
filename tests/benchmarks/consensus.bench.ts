/**
 * Benchmark of the opinion-groups computation (libs/domain/src/consensus) at the scale the job
 * must handle: 100 000 participants × 10 000 proposals, a few million votes.
 *
 *   npm run bench:consensus            (or: npx tsx tests/benchmarks/consensus.bench.ts)
 *   PARTICIPANTS=20000 PROPOSALS=2000 MIN_VOTES=7 npm run bench:consensus   (other settings)
 *
 * The matrix is random but seeded (tests/benchmarks/support/vote-generator.ts, shared with
 * opinion-job.bench.ts, which times the real job against PostgreSQL). It prints the time of
 * each step (wall clock and CPU), the peak resident memory and the heap in use, and how well the
 * camps were recovered.
 */
import {
  buildVoteMatrix,
  computeOpinionGroupsFromMatrix,
  rankProposalOpinions,
  type OpinionVote,
} from '../../libs/domain/src/consensus';
import { CAMP_SHARES, SEED, generateVotes, memory, timed } from './support/vote-generator';

const PARTICIPANTS = Number(process.env['PARTICIPANTS'] ?? 100_000);
const PROPOSALS = Number(process.env['PROPOSALS'] ?? 10_000);
/** Minimum votes for a participant to be clustered (the others are placed afterwards). */
const MIN_VOTES = Number(process.env['MIN_VOTES'] ?? 3);

function generate() {
  const participantIds = Array.from({ length: PARTICIPANTS }, (_, i) => `participant-${i}`);
  const proposalIds = Array.from({ length: PROPOSALS }, (_, j) => `proposal-${j}`);
  const votes: OpinionVote[] = [];
  const { camps, backer } = generateVotes(PARTICIPANTS, PROPOSALS, (i, j, value) => {
    votes.push({ participantId: participantIds[i], proposalId: proposalIds[j], value });
  });
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
