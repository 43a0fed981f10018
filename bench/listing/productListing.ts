import { type EmulatorTarget, emulatorLookup, product } from "../support/product";

/**
 * The product's listing: `queryOffsiteBackupInstances`, the function behind `getOffsiteBackupInstances` and the
 * `OffsiteBackupInstances` resource. It reads page 1, then the remaining pages concurrently from `total_count`, under
 * the process-wide limiter (16 in flight unless `maxConcurrency` says otherwise).
 */
export function productListing(target: EmulatorTarget, region: string, config: Record<string, string> = {}) {
  const { queryOffsiteBackupInstances } = product.queries();
  const lookup = emulatorLookup(target, region, config);
  return async (): Promise<number> => (await queryOffsiteBackupInstances({}, lookup)).instances.length;
}
