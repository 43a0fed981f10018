import type { EmulatorTarget } from "../support/product";
import { plainFetchPage } from "./plainFetchPage";

/**
 * Baseline (a): the Terraform data source's paging (`huaweicloud_rds_cross_region_backup_instances`, httphelper's
 * OffsetPager): offset += limit until a page comes back empty. It never reads `total_count`, so it always makes one
 * request more than there are pages, and each waits for the previous one.
 *
 * Written with plain `fetch` and the project's own `signRequest`, so the only difference from the product is the
 * paging strategy, not the transport or the signer.
 */
export function sequentialFetchListing(target: EmulatorTarget, region: string, limit = 100) {
  const fetchPage = plainFetchPage(target, region, "sequential fetch");
  return async (): Promise<number> => {
    let count = 0;
    for (let offset = 0; ; offset += limit) {
      const page = (await fetchPage(offset, limit)).offsite_backup_instances;
      if (page.length === 0) return count;
      count += page.length;
    }
  };
}
