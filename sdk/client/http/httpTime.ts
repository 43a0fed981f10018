import { setTimeout as wait } from "node:timers/promises";

/**
 * Everything the HTTP layer reads of time and chance, injectable as the signer's date is: retry tests run on fake
 * time and assert exact delays, and a test can move the clock between attempts.
 */
export interface HttpTime {
  /** Epoch milliseconds now: the `X-Sdk-Date` of an attempt and the start of the total timeout. */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** A signal that aborts (with a `TimeoutError` DOMException) after `ms`. */
  timeout(ms: number): AbortSignal;
  /** A number in [0, 1): the jitter of retry delays. */
  random(): number;
}

/** The real clock, timers and `Math.random`. */
export const systemTime: HttpTime = {
  now: () => Date.now(),
  sleep: (ms, signal) => wait(ms, undefined, { signal }),
  timeout: (ms) => AbortSignal.timeout(ms),
  random: () => Math.random(),
};
