// Client CPU per lookup, product beside the floors, for profiling by hand:
//   npx tsx bench/lookups/cpuProbe.ts [rounds] [product|getJson|fetch|undici|baseline|all]
// `baseline` is the same lookups by another build (`BENCH_BASELINE_ROOT`: a checkout with a built `dist/`), run
// alternately with the others in the same process, so a change is compared under the same load.
// Run under `node --cpu-prof --import tsx` to see where the product's CPU goes.
import path from "node:path";
import { DEFAULT_CONCURRENCY, LISTING_SIZES } from "../listing/measureListing";
import { startEmulatorHost } from "../support/emulatorHost";
import { emulatorLookup, product } from "../support/product";
import { inWaves, lookupFloor } from "./lookupFloors";
import { cpuPerLookup, LOOKUP_REGION } from "./measureLookups";

async function main() {
  const rounds = Number(process.argv[2] ?? 10);
  const which = process.argv[3] ?? "all";
  const emulator = await startEmulatorHost({ regions: LISTING_SIZES, latencyMs: Number(process.env.LATENCY ?? 5) });
  try {
    const { queryOffsiteRestoreTimeRanges } = product.queries();
    const lookup = emulatorLookup(emulator, LOOKUP_REGION);
    const ids = await emulator.instanceIds(LOOKUP_REGION, 200);
    const runs: Record<string, () => Promise<unknown>> = {
      product: () => Promise.all(ids.map((instanceId) => queryOffsiteRestoreTimeRanges({ instanceId }, lookup))),
      fetch: () => inWaves(ids, DEFAULT_CONCURRENCY, lookupFloor(emulator, LOOKUP_REGION, "fetch")),
      getJson: () => {
        const { settingsFor } = require("../../dist/core/dataSources/configurationLookup");
        const { getJson } = require("../../dist/core/client/http/requestJson");
        const settings = settingsFor({}, lookup);
        const projectId = emulator.projects[LOOKUP_REGION] as string;
        return Promise.all(
          ids.map((instanceId) =>
            getJson(settings, {
              endpoint: settings.rdsEndpoint,
              path: `/v3/${projectId}/instances/${instanceId}/offsite-restore-time`,
              projectId,
            }),
          ),
        );
      },
      baseline: () => {
        const root = process.env.BENCH_BASELINE_ROOT;
        if (!root) throw new Error("the baseline client needs BENCH_BASELINE_ROOT (a checkout with a built dist/)");
        const { queryOffsiteRestoreTimeRanges: baselineLookup } = require(
          path.resolve(root, "dist/core/dataSources/getOffsiteRestoreTimeRanges.js"),
        ) as typeof import("../../src/core/dataSources/getOffsiteRestoreTimeRanges");
        return Promise.all(ids.map((instanceId) => baselineLookup({ instanceId }, lookup)));
      },
      undici: () => inWaves(ids, DEFAULT_CONCURRENCY, lookupFloor(emulator, LOOKUP_REGION, "undici")),
    };
    const names = which === "all" ? Object.keys(runs).filter((name) => name !== "baseline") : which.split(",");
    for (const name of names) await runs[name]?.(); // warm-up
    const cpu: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round += 1) {
      for (const name of names) {
        cpu[name]?.push(await cpuPerLookup(() => runs[name]?.() ?? Promise.resolve(), ids.length));
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const summary = Object.fromEntries(Object.entries(cpu).map(([name, values]) => [name, median(values).toFixed(3)]));
    console.log(JSON.stringify(summary));
    if (summary.baseline && summary.product)
      console.log("product/baseline", (Number(summary.product) / Number(summary.baseline)).toFixed(2));
    if (summary.product && summary.fetch)
      console.log(
        "product/fetch",
        (Number(summary.product) / Number(summary.fetch)).toFixed(2),
        "fetch/undici",
        (Number(summary.fetch) / Number(summary.undici)).toFixed(2),
      );
  } finally {
    await emulator.close();
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
