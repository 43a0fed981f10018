import { randomUUID } from "node:crypto";
import { singleFlight } from "../../singleFlight";
import type { Credential, CredentialProvider } from "./types";

/** How many credentials a provider remembers for redaction: more than can be in flight across a few refreshes. */
const REMEMBERED = 8;

/** Refresh this long before expiry, or half the credential's lifetime if that is shorter. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * A provider around `fetch`: a permanent credential is fetched once; a temporary one is fetched again when it nears
 * its expiry, or after the server refused it. Concurrent callers share one fetch in flight (single flight).
 */
export function refreshingProvider(fetch: () => Promise<Credential>, now: () => number = Date.now): CredentialProvider {
  // One key: this provider holds one credential, kept until its refresh time (a permanent one: for good).
  const fetches = singleFlight<{ credential: Credential; refreshAt: number }>({
    keepUntil: (fetched) => fetched.refreshAt,
    now,
  });
  let last: Credential | undefined;
  const recent: Credential[] = [];
  const load = async () => {
    const fetchedAt = now();
    const credential = await fetch();
    last = credential;
    recent.push(credential);
    if (recent.length > REMEMBERED) recent.shift();
    const lifetime = credential.expiresAt === undefined ? Infinity : credential.expiresAt - fetchedAt;
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 2);
    return { credential, refreshAt: credential.expiresAt === undefined ? Infinity : credential.expiresAt - margin };
  };
  return {
    identity: randomUUID(),
    credentials: async () => (await fetches.run("", load)).credential,
    lastUsed: () => last,
    recentlyUsed: () => [...recent],
    expired: (used) => {
      // Only a temporary credential can be refreshed; a refused permanent key stays refused.
      if (used.securityToken === undefined) return false;
      fetches.forget("", (kept) => kept.credential === used);
      return true;
    },
  };
}

/** A credential given as values (arguments, stack config, environment): never refreshed. */
export function staticProvider(credential: Credential): CredentialProvider {
  const provider = refreshingProvider(() => Promise.resolve(credential));
  return { ...provider, expired: () => false };
}
