import { createHash } from "node:crypto";
import type { ClientSettings } from "../settings/settings";

interface Shared {
  readonly result: Promise<unknown>;
  /** The signal of every caller; a caller without one never gives up. */
  readonly signals: (AbortSignal | undefined)[];
}

const inFlight = new Map<string, Shared>();

/** Thrown by `work` when every caller has aborted: each caller then gets its own signal's reason. */
export const ABANDONED: unique symbol = Symbol("every caller aborted");

/**
 * Identical GET requests in flight at the same time share one HTTP request: fifty resources asking for the same
 * restore ranges in one `pulumi preview` cost one call. Callers share only when everything that decides the outcome
 * is equal (see {@link sharingKey}). The request is given up (not sent, not retried: `work` asks `abandoned()`) only
 * once every caller's signal has aborted; while one caller still waits it runs, and each caller gets its outcome, so
 * one caller's abort never fails another. The entry is dropped when the request settles, so later calls see fresh
 * data. Callers must treat the shared result as read-only.
 */
export function sharedInFlight<T>(
  key: string,
  signal: AbortSignal | undefined,
  work: (abandoned: () => boolean) => Promise<T>,
): Promise<T> {
  signal?.throwIfAborted();
  const joined = inFlight.get(key);
  if (joined) joined.signals.push(signal);
  const entry: Shared = joined ?? start(key, signal, work);
  return (entry.result as Promise<T>).catch((error: unknown) => {
    if (error !== ABANDONED) throw error;
    if (signal?.aborted) throw signal.reason;
    // Joined a request just as it was given up for the callers before: start afresh.
    return sharedInFlight(key, signal, work);
  });
}

function start<T>(key: string, signal: AbortSignal | undefined, work: (abandoned: () => boolean) => Promise<T>) {
  const signals = [signal];
  const abandoned = () => signals.every((candidate) => candidate?.aborted === true);
  const entry: Shared = {
    signals,
    result: work(abandoned).finally(() => {
      if (inFlight.get(key) === entry) inFlight.delete(key);
    }),
  };
  inFlight.set(key, entry);
  return entry;
}

const fingerprints = new WeakMap<ClientSettings, string>();

/**
 * What a shared request is keyed by: a fingerprint of the credentials (a SHA-256 of access key, secret key and
 * security token; never a credential itself), the project, the URL, and every setting that changes the outcome
 * (timeouts, retries, body cap, TLS trust). Two callers with the same access key but another secret key never share.
 */
export function sharingKey(settings: ClientSettings, projectId: string | undefined, url: URL): string {
  let fingerprint = fingerprints.get(settings);
  if (fingerprint === undefined) {
    fingerprint = createHash("sha256")
      .update(
        [
          settings.accessKey,
          settings.secretKey,
          settings.securityToken ?? "",
          settings.credentials?.identity ?? "",
        ].join("\0"),
      )
      .digest("base64");
    fingerprints.set(settings, fingerprint);
  }
  return [
    fingerprint,
    projectId ?? "",
    url.href,
    settings.attemptTimeoutMs,
    settings.totalTimeoutMs,
    settings.maxRetries,
    settings.retryBaseDelayMs,
    settings.maxResponseBytes,
    settings.insecure === true,
    settings.cacertFile ?? "",
  ].join("\n");
}
