import { type HttpTime, systemTime } from "./httpTime";
import { WaitQueue } from "./waitQueue";

/** What a throttled answer asks of the whole process. */
export interface Throttle {
  /** The attempt's ticket from `acquire`: answers to attempts sent before the last decrease do not decrease again. */
  ticket: number;
  /** The answer's Retry-After, in milliseconds, when it gave one. */
  retryAfterMs: number | undefined;
}

/**
 * The process-wide adaptive scheduler, shared by every data source, listing page and project lookup. Two limits, both
 * lowered for everyone when the API throttles (429, or 503 with Retry-After) and raised again as answers succeed:
 *
 * - Concurrency: at most `limit` attempts in flight, where `limit` starts at the configured `maxConcurrency` (the
 *   ceiling), halves on throttling and climbs back by one per window of successes (TCP's AIMD).
 * - Rate: once the API has throttled, attempts leave through a client-side token bucket whose fill rate is cut to
 *   BETA × the rate the API was answering successfully, then climbs back along CUBIC's curve towards (and past) that
 *   rate — AWS SDK v3's "adaptive" retry mode (its `DefaultRateLimiter`). A gateway limits a rate, not a concurrency:
 *   with the window alone a throttled client can only guess a concurrency, and overshooting that guess costs a
 *   Retry-After; the bucket converges to the API's rate instead.
 *
 * Retry-After is honoured for the whole process as a rate, not as a full stop: the throttled request itself is retried
 * no earlier than it says (the retry loop sleeps it), and until it has passed nobody climbs above the cut rate, so the
 * process keeps sending below what the API just served. A gateway's Retry-After is whole seconds (RFC 9110) for a
 * bucket that refills in milliseconds, so holding every request for it stalled a throttled scan a full second at a
 * time (measured: 1.27× the rate floor under 500 req/s). It is not a storm either: the retries that wake together
 * when it ends leave through the same bucket as everything else. An API that keeps refusing keeps being answered with
 * cuts, down to MIN_RATE (one request every two seconds) — a stop in all but name for as long as it refuses.
 *
 * A slot covers one attempt, not its backoff: a request waiting to retry holds nothing, so the in-flight bound holds
 * in every state, including right after a Retry-After when every throttled request retries at once.
 */
export class AdaptiveScheduler {
  private window: number;
  private ceiling: number;
  private inFlight = 0;
  /** A ring, not an array: a program may queue thousands of data sources at once, and each must leave in O(1). */
  private readonly waiting = new WaitQueue<Waiter>();
  /** Waiters in the queue whose `prepare` has run: at most `limit` when it ran (the front of the queue). */
  private preparedAhead = 0;
  private preparing = false;
  /**
   * Callers woken for a slot that have not resumed to take it yet. Counted as holding it: else every answer in between
   * woke one more caller for the same slot, the extras went back to the front one by one — in reverse order — and a
   * queue drained in batches turned around (4, 5, 6, 7, 13, 12, 11, 10, …).
   */
  private woken = 0;
  private sent = 0;
  private decreasedAt = -1;
  /** When the last attempt in flight ended with nobody waiting; undefined while busy. */
  private quietSince: number | undefined;
  private readonly sendingRate: SendingRate;
  /** Attempts take tokens one after another, in the order they got their slot. */
  private pacing: Promise<void> = Promise.resolve();

  constructor(
    private readonly time: HttpTime,
    maxConcurrency: number,
  ) {
    this.ceiling = maxConcurrency;
    this.window = maxConcurrency;
    this.sendingRate = new SendingRate(time);
  }

  /** Attempts allowed in flight now. */
  get limit(): number {
    return Math.floor(this.window);
  }

  get active(): number {
    return this.inFlight;
  }

  /** Requests per second the process may send now; undefined until the API has throttled. */
  get rate(): number | undefined {
    return this.sendingRate.paced ? this.sendingRate.fillRate : undefined;
  }

  /**
   * Runs one attempt in a slot; `task` gets the ticket to pass to `throttled`.
   *
   * The slot is handed on first: when the attempt ends and a waiting caller takes its slot, this caller resumes only
   * behind the I/O already pending (a macrotask later), so the woken caller's request is on the wire before this one's
   * answer is parsed, mapped and handed back — and before the other answers that arrived at the same moment are
   * read. Otherwise both go on as interleaved microtasks, and the next request waits for this answer's processing
   * (issue 23: the time from an answer to the next request sent bounds a scan at full concurrency).
   *
   * `prepare`, when given, runs while the caller waits, once it is among the next `limit` callers to get a slot, and
   * behind pending I/O (never on the way from an answer to the next request): the caller builds its request ahead,
   * so `task` has only to send it. A caller that gets a slot at once, or before its turn to prepare came, is not
   * prepared: `task` does all. At most `limit` waiting callers are prepared, however many wait.
   */
  async run<T>(maxConcurrency: number, task: (ticket: number) => Promise<T>, prepare?: () => void): Promise<T> {
    this.setCeiling(maxConcurrency);
    const ticket = await this.acquire(prepare);
    try {
      return await task(ticket);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.waiting.length === 0 && this.woken === 0) this.quietSince = this.time.now();
      if (this.wakeWaiting() > 0) await behindPendingIo();
    }
  }

  /**
   * Multiplicative decrease of both limits, at most once per window of attempts (the answers to attempts sent before
   * a decrease were sent at the old limits); a Retry-After holds the climb back until it has passed.
   */
  throttled({ ticket, retryAfterMs }: Throttle): void {
    const now = this.time.now();
    if (ticket > this.decreasedAt) {
      this.window = Math.max(1, this.window / 2);
      this.decreasedAt = this.sent;
      this.sendingRate.cut(now);
    }
    if (retryAfterMs !== undefined) this.sendingRate.holdUntil(now + retryAfterMs);
  }

  /** Additive increase of the window (about one slot per window of successes, never above the ceiling); CUBIC's climb of the rate. */
  succeeded(): void {
    this.window = Math.min(this.ceiling, this.window + 1 / this.window);
    this.sendingRate.succeeded(this.time.now());
    this.wakeWaiting();
  }

  private setCeiling(maxConcurrency: number): void {
    // The most recent setting wins (Pulumi runs one program per process, so there is normally one value).
    if (maxConcurrency === this.ceiling) return;
    this.window = Math.min(this.window, maxConcurrency) + Math.max(0, maxConcurrency - this.ceiling);
    this.ceiling = maxConcurrency;
    this.wakeWaiting();
  }

  private async acquire(prepare: (() => void) | undefined): Promise<number> {
    // Nothing in flight and nobody waiting since QUIET_MS or longer: the process went quiet, for its own reasons, not
    // the API's. What the API answered before that spell is forgotten, so the rate measured next is of this busy spell
    // alone: counting the quiet time in had a burst after it paced at twice a rate the process merely did not ask for
    // (issue 23: 200 lookups 700 ms after the previous 200, long after a throttled scan, took 1.6× their 325 ms).
    if (this.inFlight === 0 && this.woken === 0 && this.waiting.length === 0 && this.quietSince !== undefined) {
      if (this.time.now() - this.quietSince >= QUIET_MS) this.sendingRate.wentQuiet();
      this.quietSince = undefined;
    }
    // A slot promised to a woken caller is not free for a newcomer, who would otherwise take it first.
    if (this.inFlight + this.woken >= this.limit || this.waiting.length > 0) {
      const waiter: Waiter = { wake: () => undefined, prepare, prepared: false };
      await new Promise<void>((resolve) => {
        waiter.wake = resolve;
        this.waiting.push(waiter);
        this.prepareSoon();
      });
      this.woken -= 1;
      // Woken for a free slot; another decrease may have taken it back meanwhile: first in line again.
      while (this.inFlight >= this.limit) {
        await new Promise<void>((resolve) => {
          waiter.wake = resolve;
          this.waiting.unshift(waiter);
          if (waiter.prepared) this.preparedAhead += 1;
        });
        this.woken -= 1;
      }
    }
    this.inFlight += 1;
    // The slot is held while waiting for a token: what is sent is never more than what holds a slot.
    if (this.sendingRate.paced) {
      const turn = this.pacing.then(() => this.sendingRate.take());
      this.pacing = turn;
      await turn;
    }
    this.sent += 1;
    return this.sent;
  }

  /** Wakes as many waiting callers as there are free slots; returns how many it woke. */
  private wakeWaiting(): number {
    let woke = 0;
    for (let free = this.limit - this.inFlight - this.woken; free > 0 && this.waiting.length > 0; free -= 1) {
      const waiter = this.waiting.shift() as Waiter;
      if (waiter.prepared) this.preparedAhead -= 1;
      this.woken += 1;
      woke += 1;
      waiter.wake();
    }
    if (woke > 0) this.prepareSoon();
    return woke;
  }

  /**
   * Prepares the next waiters up to `limit` prepared, behind pending I/O: run at once, a preparation would delay the
   * request of the caller just woken, and those of the answers that arrived with this one.
   */
  private prepareSoon(): void {
    if (this.preparing || this.waiting.length === 0) return;
    this.preparing = true;
    setImmediate(() => {
      this.preparing = false;
      const limit = this.limit;
      for (let index = 0; this.preparedAhead < limit && index < this.waiting.length; index += 1) {
        const waiter = this.waiting.at(index) as Waiter;
        if (waiter.prepared) continue;
        waiter.prepared = true;
        this.preparedAhead += 1;
        try {
          waiter.prepare?.();
        } catch {
          // Nothing is lost: the task builds what could not be built ahead, and meets the same failure in its slot,
          // where its caller is told (here it would be an uncaught exception).
        }
      }
    });
  }
}

/** A caller waiting for a slot. */
interface Waiter {
  wake: () => void;
  prepare: (() => void) | undefined;
  /** Whether `prepare` has run (or there was none to run and its turn came). */
  prepared: boolean;
}

/** Resolves once the event loop has run the I/O callbacks already due (a `setImmediate`, not a timer). */
function behindPendingIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The fraction of the rate the API answered that the rate is cut to on throttling. CUBIC and AWS use 0.7, a cut for a
 * congested network whose capacity is unknown; a gateway's limit is a fixed rate, and the rate measured when it throttles
 * is that limit (plus its burst), so a smaller cut gets below it and spends less time climbing back. Simulated 10,000-
 * lookup scan behind 500 req/s (test/unit/adaptiveScheduler.test.ts): 1.09× the rate floor with 0.7, 1.01× with 0.9.
 */
const BETA = 0.9;
/** CUBIC's scaling constant, in requests per second per second³ (AWS's 0.4): how fast the rate climbs back. */
const SCALE = 0.4;
/** The lowest rate a cut reaches, requests per second (AWS's 0.5). */
const MIN_RATE = 0.5;
/**
 * The bucket holds this much of its rate: enough for timers that wake a few milliseconds late to catch up, small
 * enough that a burst (10 requests at 500 req/s) stays far below what a gateway lets through at once. AWS holds a whole
 * second's worth, which lets a client whose concurrency was the binding limit send a second's worth too fast.
 */
const BUCKET_MS = 20;
/** Each throttle while paced halves the bucket (it may be our own bursts the gateway refused), down to this. */
const MIN_BUCKET_MS = 5;
/** Successes over this span measure the rate the API is answering. */
const MEASURE_MS = 1000;
/** Successes spanning less than this do not measure a rate. */
const SHORTEST_MEASURE_MS = 100;
/**
 * A spell with nothing in flight at least this long ends the measurement. A shorter one understates the measured rate
 * by a tenth at most (of MEASURE_MS), well inside the 2× the bucket may climb above it; a caller that sends one request
 * right after another's answer is never quiet this long, and keeps its measurement.
 */
const QUIET_MS = SHORTEST_MEASURE_MS;

/**
 * The client-side token bucket of AWS SDK v3's adaptive retry mode (`DefaultRateLimiter`): off until the first throttle;
 * then every cut sets the fill rate to BETA × the rate that was measured, and successes move it along CUBIC's curve
 * `SCALE × (t − K)³ + measured`, which is back at the measured rate after K seconds and probes beyond it after that.
 * The measured rate is of successful answers only (AWS counts every answer): the throttled ones are what the API did
 * not serve. Written here rather than taken from `@smithy/util-retry`: that one sleeps on its own timers (the tests run
 * on injected time), measures every answer, keeps a bucket of a whole second, and has no Retry-After.
 */
class SendingRate {
  paced = false;
  fillRate = 0;
  private tokens = 0;
  private bucketMs = BUCKET_MS;
  private refilledAt = 0;
  /** The rate at the last cut, and when CUBIC's climb starts (the cut, or the end of a Retry-After). */
  private lastMaxRate = 0;
  private climbFrom = 0;
  private readonly successes: number[] = [];
  private oldestSuccess = 0;

  constructor(private readonly time: HttpTime) {}

  cut(now: number): void {
    const measured = this.measured(now);
    // Too short a history says nothing of the API's rate (16 attempts sent at once at the start, a burst after a quiet
    // spell): the window's decrease alone answers it, and the bucket starts once a rate has been measured.
    if (measured === undefined && !this.paced) return;
    const rateToUse =
      measured === undefined ? this.fillRate : this.paced ? Math.min(measured, this.fillRate) : measured;
    this.refill(now);
    if (this.paced) this.bucketMs = Math.max(MIN_BUCKET_MS, this.bucketMs / 2);
    this.paced = true;
    this.lastMaxRate = rateToUse;
    this.climbFrom = now;
    this.setRate(rateToUse * BETA);
  }

  /** Forgets the successes counted so far: the next measurement starts with the next answer. */
  wentQuiet(): void {
    this.oldestSuccess = this.successes.length;
  }

  holdUntil(until: number): void {
    if (this.paced) this.climbFrom = Math.max(this.climbFrom, until);
  }

  succeeded(now: number): void {
    this.successes.push(now);
    if (!this.paced) {
      this.forgetBefore(now - MEASURE_MS);
      return;
    }
    this.refill(now);
    const measured = this.measured(now);
    this.setRate(measured === undefined ? this.cubic(now) : Math.min(this.cubic(now), 2 * measured));
  }

  /** Waits for a token and takes it. */
  async take(): Promise<void> {
    this.refill(this.time.now());
    while (this.tokens < 1) {
      await this.time.sleep(Math.ceil(((1 - this.tokens) / this.fillRate) * 1000));
      this.refill(this.time.now());
    }
    this.tokens -= 1;
  }

  private cubic(now: number): number {
    const seconds = Math.max(0, now - this.climbFrom) / 1000;
    const k = Math.cbrt((this.lastMaxRate * (1 - BETA)) / SCALE);
    return SCALE * (seconds - k) ** 3 + this.lastMaxRate;
  }

  private setRate(rate: number): void {
    this.fillRate = Math.max(MIN_RATE, rate);
    this.tokens = Math.min(this.tokens, this.capacity);
  }

  private get capacity(): number {
    return Math.max(1, (this.fillRate * this.bucketMs) / 1000);
  }

  private refill(now: number): void {
    if (now > this.refilledAt)
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) * this.fillRate) / 1000);
    this.refilledAt = Math.max(this.refilledAt, now);
  }

  /** Successful answers per second over the last MEASURE_MS; undefined when they span less than SHORTEST_MEASURE_MS. */
  private measured(now: number): number | undefined {
    this.forgetBefore(now - MEASURE_MS);
    const oldest = this.successes[this.oldestSuccess];
    if (oldest === undefined || now - oldest < SHORTEST_MEASURE_MS) return undefined;
    return ((this.successes.length - this.oldestSuccess) * 1000) / Math.min(MEASURE_MS, now - oldest);
  }

  private forgetBefore(since: number): void {
    while (this.oldestSuccess < this.successes.length && this.successes[this.oldestSuccess]! <= since)
      this.oldestSuccess += 1;
    // Drop what has been counted out now and then, rather than shifting the array on every answer.
    if (this.oldestSuccess > 4096) {
      this.successes.splice(0, this.oldestSuccess);
      this.oldestSuccess = 0;
    }
  }
}

const schedulers = new WeakMap<HttpTime, AdaptiveScheduler>();

/**
 * The one scheduler of this process (one per injected clock, so a test on fake time has its own), shared by every
 * data source, listing page and project lookup.
 */
export function schedulerFor(time: HttpTime = systemTime, maxConcurrency: number): AdaptiveScheduler {
  let scheduler = schedulers.get(time);
  if (!scheduler) {
    scheduler = new AdaptiveScheduler(time, maxConcurrency);
    schedulers.set(time, scheduler);
  }
  return scheduler;
}
