import { type HttpTime, systemTime } from "./httpTime";

/** What a throttled answer asks of the whole process. */
export interface Throttle {
  /** The attempt's ticket from `acquire`: answers to attempts sent before the last decrease do not decrease again. */
  ticket: number;
  /** The answer's Retry-After, in milliseconds, when it gave one. */
  retryAfterMs: number | undefined;
}

/**
 * The process-wide adaptive scheduler: at most `limit` attempts in flight, where `limit` starts at the configured
 * `maxConcurrency` (the ceiling), halves when the API throttles (429, or 503 with Retry-After) and climbs back by one
 * per window of successes — TCP's AIMD, as in AWS SDK v3's "adaptive" retry mode, but bounding concurrency rather
 * than a token rate, since what the gateway counts here is requests and our requests are all alike.
 * A Retry-After holds every new attempt of the process until it has passed, not only the throttled request's retry.
 * A slot covers one attempt, not its backoff: a request waiting to retry holds nothing, so the bound holds in every
 * state, including right after a pause when every throttled request retries at once.
 */
export class AdaptiveScheduler {
  private window: number;
  private ceiling: number;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private pausedUntil = Number.NEGATIVE_INFINITY;
  private sent = 0;
  private decreasedAt = -1;
  /** The window when the API last throttled: the climb back slows near it, as CUBIC's plateau does. */
  private throttledWindow = Number.POSITIVE_INFINITY;

  constructor(
    private readonly time: HttpTime,
    maxConcurrency: number,
  ) {
    this.ceiling = maxConcurrency;
    this.window = maxConcurrency;
  }

  /** Attempts allowed in flight now. */
  get limit(): number {
    return Math.floor(this.window);
  }

  get active(): number {
    return this.inFlight;
  }

  /** Runs one attempt in a slot; `task` gets the ticket to pass to `throttled`. */
  async run<T>(maxConcurrency: number, task: (ticket: number) => Promise<T>): Promise<T> {
    this.setCeiling(maxConcurrency);
    const ticket = await this.acquire();
    try {
      return await task(ticket);
    } finally {
      this.inFlight -= 1;
      this.wakeWaiting();
    }
  }

  /** Multiplicative decrease, at most once per window of attempts; a Retry-After pauses the whole process. */
  throttled({ ticket, retryAfterMs }: Throttle): void {
    if (ticket > this.decreasedAt) {
      this.throttledWindow = this.window;
      this.window = Math.max(1, this.window / 2);
      this.decreasedAt = this.sent;
    }
    if (retryAfterMs !== undefined) this.pausedUntil = Math.max(this.pausedUntil, this.time.now() + retryAfterMs);
  }

  /**
   * Additive increase: about one more slot per window of successful answers up to 90% of the window the API last
   * throttled at, then one per PLATEAU windows (never above the ceiling). A gateway's limit is a fixed rate and its
   * Retry-After is whole seconds, so every throttle costs the whole process a second: probing it again within a
   * fraction of a second (TCP's plain climb, 25 ms windows) would spend the scan in pauses (measured: 1.84× the rate
   * floor with the plain climb under a 500 req/s limit).
   */
  succeeded(): void {
    const step = this.window < 0.9 * this.throttledWindow ? 1 / this.window : 1 / (this.window * PLATEAU);
    this.window = Math.min(this.ceiling, this.window + step);
    this.wakeWaiting();
  }

  private setCeiling(maxConcurrency: number): void {
    // The most recent setting wins (Pulumi runs one program per process, so there is normally one value).
    if (maxConcurrency === this.ceiling) return;
    this.window = Math.min(this.window, maxConcurrency) + Math.max(0, maxConcurrency - this.ceiling);
    this.ceiling = maxConcurrency;
    this.wakeWaiting();
  }

  private async acquire(): Promise<number> {
    for (;;) {
      const pause = this.pausedUntil - this.time.now();
      if (pause > 0) await this.time.sleep(pause);
      else if (this.inFlight < this.limit && this.waiting.length === 0) break;
      else await new Promise<void>((resolve) => this.waiting.push(resolve));
      if (this.pausedUntil <= this.time.now() && this.inFlight < this.limit) break;
    }
    this.inFlight += 1;
    this.sent += 1;
    return this.sent;
  }

  private wakeWaiting(): void {
    for (let free = this.limit - this.inFlight; free > 0 && this.waiting.length > 0; free -= 1)
      this.waiting.shift()?.();
  }
}

/** How much slower the climb is near the window that was throttled (see `succeeded`). */
const PLATEAU = 256;

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
