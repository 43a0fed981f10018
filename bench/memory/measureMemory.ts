import path from "node:path";
import { LISTING_SIZES } from "../listing/measureListing";
import type { EmulatorHost } from "../support/emulatorHost";
import { runProbe } from "../support/freshProcess";
import { repoRoot } from "../support/product";
import { median, round } from "../support/stats";

const MIB = 1024 * 1024;

export interface MemoryResult {
  instances: number;
  /** Fresh processes measured; medians reported. */
  processes: number;
  /** The process after loading the product, before the listing. */
  rssBeforeMiB: number;
  /** The kernel's high-water mark of the process's resident memory over its whole life. */
  peakRssMiB: number;
  /** Peak JavaScript heap in use during the listing, minus the heap before it. */
  peakHeapGrowthMiB: number;
  /** Heap still in use after the listing with its result held (and garbage collected). */
  retainedHeapGrowthMiB: number;
  /** The result's instances as JSON, for scale. */
  resultJsonMiB: number;
  /** Wall time of that listing: the first of its process (cold JIT, new connections), as in a real `pulumi preview`. */
  coldListingMs: number;
  /** The readiness scan of the same region (its listing, then one lookup per instance), each in a fresh process. */
  scan: ScanMemory;
  /** The same scan by another build (`BENCH_BASELINE_ROOT`), its processes interleaved with the product's. */
  baselineScan?: ScanMemory & { root: string };
}

export interface ScanMemory {
  processes: number;
  /** The kernel's high-water mark of each process's resident memory, lowest and highest, and their median. */
  peakRssMiB: { min: number; median: number; max: number };
  /** Peak JavaScript heap in use during the scan, minus the heap before it (median). */
  peakHeapGrowthMiB: number;
  /** Heap still in use after the scan with its result held (and garbage collected), minus the heap before it. */
  heldHeapGrowthMiB: number;
}

interface ScanProbeOutput {
  rssBefore: number;
  heapUsedBefore: number;
  peakHeapUsed: number;
  heapUsedHeld: number;
  maxRssKiB: number;
}

interface ProbeOutput {
  listingMs: number;
  rssBefore: number;
  heapUsedBefore: number;
  peakHeapUsed: number;
  maxRssKiB: number;
  heapUsedRetained: number;
  resultJsonBytes: number;
}

/** Peak memory of listing every instance of `region` with the product, each run in a fresh plain-Node process. */
export async function measureMemory(
  emulator: EmulatorHost,
  region: string,
  options: { reps: number; latencyMs: number },
): Promise<MemoryResult> {
  const expected = LISTING_SIZES[region];
  if (expected === undefined) throw new Error(`no listing size for ${region}`);
  const env = {
    HW_ACCESS_KEY: emulator.credentials.accessKey,
    HW_SECRET_KEY: emulator.credentials.secretKey,
    HW_REGION_NAME: region,
    HW_PROJECT_ID: emulator.projects[region] as string,
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
  };
  // Only PATH from the caller's environment: its HW_* variables cannot change what is listed.
  const probes = runProbe<ProbeOutput>(
    path.join(__dirname, "listingMemoryProbe.cjs"),
    [JSON.stringify({ env, expected })],
    options.reps,
    { nodeFlags: ["--expose-gc"], env: { PATH: process.env.PATH ?? "" } },
  );
  const mib = (pick: (probe: ProbeOutput) => number) => round(median(probes.map(pick)) / MIB, 1);
  const baselineRoot = process.env.BENCH_BASELINE_ROOT;
  const scans = await scanProbes(emulator, env, expected, options, baselineRoot);
  return {
    instances: expected,
    processes: probes.length,
    rssBeforeMiB: mib((probe) => probe.rssBefore),
    peakRssMiB: mib((probe) => probe.maxRssKiB * 1024),
    peakHeapGrowthMiB: mib((probe) => probe.peakHeapUsed - probe.heapUsedBefore),
    retainedHeapGrowthMiB: mib((probe) => probe.heapUsedRetained - probe.heapUsedBefore),
    resultJsonMiB: mib((probe) => probe.resultJsonBytes),
    coldListingMs: round(median(probes.map((probe) => probe.listingMs))),
    scan: scanMemory(scans.product),
    ...(baselineRoot ? { baselineScan: { ...scanMemory(scans.baseline), root: baselineRoot } } : {}),
  };
}

/**
 * Readiness scans in fresh processes, at no added latency (the most responses per second, so the most garbage at
 * once; the contract test's setting), the product's and a baseline's alternating so a busy moment hits both.
 */
async function scanProbes(
  emulator: EmulatorHost,
  env: Record<string, string>,
  expected: number,
  options: { reps: number; latencyMs: number },
  baselineRoot: string | undefined,
) {
  const scans = { product: [] as ScanProbeOutput[], baseline: [] as ScanProbeOutput[] };
  const probe = (root: string) =>
    runProbe<ScanProbeOutput>(
      path.join(__dirname, "scanMemoryProbe.cjs"),
      [JSON.stringify({ env, root, expected })],
      1,
      {
        nodeFlags: ["--expose-gc"],
        env: { PATH: process.env.PATH ?? "" },
      },
    );
  await emulator.setLatency(0);
  try {
    for (let rep = 0; rep < options.reps; rep += 1) {
      scans.product.push(...probe(repoRoot));
      if (baselineRoot) scans.baseline.push(...probe(path.resolve(baselineRoot)));
    }
  } finally {
    await emulator.setLatency(options.latencyMs);
  }
  return scans;
}

function scanMemory(probes: readonly ScanProbeOutput[]): ScanMemory {
  const rss = probes.map((probe) => (probe.maxRssKiB * 1024) / MIB);
  const mib = (pick: (probe: ScanProbeOutput) => number) => round(median(probes.map(pick)) / MIB, 1);
  return {
    processes: probes.length,
    peakRssMiB: { min: round(Math.min(...rss), 1), median: round(median(rss), 1), max: round(Math.max(...rss), 1) },
    peakHeapGrowthMiB: mib((probe) => probe.peakHeapUsed - probe.heapUsedBefore),
    heldHeapGrowthMiB: mib((probe) => probe.heapUsedHeld - probe.heapUsedBefore),
  };
}
