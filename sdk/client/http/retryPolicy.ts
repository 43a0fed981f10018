import type { RetryOptions } from "ky";
import type { ClientSettings } from "../config/settings";

/** Throttling and every server-side failure; never 4xx authentication, permission or validation errors. */
const RETRYABLE_STATUS_CODES = [408, 429, ...Array.from({ length: 100 }, (_, index) => 500 + index)];
const MAX_BACKOFF_MS = 5_000;

/**
 * Exponential backoff (base, 2×base, 4×base … capped at 5 s) with "equal jitter": half the delay is fixed, half
 * random, so concurrent clients spread out without ever retrying immediately. `Retry-After` from the server wins
 * over the computed delay (up to the total timeout).
 */
export function retryOptions(settings: ClientSettings): RetryOptions {
  return {
    limit: settings.maxRetries,
    methods: ["get"],
    statusCodes: RETRYABLE_STATUS_CODES,
    afterStatusCodes: [429, 503],
    maxRetryAfter: settings.totalTimeoutMs,
    retryOnTimeout: true,
    backoffLimit: MAX_BACKOFF_MS,
    delay: (retry) => settings.retryBaseDelayMs * 2 ** (retry - 1),
    jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
  };
}
