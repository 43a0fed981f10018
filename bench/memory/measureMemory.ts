import path from "node:path";
import { LISTING_SIZES } from "../listing/measureListing";
import type { EmulatorHost } from "../support/emulatorHost";
import { runProbe } from "../support/freshProcess";
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
  options: { reps: number },
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
  return {
    instances: expected,
    processes: probes.length,
    rssBeforeMiB: mib((probe) => probe.rssBefore),
    peakRssMiB: mib((probe) => probe.maxRssKiB * 1024),
    peakHeapGrowthMiB: mib((probe) => probe.peakHeapUsed - probe.heapUsedBefore),
    retainedHeapGrowthMiB: mib((probe) => probe.heapUsedRetained - probe.heapUsedBefore),
    resultJsonMiB: mib((probe) => probe.resultJsonBytes),
    coldListingMs: round(median(probes.map((probe) => probe.listingMs))),
  };
}
