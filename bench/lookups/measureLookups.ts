import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { DEFAULT_CONCURRENCY } from "../listing/measureListing";
import type { EmulatorHost } from "../support/emulatorHost";
import { emulatorLookup, product } from "../support/product";
import { round, sample } from "../support/stats";
import { inWaves, lookupFloor } from "./lookupFloors";

/**
 * CPU per lookup of `run`, charged with collecting its own garbage and no other's: it starts on a collected heap, and
 * the full collection after it counts, less what a collection of an already clean heap costs. Without that, a client
 * whose garbage waits for a full collection (Node's fetch: weakly held Requests and Responses) had it collected, and
 * counted, during the next client's run.
 */
export async function cpuPerLookup(run: () => Promise<unknown>, lookups: number): Promise<number> {
  const cpuOf = (work: () => unknown) => {
    const before = process.cpuUsage();
    return Promise.resolve(work()).then(() => {
      const used = process.cpuUsage(before);
      return used.user + used.system;
    });
  };
  collectGarbage();
  const cleanCollection = await cpuOf(collectGarbage);
  const used = await cpuOf(async () => {
    await run();
    collectGarbage();
  });
  return Math.max(0, used - cleanCollection) / 1000 / lookups;
}

/** A full garbage collection, without starting the bench with --expose-gc. */
export const collectGarbage: () => void = (() => {
  v8.setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
})();

export const LOOKUP_REGION = "ap-southeast-1";
const DISTINCT_LOOKUPS = 200;
const IDENTICAL_LOOKUPS = 50;

export interface LookupsResult {
  distinct: {
    lookups: number;
    medianMs: number;
    runsMs: number[];
    /** ceil(lookups / c) × latency: waves of c requests. */
    physicalLimitMs: number;
    productToPhysicalLimit: number | null;
    requestsPerBatch: number;
    /** Highest count the emulator saw at once over every batch. */
    maxInFlight: number;
  };
  identical: { lookups: number; medianMs: number; requestsPerBatch: number; maxInFlight: number };
  /** Client CPU per lookup (200 distinct, 16 in flight): the product beside the fetch floor and undici's `request`. */
  cpu: {
    productMsPerRequest: number;
    fetchFloorMsPerRequest: number;
    undiciFloorMsPerRequest: number;
    productToFetchFloor: number;
    fetchFloorToUndici: number;
  };
  /** A 10,000-instance listing, 200 lookups and a project lookup all at once: the limiter is process-wide. */
  mixed: { requests: number; maxInFlight: number; ms: number };
}

/**
 * Restore-range lookups issued all at once, as a program with many `OffsiteRestoreTimeRanges` / `RestoreGate`
 * resources issues them in one preview: each is `queryOffsiteRestoreTimeRanges`, the function behind them.
 */
export async function measureLookups(
  emulator: EmulatorHost,
  options: { latencyMs: number; reps: number; mixedRegion: string },
): Promise<LookupsResult> {
  const { queryOffsiteRestoreTimeRanges, queryOffsiteBackupInstances } = product.queries();
  const lookup = emulatorLookup(emulator, LOOKUP_REGION);
  const ids = await emulator.instanceIds(LOOKUP_REGION, DISTINCT_LOOKUPS);
  const lookUpAll = (instanceIds: readonly string[]) =>
    Promise.all(instanceIds.map((instanceId) => queryOffsiteRestoreTimeRanges({ instanceId }, lookup)));

  await emulator.reset();
  const distinctRun = await sample(options.reps, () => lookUpAll(ids));
  const distinctStats = await checked(emulator, "distinct lookups");
  const physicalLimitMs = Math.ceil(DISTINCT_LOOKUPS / DEFAULT_CONCURRENCY) * options.latencyMs;

  // CPU per request, interleaved (product, fetch, undici, product, …) so a busy moment of the machine hits each.
  const cpuOf = (run: () => Promise<unknown>) => cpuPerLookup(run, DISTINCT_LOOKUPS);
  const viaFetch = lookupFloor(emulator, LOOKUP_REGION, "fetch");
  const viaUndici = lookupFloor(emulator, LOOKUP_REGION, "undici");
  const cpuRuns = { product: [] as number[], fetch: [] as number[], undici: [] as number[] };
  await emulator.reset();
  for (let rep = 0; rep < options.reps; rep += 1) {
    cpuRuns.product.push(await cpuOf(() => lookUpAll(ids)));
    cpuRuns.fetch.push(await cpuOf(() => inWaves(ids, DEFAULT_CONCURRENCY, viaFetch)));
    cpuRuns.undici.push(await cpuOf(() => inWaves(ids, DEFAULT_CONCURRENCY, viaUndici)));
  }
  await checked(emulator, "CPU runs");
  const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const cpu = {
    productMsPerRequest: round(medianOf(cpuRuns.product), 3),
    fetchFloorMsPerRequest: round(medianOf(cpuRuns.fetch), 3),
    undiciFloorMsPerRequest: round(medianOf(cpuRuns.undici), 3),
    productToFetchFloor: round(medianOf(cpuRuns.product) / medianOf(cpuRuns.fetch), 2),
    fetchFloorToUndici: round(medianOf(cpuRuns.fetch) / medianOf(cpuRuns.undici), 2),
  };

  // Fifty lookups of the same instance and day in flight together must share one HTTP request.
  const same = Array.from({ length: IDENTICAL_LOOKUPS }, () => ids[0] as string);
  await emulator.reset();
  const identicalRun = await sample(options.reps, () => lookUpAll(same), assertIdentical);
  const identicalStats = await checked(emulator, "identical lookups");

  // Everything at once: a 10,000-instance listing, the 200 lookups, and a 1,000-instance listing whose project id is
  // left to IAM (an extra request nothing else shares), all through the one process-wide limiter.
  const mixedLookup = emulatorLookup(emulator, options.mixedRegion);
  await emulator.reset();
  const started = performance.now();
  await Promise.all([
    queryOffsiteBackupInstances({}, mixedLookup),
    lookUpAll(ids),
    queryOffsiteBackupInstances({}, withoutProjectId(emulator)),
  ]);
  const mixedMs = performance.now() - started;
  const mixedStats = await checked(emulator, "mixed load");

  const batches = options.reps + 1;
  return {
    distinct: {
      lookups: DISTINCT_LOOKUPS,
      medianMs: distinctRun.medianMs,
      runsMs: distinctRun.runsMs,
      physicalLimitMs,
      productToPhysicalLimit: physicalLimitMs > 0 ? round(distinctRun.medianMs / physicalLimitMs, 2) : null,
      requestsPerBatch: distinctStats.requests / batches,
      maxInFlight: distinctStats.maxInFlight,
    },
    identical: {
      lookups: IDENTICAL_LOOKUPS,
      medianMs: identicalRun.medianMs,
      requestsPerBatch: identicalStats.requests / batches,
      maxInFlight: identicalStats.maxInFlight,
    },
    cpu,
    mixed: { requests: mixedStats.requests, maxInFlight: mixedStats.maxInFlight, ms: round(mixedMs) },
  };
}

/** The same emulator settings with no project id, so the client asks IAM for it. */
function withoutProjectId(emulator: EmulatorHost) {
  const base = emulatorLookup(emulator, LOOKUP_REGION);
  return { env: {}, stackConfig: (key: string) => (key === "projectId" ? undefined : base.stackConfig?.(key)) };
}

function assertIdentical(results: readonly { ranges: unknown }[]): void {
  const first = JSON.stringify(results[0]?.ranges);
  if (results.some((result) => JSON.stringify(result.ranges) !== first)) throw new Error("identical lookups differ");
}

async function checked(emulator: EmulatorHost, what: string) {
  const stats = await emulator.stats();
  if (stats.failures > 0) throw new Error(`${stats.failures} requests failed during ${what}`);
  return stats;
}
