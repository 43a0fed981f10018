import type { GapSummary } from "../../emulator";
import { type GoRun, runGoPeer } from "../go/goPeer";
import { DEFAULT_CONCURRENCY } from "../listing/measureListing";
import { rawSocketFloor } from "../lookups/lookupFloors";
import type { RawHttpConnection } from "../lookups/rawHttp";
import { type EmulatorHost, startEmulatorHost } from "../support/emulatorHost";
import type { EmulatorStats } from "../support/emulatorProtocol";
import { emulatorLookup, product, queriesAt } from "../support/product";
import { round } from "../support/stats";

const SCAN_REGION = "la-north-2";
export const SCAN_INSTANCES = 10_000;
/** The API's page size (PAGE_LIMIT): the listing's first page says how many more there are. */
const PAGE_SIZE = 100;
export const RATE_LIMIT = { requestsPerSecond: 500, burst: 50 };

interface ScanRun {
  ms: number;
  requests: number;
  /** Requests the emulator answered 429 (throttled). */
  throttled: number;
  maxInFlight: number;
  /** CPU of this (the client's) process during the scan, ms. */
  clientCpuMs: number;
  /** From each answer written on a connection to the next request on it, as the emulator saw it (runs since issue 23's floors). */
  turnaround?: GapSummary;
}

export interface ScanResult {
  instances: number;
  latencyMs: number;
  free: ScanRun & {
    /** (1 + ceil((pages - 1) / c) + ceil(instances / c)) × latency: the first page, the other pages, the lookups. */
    physicalLimitMs: number;
    productToPhysicalLimit: number | null;
  };
  /**
   * The same scan, API keeping up, by the official Go SDK with 16 goroutines (bench/go/main.go): page 1, the other
   * pages, then the lookups. Absent when the Go peer could not be built (no Go toolchain).
   */
  goFree?: GoRun &
    Pick<ScanRun, "throttled" | "maxInFlight" | "turnaround"> & {
      goToPhysicalLimit: number | null;
      goToProduct: number;
    };
  /**
   * The same scan by the runtime's floor: the hand-written HTTP/1.1 client on 16 kept-alive `node:net` sockets
   * (bench/lookups/rawHttp.ts), signing with the product's signer: how fast any Node client can scan here.
   */
  rawSocketFree?: ScanRun & { toPhysicalLimit: number | null; toGo: number | null };
  /**
   * The same rate-limited scan by another build of the product (`BENCH_BASELINE_ROOT`: a checkout whose `dist/` is
   * built, e.g. the commit before the adaptive scheduler), side by side in the same run.
   */
  baselineRateLimited?: ScanRun & { root: string; productToRateFloor: number; throttledShare: number };
  /** The baseline build's scan against an API that keeps up: what the scheduler costs when nothing throttles. */
  baselineFree?: ScanRun & { root: string; productToPhysicalLimit: number | null };
  rateLimited: ScanRun & {
    requestsPerSecond: number;
    burst: number;
    /** The lookups' bucket is the binding one: (lookups − burst) ÷ rate, plus the listing's physical time. */
    rateFloorMs: number;
    productToRateFloor: number;
    throttledShare: number;
  };
}

/**
 * A readiness scan of 10,000 instances (the listing's 100 pages, then one lookup per instance), as
 * `getOffsiteRecoveryReadiness` runs it, first against an API that keeps up, then behind the gateway's rate limit.
 * Each against an emulator of its own (the rate limit's buckets must start full).
 */
export async function measureScan(options: { latencyMs: number; goPeer?: string | undefined }): Promise<ScanResult> {
  const pages = Math.ceil(SCAN_INSTANCES / PAGE_SIZE);
  const c = DEFAULT_CONCURRENCY;
  const listingMs = (1 + Math.ceil((pages - 1) / c)) * options.latencyMs;
  const physicalLimitMs = listingMs + Math.ceil(SCAN_INSTANCES / c) * options.latencyMs;
  const free = await scanOnce({ regions: { [SCAN_REGION]: SCAN_INSTANCES }, latencyMs: options.latencyMs });
  const goFree = options.goPeer ? await goScanOnce(options.goPeer, options.latencyMs) : undefined;
  const rawSocketFree = await rawSocketScanOnce(options.latencyMs);
  const rateLimited = await scanOnce({
    regions: { [SCAN_REGION]: SCAN_INSTANCES },
    latencyMs: options.latencyMs,
    rateLimit: RATE_LIMIT,
  });
  const baselineRoot = process.env.BENCH_BASELINE_ROOT;
  const baselineFree = baselineRoot
    ? await scanOnce(
        { regions: { [SCAN_REGION]: SCAN_INSTANCES }, latencyMs: options.latencyMs },
        queriesAt(baselineRoot).queryOffsiteRecoveryReadiness,
      )
    : undefined;
  const baseline = baselineRoot
    ? await scanOnce(
        { regions: { [SCAN_REGION]: SCAN_INSTANCES }, latencyMs: options.latencyMs, rateLimit: RATE_LIMIT },
        queriesAt(baselineRoot).queryOffsiteRecoveryReadiness,
      )
    : undefined;
  const rateFloorMs = listingMs + ((SCAN_INSTANCES - RATE_LIMIT.burst) / RATE_LIMIT.requestsPerSecond) * 1000;
  return {
    instances: SCAN_INSTANCES,
    latencyMs: options.latencyMs,
    free: {
      ...free,
      physicalLimitMs,
      productToPhysicalLimit: physicalLimitMs > 0 ? round(free.ms / physicalLimitMs, 2) : null,
    },
    ...(goFree
      ? {
          goFree: {
            ...goFree,
            goToPhysicalLimit: physicalLimitMs > 0 ? round(goFree.ms / physicalLimitMs, 2) : null,
            goToProduct: round(goFree.ms / free.ms, 2),
          },
        }
      : {}),
    rawSocketFree: {
      ...rawSocketFree,
      toPhysicalLimit: physicalLimitMs > 0 ? round(rawSocketFree.ms / physicalLimitMs, 2) : null,
      toGo: goFree ? round(rawSocketFree.ms / goFree.ms, 2) : null,
    },
    rateLimited: {
      ...rateLimited,
      ...RATE_LIMIT,
      rateFloorMs: Math.round(rateFloorMs),
      productToRateFloor: round(rateLimited.ms / rateFloorMs, 2),
      throttledShare: round((rateLimited.throttled / rateLimited.requests) * 100, 2),
    },
    ...(baselineFree && baselineRoot
      ? {
          baselineFree: {
            ...baselineFree,
            root: baselineRoot,
            productToPhysicalLimit: physicalLimitMs > 0 ? round(baselineFree.ms / physicalLimitMs, 2) : null,
          },
        }
      : {}),
    ...(baseline && baselineRoot
      ? {
          baselineRateLimited: {
            ...baseline,
            root: baselineRoot,
            productToRateFloor: round(baseline.ms / rateFloorMs, 2),
            throttledShare: round((baseline.throttled / baseline.requests) * 100, 2),
          },
        }
      : {}),
  };
}

async function scanOnce(
  hostOptions: Parameters<typeof startEmulatorHost>[0],
  queryOffsiteRecoveryReadiness = product.queries().queryOffsiteRecoveryReadiness,
): Promise<ScanRun> {
  const emulator: EmulatorHost = await startEmulatorHost(hostOptions);
  try {
    const lookup = emulatorLookup(emulator, SCAN_REGION);
    await emulator.reset();
    const { value: result, ms, clientCpuMs } = await timedInProcess(() => queryOffsiteRecoveryReadiness({}, lookup));
    const counted = countedBy(await emulator.stats());
    // A baseline that gives up on throttled lookups still counts: how many it lost is part of its figure.
    const failed = result.instances.filter((row) => row.error !== undefined).length;
    if (failed > 0) console.error(`bench: scan: ${failed} lookups failed`);
    return { ms, clientCpuMs, ...counted };
  } finally {
    await emulator.close();
  }
}

/** Wall time and this process's CPU of `work`, ms. */
async function timedInProcess<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; clientCpuMs: number }> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { value, ms: Math.round(ms), clientCpuMs: Math.round((cpu.user + cpu.system) / 1000) };
}

/** What the emulator counted during a scan, the same for every client's row (its failures: 429s when it throttles). */
function countedBy(stats: EmulatorStats): Pick<ScanRun, "requests" | "throttled" | "maxInFlight" | "turnaround"> {
  return {
    requests: stats.requests,
    throttled: stats.failures,
    maxInFlight: stats.maxInFlight,
    turnaround: stats.clientTurnaround.sameConnection,
  };
}

/** The Go peer's scan against an emulator of its own, as the product's: the same instances, the same latency. */
async function goScanOnce(
  binary: string,
  latencyMs: number,
): Promise<GoRun & Pick<ScanRun, "throttled" | "maxInFlight" | "turnaround">> {
  const emulator = await startEmulatorHost({ regions: { [SCAN_REGION]: SCAN_INSTANCES }, latencyMs });
  try {
    await emulator.reset();
    const run = await runGoPeer(binary, "scan", emulator, SCAN_REGION);
    if (run.failed > 0) console.error(`bench: Go scan: ${run.failed} requests failed`);
    // As the product's rows: what the emulator counted, not the peer's own tally.
    return { ...run, ms: Math.round(run.ms), ...countedBy(await emulator.stats()) };
  } finally {
    await emulator.close();
  }
}

/**
 * The runtime's floor doing the scan's work as the Go peer does it (page 1, the other pages, then every instance's
 * lookup, 16 in flight), on the hand-written HTTP/1.1 client: an emulator of its own, as the others'.
 */
async function rawSocketScanOnce(latencyMs: number): Promise<ScanRun> {
  const emulator = await startEmulatorHost({ regions: { [SCAN_REGION]: SCAN_INSTANCES }, latencyMs });
  const floor = rawSocketFloor(emulator, SCAN_REGION, DEFAULT_CONCURRENCY);
  try {
    await emulator.reset();
    const { ms, clientCpuMs } = await timedInProcess(async () => {
      const [first] = floor.connections;
      const page = async (connection: RawHttpConnection, offset: number) =>
        (await floor.get(connection, `/v3/backups/offsite-backup-instance?offset=${offset}&limit=${PAGE_SIZE}`)) as {
          offsite_backup_instances: { id: string }[];
          total_count: number;
        };
      const firstPage = await page(first as RawHttpConnection, 0);
      const offsets = Array.from(
        { length: Math.ceil(firstPage.total_count / PAGE_SIZE) - 1 },
        (_, index) => (index + 1) * PAGE_SIZE,
      );
      const pages = [firstPage];
      await floor.each(offsets, DEFAULT_CONCURRENCY, async (connection, offset) => {
        pages.push(await page(connection, offset));
      });
      const ids = pages.flatMap((one) => one.offsite_backup_instances.map((instance) => instance.id));
      if (ids.length !== SCAN_INSTANCES) throw new Error(`raw socket scan: listed ${ids.length} instances`);
      await floor.run(ids, DEFAULT_CONCURRENCY);
    });
    return { ms, clientCpuMs, ...countedBy(await emulator.stats()) };
  } finally {
    await floor.close();
    await emulator.close();
  }
}
