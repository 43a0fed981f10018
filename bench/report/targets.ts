import { MAX_REFUSAL_TO_PASSING } from "../engine/measureGate";
import type { LookupClient } from "../go/lookupClients";
import type { LookupClientRow } from "../go/measureGo";
import type { BenchResults } from "./results";

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const LISTING_TARGET_SIZE = 5_000;
const MIN_SPEEDUP = 4;
const MAX_TO_PHYSICAL_LIMIT = 1.3;
const MAX_IN_FLIGHT = 16;
const MAX_PER_DATA_SOURCE_MS = 50;
/** Issue 23: the scan within 1.15× of its physical limit, and of the rate floor behind 500 req/s, with ≤ 2% 429s. */
const MAX_SCAN_TO_FLOOR = 1.15;
const MAX_THROTTLED_PERCENT = 2;

/**
 * Where the runtime's floors stand beside Go: the target can stay unmet for the product while no Node client at all
 * meets it on this machine.
 */
function floorsOf(clients: readonly LookupClientRow[] | undefined): string {
  const floors = (clients ?? []).filter((row) => row.client !== "product" && row.client !== "go");
  if (floors.length === 0) return "";
  const name: Partial<Record<LookupClient, string>> = {
    undiciRequest: "undici request",
    undiciDispatch: "undici dispatch",
    rawSocket: "raw node:net",
  };
  return `; runtime's floors: ${floors.map((row) => `${name[row.client]} ${row.medianMs} ms (${row.toGo}× Go)`).join(", ")}`;
}

/** The issue's targets, checked against what this run measured (only for the measurements that ran). */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const listing = results.listing?.sizes.find((size) => size.instances === LISTING_TARGET_SIZE);
  if (listing) {
    const speedup = listing.sequentialFetch.medianMs / listing.product.medianMs;
    checks.push({
      target: `listing ${LISTING_TARGET_SIZE.toLocaleString("en")}: ≥ ${MIN_SPEEDUP}× faster than the sequential loop`,
      measured: `${listing.speedupVsSequentialFetch}× (Huawei SDK loop: ${listing.speedupVsHuaweiSdk}×)`,
      met: speedup >= MIN_SPEEDUP,
    });
    if (listing.physicalLimitMs > 0) {
      // Judged on the times, not on the rounded ratio: 162.8 ms against 125 ms is 1.302×, over 1.3×.
      const exact = listing.product.medianMs / listing.physicalLimitMs;
      checks.push({
        target: `listing ${LISTING_TARGET_SIZE.toLocaleString("en")}: within ${MAX_TO_PHYSICAL_LIMIT}× of the physical limit`,
        measured: `${exact.toFixed(3)}× (${listing.product.medianMs} ms vs ${listing.physicalLimitMs} ms; fetch floor ${listing.floorToPhysicalLimit}×)`,
        met: exact <= MAX_TO_PHYSICAL_LIMIT,
      });
    }
  }
  const inFlight = [
    ...(results.listing?.sizes.map((size) => size.product.maxInFlight) ?? []),
    ...(results.lookups
      ? [results.lookups.distinct.maxInFlight, results.lookups.identical.maxInFlight, results.lookups.mixed.maxInFlight]
      : []),
    ...(results.engine?.previews.map((preview) => preview.maxInFlight) ?? []),
  ];
  if (inFlight.length > 0) {
    const most = Math.max(...inFlight);
    checks.push({
      target: `never more than ${MAX_IN_FLIGHT} requests in flight by default`,
      measured: `at most ${most} (emulator's counter, every product run)`,
      met: most <= MAX_IN_FLIGHT,
    });
  }
  if (results.lookups) {
    const { identical } = results.lookups;
    checks.push({
      target: `${identical.lookups} identical concurrent lookups cost 1 request`,
      measured: `${identical.requestsPerBatch} request${identical.requestsPerBatch === 1 ? "" : "s"}`,
      met: identical.requestsPerBatch === 1,
    });
  }
  if (results.scan) {
    const { free, rateLimited, goFree } = results.scan;
    if (free.physicalLimitMs > 0) {
      const exact = free.ms / free.physicalLimitMs;
      checks.push({
        target: `scan ${results.scan.instances.toLocaleString("en")}: within ${MAX_SCAN_TO_FLOOR}× of the physical limit`,
        measured: `${exact.toFixed(3)}× (${free.ms} ms vs ${free.physicalLimitMs} ms)`,
        met: exact <= MAX_SCAN_TO_FLOOR,
      });
    }
    if (goFree) {
      checks.push({
        target: "scan: ahead of the official Go SDK with 16 goroutines",
        measured:
          `${free.ms} ms vs ${goFree.ms} ms (Go ÷ product ${goFree.goToProduct}×)` +
          (results.scan.rawSocketFree ? `; runtime's floor (raw node:net): ${results.scan.rawSocketFree.ms} ms` : ""),
        met: free.ms < goFree.ms,
      });
    }
    const exact = rateLimited.ms / rateLimited.rateFloorMs;
    checks.push({
      target: `scan behind ${rateLimited.requestsPerSecond} req/s: within ${MAX_SCAN_TO_FLOOR}× of the rate floor, ≤ ${MAX_THROTTLED_PERCENT}% 429s`,
      measured: `${exact.toFixed(3)}× (${rateLimited.ms} ms vs ${rateLimited.rateFloorMs} ms), ${rateLimited.throttledShare}% 429s`,
      met: exact <= MAX_SCAN_TO_FLOOR && rateLimited.throttledShare <= MAX_THROTTLED_PERCENT,
    });
  }
  if (results.go) {
    const { lookups } = results.go;
    checks.push({
      target: `${lookups.lookups} lookups: ahead of the official Go SDK with ${results.go.goroutines} goroutines`,
      measured: `${lookups.product.medianMs} ms vs ${lookups.go.medianMs} ms (Go ÷ product ${lookups.goToProduct}×)${floorsOf(lookups.clients)}`,
      met: lookups.product.medianMs < lookups.go.medianMs,
    });
  }
  if (results.engine) {
    checks.push({
      target: `each extra data source adds < ${MAX_PER_DATA_SOURCE_MS} ms to a preview`,
      measured: `${results.engine.perDataSourceMs} ms (past the 10th: ${results.engine.perDataSourceMarginalMs} ms)`,
      met: results.engine.perDataSourceMs < MAX_PER_DATA_SOURCE_MS,
    });
    const { gate } = results.engine;
    checks.push({
      target: `a refused RestoreGate preview costs ≤ ${MAX_REFUSAL_TO_PASSING}× a passing one`,
      measured: `${gate.refusalToPassing}× (${gate.refused.medianMs} ms vs ${gate.passing.medianMs} ms, Node ${gate.node})`,
      met: gate.refused.medianMs <= MAX_REFUSAL_TO_PASSING * gate.passing.medianMs,
    });
  }
  return checks;
}
