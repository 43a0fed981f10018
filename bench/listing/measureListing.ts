import type { EmulatorHost } from "../support/emulatorHost";
import type { EmulatorStats } from "../support/emulatorProtocol";
import { median, round, timed } from "../support/stats";
import { concurrentFetchFloor } from "./concurrentFetchFloor";
import { huaweiSdkConstruction, huaweiSdkListing } from "./huaweiSdkListing";
import { productListing } from "./productListing";
import { sequentialFetchListing } from "./sequentialFetchListing";

/** Instances per region; each size has its own backup region in the emulator. */
export const LISTING_SIZES: Record<string, number> = {
  "ap-southeast-1": 1_000,
  "ap-southeast-2": 5_000,
  "ap-southeast-3": 10_000,
};
export const PAGE_LIMIT = 100;
/** The product's default `maxConcurrency`: what a user gets without configuring anything. */
export const DEFAULT_CONCURRENCY = 16;

export interface ClientRun {
  medianMs: number;
  runsMs: number[];
  requestsPerListing: number;
  maxInFlight: number;
  /** CPU the bench process (the client) spent per request, ms: ky, undici, signing, JSON, validation. */
  clientCpuMsPerRequest: number;
  /** Emulator CPU per request, ms: its own cost (signature check, JSON), serialized in its one process. */
  emulatorCpuMsPerRequest: number;
}

export interface ListingResult {
  instances: number;
  pages: number;
  concurrency: number;
  /** (1 + ceil((pages − 1) / c)) × latency: page 1, then the rest in waves of c. */
  physicalLimitMs: number;
  /** (pages + 1) × latency: the sequential loop's own floor (it also fetches the empty page). */
  sequentialFloorMs: number;
  product: ClientRun;
  sequentialFetch: ClientRun;
  huaweiSdk: ClientRun;
  /** Diagnostic: the product's schedule with a bare fetch client (see concurrentFetchFloor.ts). */
  concurrentFetchFloor: ClientRun;
  speedupVsSequentialFetch: number;
  speedupVsHuaweiSdk: number;
  productToPhysicalLimit: number | null;
  /** floor ÷ physical limit: what the emulator adds. */
  floorToPhysicalLimit: number | null;
  /** product ÷ floor: what the product's client adds. */
  productToFloor: number | null;
}

/** Untimed runs of every client per size before timing it (after the global warm-up below). */
const WARM_UP_RUNS = 2;
/**
 * Listings of the largest region by every client, with no latency, before anything is timed. V8 needs thousands of
 * requests before undici, ky, JSON and the emulator run optimized code; without this the first size measured would
 * be timed partly cold, and the client measured first would pay for warming shared code (undici, the emulator).
 * The cold case is reported on its own: the memory measurement times the first listing of a fresh process.
 */
const GLOBAL_WARM_UP_LISTINGS = 5;

/** Every client measured, each a function that lists all instances of `region` and returns how many it got. */
function listingClients(emulator: EmulatorHost, region: string) {
  return {
    product: productListing(emulator, region),
    sequentialFetch: sequentialFetchListing(emulator, region, PAGE_LIMIT),
    huaweiSdk: huaweiSdkListing(emulator, region, PAGE_LIMIT),
    concurrentFetchFloor: concurrentFetchFloor(emulator, region, DEFAULT_CONCURRENCY, PAGE_LIMIT),
  };
}
type Client = keyof ReturnType<typeof listingClients>;

export async function measureListing(
  emulator: EmulatorHost,
  options: { latencyMs: number; reps: number },
): Promise<{ sizes: ListingResult[]; huaweiSdkConstruction: string }> {
  await warmUp(emulator, options.latencyMs);
  const sizes: ListingResult[] = [];
  for (const [region, instances] of Object.entries(LISTING_SIZES)) {
    const pages = Math.ceil(instances / PAGE_LIMIT);
    const clients = listingClients(emulator, region);
    const names = Object.keys(clients) as Client[];
    const runs = new Map<Client, Run[]>(names.map((name) => [name, []]));
    const once = async (name: Client): Promise<Run> => {
      // Steady state means this client's own previous listing just ran, not another client's: an untimed listing
      // first, so the timed one does not pay for the code, caches and connections the previous client left behind.
      await clients[name]();
      await emulator.reset();
      const cpuBefore = process.cpuUsage();
      const { ms, result: count } = await timed(clients[name]);
      const cpu = process.cpuUsage(cpuBefore);
      if (count !== instances) throw new Error(`${name} listed ${count} instances in ${region}, expected ${instances}`);
      const stats = await emulator.stats();
      if (stats.failures > 0) throw new Error(`${stats.failures} requests failed while ${name} listed ${region}`);
      return { ms, clientCpuMs: (cpu.user + cpu.system) / 1000, stats };
    };
    for (let warmUp = 0; warmUp < WARM_UP_RUNS; warmUp += 1) for (const name of names) await once(name);
    // Interleaved (product, sequential, SDK, floor, product, …) so a slow moment of the machine hits every client.
    for (let rep = 0; rep < options.reps; rep += 1) for (const name of names) runs.get(name)?.push(await once(name));

    const result = (name: Client): ClientRun => summarize(runs.get(name) ?? []);
    const product = result("product");
    const sequentialFetch = result("sequentialFetch");
    const huaweiSdk = result("huaweiSdk");
    const floor = result("concurrentFetchFloor");
    const physicalLimitMs = (1 + Math.ceil((pages - 1) / DEFAULT_CONCURRENCY)) * options.latencyMs;
    sizes.push({
      instances,
      pages,
      concurrency: DEFAULT_CONCURRENCY,
      physicalLimitMs,
      sequentialFloorMs: (pages + 1) * options.latencyMs,
      product,
      sequentialFetch,
      huaweiSdk,
      concurrentFetchFloor: floor,
      speedupVsSequentialFetch: round(sequentialFetch.medianMs / product.medianMs, 2),
      speedupVsHuaweiSdk: round(huaweiSdk.medianMs / product.medianMs, 2),
      productToPhysicalLimit: ratio(product.medianMs, physicalLimitMs),
      floorToPhysicalLimit: ratio(floor.medianMs, physicalLimitMs),
      productToFloor: ratio(product.medianMs, floor.medianMs),
    });
  }
  return { sizes, huaweiSdkConstruction };
}

async function warmUp(emulator: EmulatorHost, latencyMs: number): Promise<void> {
  const [region] = Object.entries(LISTING_SIZES).sort(([, a], [, b]) => b - a)[0] ?? [];
  if (region === undefined) return;
  const clients = Object.values(listingClients(emulator, region));
  await emulator.setLatency(0);
  try {
    for (let run = 0; run < GLOBAL_WARM_UP_LISTINGS; run += 1) for (const list of clients) await list();
  } finally {
    await emulator.setLatency(latencyMs);
  }
}

interface Run {
  ms: number;
  clientCpuMs: number;
  stats: EmulatorStats;
}

function summarize(runs: readonly Run[]): ClientRun {
  const requests = runs.reduce((sum, run) => sum + run.stats.requests, 0);
  const perListing = new Set(runs.map((run) => run.stats.requests));
  if (perListing.size !== 1) throw new Error(`requests per listing varied: ${[...perListing].join(", ")}`);
  return {
    medianMs: round(median(runs.map((run) => run.ms))),
    runsMs: runs.map((run) => round(run.ms)),
    requestsPerListing: runs[0]?.stats.requests ?? 0,
    maxInFlight: Math.max(...runs.map((run) => run.stats.maxInFlight)),
    clientCpuMsPerRequest: round(runs.reduce((sum, run) => sum + run.clientCpuMs, 0) / requests, 2),
    emulatorCpuMsPerRequest: round(runs.reduce((sum, run) => sum + run.stats.cpuMs, 0) / requests, 2),
  };
}

/** With --latency 0 the physical limit is 0 ms and a ratio to it means nothing: null, not Infinity, in the JSON. */
function ratio(value: number, reference: number): number | null {
  return reference > 0 ? round(value / reference, 2) : null;
}
