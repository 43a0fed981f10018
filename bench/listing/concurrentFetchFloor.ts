import type { EmulatorTarget } from "../support/product";
import { plainFetchPage } from "./plainFetchPage";

/**
 * Diagnostic, not a baseline of the issue: the product's schedule (page 1, then the other pages by `concurrency`
 * workers) with nothing else, i.e. plain `fetch` + `signRequest` + `JSON.parse`, no ky, no retries, no validation, no
 * mapping. It is the fastest this emulator lets any client follow that schedule, which splits the product's distance
 * from the physical limit into the emulator's share (floor ÷ limit) and the client's own (product ÷ floor).
 */
export function concurrentFetchFloor(target: EmulatorTarget, region: string, concurrency: number, limit = 100) {
  const fetchPage = plainFetchPage(target, region, "concurrent fetch");
  return async (): Promise<number> => {
    const first = await fetchPage(0, limit);
    const offsets: number[] = [];
    for (let offset = limit; offset < first.total_count; offset += limit) offsets.push(offset);
    let count = first.offsite_backup_instances.length;
    const worker = async () => {
      for (let offset = offsets.shift(); offset !== undefined; offset = offsets.shift()) {
        // Await first, then add: `count += await …` would read `count` before the await and lose other workers' pages.
        const page = await fetchPage(offset, limit);
        count += page.offsite_backup_instances.length;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return count;
  };
}
