import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { BenchResults } from "../../bench/report/results";

const repoRoot = path.resolve(__dirname, "..", "..");

// Not a timed test: `npm run bench` must keep working, and the facts it reports that do not depend on the machine
// (requests per listing, shared identical lookups, the limiter's bound, the provider's size) must hold. The engine
// measurement is left out here; the e2e tests drive the same engine.
describe("npm run bench", () => {
  it("runs every in-process measurement and reports request counts that match the paging and sharing rules", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-")), "results.json");
    const { stdout } = await promisify(execFile)(
      path.join(repoRoot, "node_modules", ".bin", "tsx"),
      ["bench/run.ts", "--latency", "5", "--reps", "1", "--only", "listing,lookups,provider,memory", "--out", out],
      { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
    );
    const results = JSON.parse(fs.readFileSync(out, "utf8")) as BenchResults;
    expect(stdout).toMatch(/^Targets\n/m);
    expect(stdout.indexOf("Listing: ratios")).toBeLessThan(stdout.indexOf("Listing: times"));

    expect(results.listing?.sizes.map((size) => size.instances)).toEqual([1_000, 5_000, 10_000]);
    for (const size of results.listing?.sizes ?? []) {
      expect(size.product.requestsPerListing).toBe(size.pages);
      // Terraform's pager and the SDK loop stop at the first empty page: one request more than there are pages.
      expect(size.sequentialFetch.requestsPerListing).toBe(size.pages + 1);
      expect(size.huaweiSdk.requestsPerListing).toBe(size.pages + 1);
      expect(size.product.maxInFlight).toBeLessThanOrEqual(16);
      expect(size.sequentialFetch.maxInFlight).toBe(1);
    }
    const lookups = results.lookups;
    expect(lookups?.identical).toMatchObject({ lookups: 50, requestsPerBatch: 1 });
    expect(lookups?.distinct).toMatchObject({ lookups: 200, requestsPerBatch: 200 });
    expect(lookups?.distinct.maxInFlight).toBeLessThanOrEqual(16);
    // 100 + 10 listing pages, 200 lookups, 1 project lookup; all under the one limiter.
    expect(lookups?.mixed).toMatchObject({ requests: 311 });
    expect(lookups?.mixed.maxInFlight).toBeLessThanOrEqual(16);

    expect(results.provider?.sameTextForEveryResource).toBe(true);
    expect(results.provider?.serializedBytes).toBeGreaterThan(0);
    expect(results.provider?.serializedBytes).toBeLessThan(4096);
    expect(results.memory?.instances).toBe(10_000);
    expect(results.memory?.peakRssMiB).toBeGreaterThan(results.memory?.rssBeforeMiB ?? Number.POSITIVE_INFINITY);
    expect(results.targets?.find((check) => check.target.startsWith("50 identical"))?.met).toBe(true);
  }, 120_000);
});
