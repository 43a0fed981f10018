import { setTimeout as wait } from "node:timers/promises";

/**
 * Everything the HTTP layer reads of time and chance, injectable as the signer's date is: retry tests run on fake
 * time and assert exact delays, and a test can move the clock between attempts.
 */
export interface HttpTime {
  /** Epoch milliseconds now: the `X-Sdk-Date` of an attempt and the start of the total timeout. */
  now(): number;
  /** Resolves after `ms`. */
  sleep(ms: number): Promise<void>;
  /**
   * Calls `fire` after `ms` unless the returned function is called first. A plain timer rather than
   * `AbortSignal.timeout`/`AbortSignal.any`: those cost several times more per request than the request's own signing,
   * and a listing makes hundreds of requests.
   */
  setTimer(ms: number, fire: () => void): () => void;
  /** A number in [0, 1): the jitter of retry delays. */
  random(): number;
}

/** The real clock, timers and `Math.random`. */
export const systemTime: HttpTime = {
  now: () => Date.now(),
  sleep: (ms) => wait(ms),
  setTimer: (ms, fire) => {
    const timer = setTimeout(fire, ms);
    return () => clearTimeout(timer);
  },
  random: () => Math.random(),
};
