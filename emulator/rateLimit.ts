import type { Operation } from "./types";

/** The gateway's throttling policy: a sustained rate and the burst a quiet client may spend at once. */
export interface RateLimitOptions {
  /** Requests per second refilled into each bucket. */
  requestsPerSecond: number;
  /** Bucket size: requests answered at once after a quiet spell. @default requestsPerSecond / 10, at least 1 */
  burst?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per project and API, like the API gateway's per-user-per-API flow control: a request takes a token
 * or is answered 429 APIG.0308 with the whole seconds until the next token as `Retry-After` (RFC 9110 allows only
 * whole seconds), which is what a client would see from the cloud.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;
  private readonly perMs: number;

  constructor(options: RateLimitOptions) {
    if (!Number.isFinite(options.requestsPerSecond) || options.requestsPerSecond <= 0)
      throw new Error(`rateLimit.requestsPerSecond must be > 0, got ${options.requestsPerSecond}`);
    this.burst = options.burst ?? Math.max(1, Math.floor(options.requestsPerSecond / 10));
    if (!Number.isInteger(this.burst) || this.burst < 1)
      throw new Error(`rateLimit.burst must be an integer >= 1, got ${options.burst}`);
    this.perMs = options.requestsPerSecond / 1000;
  }

  /** Takes a token at `now`; undefined when allowed, else the Retry-After in whole seconds (at least 1). */
  take(projectId: string, operation: Operation, now: number): number | undefined {
    const key = `${projectId} ${operation}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.burst, updatedAt: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }
}
