const inFlight = new Map<string, Promise<unknown>>();

/**
 * Identical GET requests in flight at the same time share one HTTP request: fifty resources asking for the same
 * restore ranges in one `pulumi preview` cost one call. The entry is dropped when the request settles, so later calls
 * see fresh data. Callers must treat the shared result as read-only.
 */
export function sharedInFlight<T>(key: string, request: () => Promise<T>): Promise<T> {
  const existing = inFlight.get(key);
  if (existing) return existing as Promise<T>;
  const started = request().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
