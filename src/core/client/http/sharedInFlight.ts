import { createHash } from "node:crypto";
import { ABANDONED, singleFlight } from "../../singleFlight";
import type { ClientSettings } from "../settings/settings";

/** Requests in flight, shared until they settle (no success is kept: later calls see fresh data). */
const requests = singleFlight<unknown>();

export { ABANDONED };

/**
 * Identical GET requests in flight at the same time share one HTTP request: fifty resources asking for the same
 * restore ranges in one `pulumi preview` cost one call. Callers share only when everything that decides the outcome
 * is equal (see {@link sharingKey}). The request is given up (not sent, not retried: `work` asks `abandoned()`) only
 * once every caller's signal has aborted; while one caller still waits it runs, and each caller gets its outcome, so
 * one caller's abort never fails another (the semantics of {@link singleFlight}). Callers must treat the shared result
 * as read-only.
 */
export function sharedInFlight<T>(
  key: string,
  signal: AbortSignal | undefined,
  work: (abandoned: () => boolean) => Promise<T>,
): Promise<T> {
  return requests.run(key, work, signal) as Promise<T>;
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
