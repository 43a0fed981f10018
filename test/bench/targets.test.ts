import { describe, expect, it } from "vitest";
import type { ListingResult } from "../../bench/listing/measureListing";
import { formatTable } from "../../bench/report/printReport";
import type { BenchResults } from "../../bench/report/results";
import { checkTargets } from "../../bench/report/targets";

const run = (medianMs: number, maxInFlight = 16) => ({
  medianMs,
  runsMs: [medianMs],
  requestsPerListing: 50,
  maxInFlight,
  clientCpuMsPerRequest: 1,
  emulatorCpuMsPerRequest: 1,
});

function resultsWith(listing: Partial<ListingResult>): BenchResults {
  const size: ListingResult = {
    instances: 5_000,
    pages: 50,
    concurrency: 16,
    physicalLimitMs: 125,
    sequentialFloorMs: 1275,
    product: run(150),
    sequentialFetch: run(1400, 1),
    huaweiSdk: run(1450, 1),
    concurrentFetchFloor: run(145),
    speedupVsSequentialFetch: 0,
    speedupVsHuaweiSdk: 0,
    productToPhysicalLimit: null,
    floorToPhysicalLimit: 1.16,
    productToFloor: null,
    ...listing,
  };
  return {
    startedAt: "2026-11-23T00:00:00.000Z",
    machine: { cpu: "test", cores: 2, memoryGiB: 1, os: "test", node: "v20" },
    options: { latencyMs: 25, reps: 1, previewReps: 1 },
    listing: { sizes: [size], huaweiSdkConstruction: "test" },
  };
}

const verdict = (results: BenchResults, prefix: string) =>
  checkTargets(results).find((check) => check.target.startsWith(prefix))?.met;

describe("bench targets", () => {
  it("judge the physical limit on the times, not on a ratio rounded to 1.3", () => {
    expect(verdict(resultsWith({ product: run(162.5) }), "listing 5,000: within")).toBe(true);
    expect(verdict(resultsWith({ product: run(162.8) }), "listing 5,000: within")).toBe(false);
  });

  it("judge the speed-up over the sequential loop on the times", () => {
    expect(verdict(resultsWith({ product: run(350), sequentialFetch: run(1399, 1) }), "listing 5,000: ≥")).toBe(false);
    expect(verdict(resultsWith({ product: run(350), sequentialFetch: run(1400, 1) }), "listing 5,000: ≥")).toBe(true);
  });

  it("count the requests in flight of the product's runs only (a baseline's 1 cannot hide a 17)", () => {
    expect(verdict(resultsWith({ product: run(150, 17) }), "never more than 16")).toBe(false);
    expect(verdict(resultsWith({}), "never more than 16")).toBe(true);
  });

  it("skip the physical-limit target when there is no latency to compare with", () => {
    const checks = checkTargets(resultsWith({ physicalLimitMs: 0 }));
    expect(checks.map((check) => check.target)).not.toContain("listing 5,000: within 1.3× of the physical limit");
  });
});

describe("bench targets of the readiness scan (issue 23)", () => {
  const scanRun = (ms: number, throttled = 0) => ({
    ms,
    requests: 10_000 + throttled,
    throttled,
    maxInFlight: 16,
    clientCpuMs: 1,
  });
  const withScan = (rateLimitedMs: number, throttled: number, freeMs = 18_000, goMs = 17_000): BenchResults => ({
    ...resultsWith({}),
    scan: {
      instances: 10_000,
      latencyMs: 25,
      free: { ...scanRun(freeMs), physicalLimitMs: 15_825, productToPhysicalLimit: null },
      goFree: {
        ms: goMs,
        requests: 10_100,
        failed: 0,
        throttled: 0,
        maxInFlight: 16,
        goToPhysicalLimit: null,
        goToProduct: 0,
      },
      rateLimited: {
        ...scanRun(rateLimitedMs, throttled),
        requestsPerSecond: 500,
        burst: 50,
        rateFloorMs: 20_100,
        productToRateFloor: 0,
        throttledShare: Math.round((throttled / (10_000 + throttled)) * 10_000) / 100,
      },
    },
  });
  const behindRateLimit = "scan behind 500 req/s";

  it("judge the rate-limited scan on the times and the share of 429s", () => {
    // 23,115 ms is exactly 1.15 × the rate floor of 20,100 ms.
    expect(verdict(withScan(23_115, 10), behindRateLimit)).toBe(true);
    expect(verdict(withScan(23_116, 10), behindRateLimit)).toBe(false);
    expect(verdict(withScan(21_000, 204), behindRateLimit)).toBe(true);
    expect(verdict(withScan(21_000, 205), behindRateLimit)).toBe(false);
  });

  it("say the product is ahead of the Go SDK only when its scan took less time", () => {
    expect(verdict(withScan(21_000, 10, 17_000, 17_001), "scan: ahead of the official Go SDK")).toBe(true);
    expect(verdict(withScan(21_000, 10, 17_000, 17_000), "scan: ahead of the official Go SDK")).toBe(false);
  });
});

describe("bench table", () => {
  it("pads columns, right-aligns numbers and keeps text left", () => {
    expect(
      formatTable(
        ["name", "ms"],
        [
          ["product", 1.5],
          ["sequential loop", 1442.7],
        ],
      ).split("\n"),
    ).toEqual([
      "name                 ms",
      "---------------  ------",
      "product             1.5",
      "sequential loop  1442.7",
    ]);
  });
});
