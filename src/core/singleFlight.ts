/** Thrown by `work` when every caller has aborted: each caller then gets its own signal's reason. */
export const ABANDONED: unique symbol = Symbol("every caller aborted");

/** How long a success is answered again after it settles; a failure is never kept. */
export interface SingleFlightOptions<T> {
  /**
   * Until when (epoch milliseconds, by `now`) a success is answered to later callers without running `work` again:
   * `Infinity` for the life of the process, a credential's refresh time for a credential. Absent: only callers that
   * arrive while the work is in flight share it, and the next caller runs it afresh.
   */
  readonly keepUntil?: (value: T) => number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Work shared by key: see {@link singleFlight}. */
export interface SingleFlight<T> {
  /**
   * The outcome of `work` for `key`, shared with every other caller of the same key while it runs (and, with
   * `keepUntil`, after it succeeded). `work` may ask `abandoned()`: true once every caller's signal has aborted, when it
   * should give up by throwing {@link ABANDONED}. A caller's own abort fails only that caller, with its signal's reason.
   */
  run(key: string, work: (abandoned: () => boolean) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Drops the kept success of `key` (only if `stale` says it is the stale one, when given): the next caller runs `work`. */
  forget(key: string, stale?: (value: T) => boolean): void;
  /** Drops every kept success (work in flight still settles for its callers). */
  clear(): void;
}

interface Flight<T> {
  readonly result: Promise<T>;
  /** The signal of every caller; a caller without one never gives up. */
  readonly signals: (AbortSignal | undefined)[];
}

/**
 * The one single-flight helper: concurrent callers of the same key share one run of the work, a failure is never kept
 * (the next caller tries again), one caller's abort never fails another, and a success is kept only as long as
 * `keepUntil` says. Hand-written: keyed promise memoizers (p-memoize, memoize) cache a promise per key, but the callers
 * here also need the work given up only once every caller's own signal has aborted, and a success kept until a time
 * the value itself carries (a credential's refresh time); this is ~60 lines with no dependency in the core.
 */
export function singleFlight<T>(options: SingleFlightOptions<T> = {}): SingleFlight<T> {
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Flight<T>>();
  const kept = new Map<string, { value: T; until: number }>();

  const start = (key: string, signal: AbortSignal | undefined, work: (abandoned: () => boolean) => Promise<T>) => {
    const signals = [signal];
    const abandoned = () => signals.every((candidate) => candidate?.aborted === true);
    const flight: Flight<T> = {
      signals,
      result: (async () => {
        try {
          const value = await work(abandoned);
          if (options.keepUntil !== undefined && inFlight.get(key)?.signals === signals) {
            const until = options.keepUntil(value);
            if (now() < until) kept.set(key, { value, until });
          }
          return value;
        } finally {
          if (inFlight.get(key)?.signals === signals) inFlight.delete(key);
        }
      })(),
    };
    inFlight.set(key, flight);
    return flight;
  };

  const run = (key: string, work: (abandoned: () => boolean) => Promise<T>, signal?: AbortSignal): Promise<T> => {
    try {
      signal?.throwIfAborted();
    } catch (reason) {
      return Promise.reject(reason);
    }
    const success = kept.get(key);
    if (success !== undefined) {
      if (now() < success.until) return Promise.resolve(success.value);
      kept.delete(key);
    }
    const joined = inFlight.get(key);
    if (joined) joined.signals.push(signal);
    const flight = joined ?? start(key, signal, work);
    return flight.result.catch((error: unknown) => {
      if (error !== ABANDONED) throw error;
      if (signal?.aborted) throw signal.reason;
      // Joined work just as it was given up for the callers before: start afresh.
      return run(key, work, signal);
    });
  };

  return {
    run,
    forget(key, stale) {
      const success = kept.get(key);
      if (success !== undefined && (stale === undefined || stale(success.value))) kept.delete(key);
    },
    clear() {
      kept.clear();
      // Work still in flight must not keep its success once it settles: its callers get it, later ones start afresh.
      inFlight.clear();
    },
  };
}
