/**
 * A short-lived memory of public reads (issue 9: anonymous lists at 200 requests/s on two cores).
 *
 * Two stores share one *generation*: whole GraphQL answers given to anonymous visitors (see
 * public-read-cache.middleware.ts) and list counts (`totalCount`, a scan of every visible
 * proposal). Every mutation, in any API process, starts a new generation and empties both: a
 * reader never sees an answer older than the last write it could have seen, only changes made
 * outside GraphQL (background jobs, a clock passing a phase's end) wait for the time to live.
 * Work started under an older generation is never stored, so a read that raced a write cannot
 * put a stale answer back after the clear.
 */

/** What is kept of an answer: its bytes and the headers that describe them. */
export interface CachedAnswer {
  body: Buffer;
  contentType: string;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export interface PublicReadCacheOptions {
  /** Time to live of an entry, in milliseconds; 0 turns the cache off. */
  ttlMs: number;
  /** Entries per store; the oldest goes first beyond it. */
  maxEntries?: number;
  /** Answers larger than this are not kept. */
  maxAnswerBytes?: number;
  /** Clock, for tests. */
  now?: () => number;
}

const DEFAULT_MAX_ENTRIES = 1_000;
const DEFAULT_MAX_ANSWER_BYTES = 512 * 1024;

export class PublicReadCache {
  readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly maxAnswerBytes: number;
  private readonly now: () => number;
  private generationValue = 0;
  private readonly answers = new Map<string, Entry<CachedAnswer>>();
  private readonly counts = new Map<string, Entry<Promise<number>>>();
  /** Called by invalidate() to tell the other API processes (see PublicReadCacheModule). */
  private broadcast: (() => void) | null = null;

  constructor(options: PublicReadCacheOptions) {
    this.ttlMs = options.ttlMs;
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxAnswerBytes = options.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** Changes on every invalidation: work started under another generation is not stored. */
  get generation(): number {
    return this.generationValue;
  }

  /** A fresh answer (younger than the time to live). */
  answer(key: string): CachedAnswer | undefined {
    return this.read(this.answers, key);
  }

  /**
   * An answer past its time to live but younger than twice it, with no write since (a write
   * empties the store): served while one request computes its replacement, so an expiring entry
   * under load costs one computation and no wait (stale-while-revalidate).
   */
  staleAnswer(key: string): CachedAnswer | undefined {
    const entry = this.answers.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt + this.ttlMs <= this.now()) {
      this.answers.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps an answer computed under `generation`, unless a write happened since. */
  keepAnswer(key: string, generation: number, answer: CachedAnswer): boolean {
    if (!this.enabled || generation !== this.generationValue) return false;
    if (answer.body.length > this.maxAnswerBytes) return false;
    this.write(this.answers, key, answer);
    return true;
  }

  /**
   * A count, computed once per time to live and generation for every caller asking the same key
   * (concurrent callers share the query in flight). A failed count is not kept.
   */
  count(key: string, compute: () => Promise<number>): Promise<number> {
    return this.knownCount(key) ?? this.keepCount(key, compute());
  }

  /** The count kept (or being computed) for a key, if any. */
  knownCount(key: string): Promise<number> | undefined {
    return this.enabled ? this.read(this.counts, key) : undefined;
  }

  /** Keeps a count being computed, for the callers that come next; returns it. */
  keepCount(key: string, pending: Promise<number>): Promise<number> {
    if (!this.enabled) return pending;
    const generation = this.generationValue;
    this.write(this.counts, key, pending);
    pending.then(
      () => {
        // Computed across a write: it may count what was just hidden or deleted.
        if (generation !== this.generationValue) this.dropIf(this.counts, key, pending);
      },
      () => this.dropIf(this.counts, key, pending),
    );
    return pending;
  }

  /** A write happened: forget everything, here and (through the broadcast) in other processes. */
  invalidate(): void {
    this.clear();
    this.broadcast?.();
  }

  /** Forget everything (an invalidation received from another process). */
  clear(): void {
    this.generationValue += 1;
    this.answers.clear();
    this.counts.clear();
  }

  onInvalidate(broadcast: () => void): void {
    this.broadcast = broadcast;
  }

  /** Entries held, for tests and diagnostics. */
  size(): { answers: number; counts: number } {
    return { answers: this.answers.size, counts: this.counts.size };
  }

  private read<T>(store: Map<string, Entry<T>>, key: string): T | undefined {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      // Answers stay a little longer for staleAnswer(); counts go.
      if (store !== (this.answers as Map<string, unknown>)) store.delete(key);
      return undefined;
    }
    return entry.value;
  }

  private write<T>(store: Map<string, Entry<T>>, key: string, value: T): void {
    store.delete(key); // re-inserted last: Map order is insertion order
    store.set(key, { value, expiresAt: this.now() + this.ttlMs });
    while (store.size > this.maxEntries) {
      const oldest = store.keys().next().value as string;
      store.delete(oldest);
    }
  }

  private dropIf<T>(store: Map<string, Entry<T>>, key: string, value: T): void {
    if (store.get(key)?.value === value) store.delete(key);
  }
}
