/**
 * The seeded vote distribution the benchmarks share (consensus.bench.ts on the domain alone,
 * opinion-job.bench.ts on the real job against PostgreSQL), and their timing / memory printing.
 *
 * Three latent camps (45 %, 35 %, 20 % of participants); a long-tailed number of votes per
 * participant (Pareto, from 1 vote to 2 000, about 23 on average); popular proposals voted more
 * often; 20 % of proposals are "bridges" every camp supports, the others are backed by one camp
 * and opposed by the others.
 */
import { type OpinionVote } from '../../../libs/domain/src/consensus';
import { mulberry32 } from '../../../libs/domain/src/consensus/prng';

export const SEED = 2026;
export const CAMP_SHARES = [0.45, 0.35, 0.2];
const BRIDGE_SHARE = 0.2;
const MAX_VOTES = 2_000;

/** Receives each generated vote: participant index, proposal index, value. */
export type VoteSink = (participant: number, proposal: number, value: OpinionVote['value']) => void;

export interface GeneratedVotes {
  /** The latent camp of each participant. */
  camps: Int8Array;
  /** Per proposal, -1 for a bridge, otherwise the camp that backs it. */
  backer: number[];
  /** Number of votes generated. */
  count: number;
}

function campOf(u: number): number {
  let cumulated = 0;
  for (let camp = 0; camp < CAMP_SHARES.length; camp++) {
    cumulated += CAMP_SHARES[camp];
    if (u < cumulated) return camp;
  }
  return CAMP_SHARES.length - 1;
}

/**
 * Generates the votes of `participants` × `proposals`, participant after participant (each one's
 * votes on distinct proposals), handing each to `sink`. Same seed, same votes.
 */
export function generateVotes(
  participants: number,
  proposals: number,
  sink: VoteSink,
): GeneratedVotes {
  const rng = mulberry32(SEED);
  // -1: a bridge; otherwise the camp that backs the proposal.
  const backer = Array.from({ length: proposals }, () =>
    rng() < BRIDGE_SHARE ? -1 : Math.floor(rng() * CAMP_SHARES.length),
  );
  const camps = new Int8Array(participants);
  const lastVoter = new Int32Array(proposals).fill(-1);
  let count = 0;
  for (let i = 0; i < participants; i++) {
    const camp = campOf(rng());
    camps[i] = camp;
    // Pareto with shape 1.1, from 1 vote, capped: many light voters, a few very active ones.
    const wanted = Math.min(MAX_VOTES, proposals, Math.floor(5 * (1 - rng()) ** (-1 / 1.1)) - 4);
    for (let n = 0; n < wanted;) {
      const j = Math.floor(proposals * rng() ** 2); // popular proposals (low index) voted more
      if (lastVoter[j] === i) continue;
      lastVoter[j] = i;
      n++;
      const support = backer[j] === -1 ? 0.8 : backer[j] === camp ? 0.85 : 0.15;
      const u = rng();
      sink(i, j, u < support ? 'FOR' : u < support + 0.1 ? 'NEUTRAL' : 'AGAINST');
      count++;
    }
  }
  return { camps, backer, count };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** Resident memory now and at its peak (the whole process), and the JavaScript heap in use. */
export function memory(): string {
  const { rss, heapUsed } = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  return `rss ${mib(rss)} (peak ${mib(peakRss)}), heapUsed ${mib(heapUsed)}`;
}

interface Clock {
  start: bigint;
  cpu: NodeJS.CpuUsage;
}

const startClock = (): Clock => ({ start: process.hrtime.bigint(), cpu: process.cpuUsage() });

/** Prints a step's wall-clock and CPU time (this process only; the machine may be shared) and memory. */
function report(label: string, clock: Clock): void {
  const wall = Number(process.hrtime.bigint() - clock.start) / 1e9;
  const { user, system } = process.cpuUsage(clock.cpu);
  const cpu = (user + system) / 1e6;
  console.log(
    `${label.padEnd(27)} ${wall.toFixed(2).padStart(6)} s (CPU ${cpu.toFixed(2).padStart(6)} s)   ${memory()}`,
  );
}

/** Runs a step and prints its wall-clock and CPU time and memory. */
export function timed<T>(label: string, run: () => T): T {
  const clock = startClock();
  const result = run();
  report(label, clock);
  return result;
}

/** timed() for a step that awaits (e.g. the database): CPU is this process', not the server's. */
export async function timedAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
  const clock = startClock();
  const result = await run();
  report(label, clock);
  return result;
}
