import type { ClientSettings } from "../settings/settings";

const MAX_BACKOFF_MS = 5_000;

/** Throttling and every server-side failure; never 4xx authentication, permission or validation errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * Delay before retry number `retry` (1 for the first retry). A `Retry-After` of seconds or an HTTP date on a 429 or
 * 503 wins; anything else (absent, `soon`, negative) falls back to exponential backoff (base, 2×base, 4×base …
 * capped at 5 s) with "equal jitter": half the delay fixed, half random, so concurrent clients spread out without
 * ever retrying immediately.
 */
export function retryDelayMs(
  settings: Pick<ClientSettings, "retryBaseDelayMs">,
  retry: number,
  answer: { status: number; retryAfter: string | null; now: number } | undefined,
  random: () => number,
): number {
  const requested =
    answer && (answer.status === 429 || answer.status === 503)
      ? retryAfterMs(answer.retryAfter, answer.now)
      : undefined;
  if (requested !== undefined) return requested;
  const delay = Math.min(settings.retryBaseDelayMs * 2 ** (retry - 1), MAX_BACKOFF_MS);
  return delay / 2 + (random() * delay) / 2;
}

/** RFC 9110 §10.2.3: delay-seconds (digits) or an HTTP-date; undefined for anything else. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
