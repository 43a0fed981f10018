// `npm run bench`: the product's speed and scale, measured against the emulator next to the baselines users would
// otherwise have. Prints a table (ratios first, then times); writes bench/results/latest.json only with --record (or
// another file with --out). See BENCHMARKS.md.
import fs from "node:fs";
import path from "node:path";
import { measureEngine } from "./engine/measureEngine";
import { ensureGoPeer } from "./go/goPeer";
import { measureGo } from "./go/measureGo";
import { LISTING_SIZES, measureListing } from "./listing/measureListing";
import { measureLookups } from "./lookups/measureLookups";
import { measureMemory } from "./memory/measureMemory";
import { measureProvider } from "./provider/measureProvider";
import { machineInfo } from "./report/machine";
import { printReport } from "./report/printReport";
import type { BenchResults } from "./report/results";
import { checkTargets } from "./report/targets";
import { measureScan } from "./scan/measureScan";
import { parseBenchArgs } from "./support/args";
import { startEmulatorHost } from "./support/emulatorHost";
import { repoRoot } from "./support/product";

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const started = new Date();
  const emulator = await startEmulatorHost({
    regions: LISTING_SIZES,
    latencyMs: options.latencyMs,
  });
  const results: BenchResults = {
    startedAt: started.toISOString(),
    machine: machineInfo(),
    options: { latencyMs: options.latencyMs, reps: options.reps, previewReps: options.previewReps },
  };
  const progress = (what: string) => process.stderr.write(`bench: ${what} …\n`);
  const goPeer = await goPeerFor(options.only, progress);
  try {
    for (const measurement of options.only) {
      progress(measurement);
      const measurementStarted = Date.now();
      switch (measurement) {
        case "listing":
          results.listing = await measureListing(emulator, options);
          break;
        case "lookups":
          results.lookups = await measureLookups(emulator, { ...options, mixedRegion: "ap-southeast-3" });
          break;
        case "scan":
          results.scan = await measureScan({ ...options, goPeer });
          break;
        case "go":
          if (goPeer) results.go = await measureGo(emulator, goPeer, options);
          break;
        case "provider":
          results.provider = await measureProvider(options);
          break;
        case "memory":
          results.memory = await measureMemory(emulator, "ap-southeast-3", { reps: 3, latencyMs: options.latencyMs });
          break;
        case "engine":
          results.engine = await measureEngine(emulator, options);
          break;
      }
      // Each measurement's share of the run's time (the whole bench is kept to about 6 minutes).
      process.stderr.write(`bench: ${measurement} took ${Math.round((Date.now() - measurementStarted) / 1000)} s\n`);
    }
  } finally {
    await emulator.close();
  }
  results.targets = checkTargets(results);
  results.durationS = Math.round((Date.now() - started.getTime()) / 1000);
  printReport(results);
  if (options.out === undefined) return;
  const resultsFile = path.resolve(repoRoot, options.out);
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nFigures written to ${path.relative(process.cwd(), resultsFile)}`);
}

/**
 * The official Go SDK's peer (bench/go), built once into the cache when a measurement uses it. Without a Go toolchain
 * the bench says so and goes on without the Go figures, rather than failing every other measurement.
 */
async function goPeerFor(only: readonly string[], progress: (what: string) => void): Promise<string | undefined> {
  if (!only.includes("scan") && !only.includes("go")) return undefined;
  try {
    return await ensureGoPeer((line) => progress(line));
  } catch (error) {
    progress(
      `no Go peer (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): Go figures skipped`,
    );
    return undefined;
  }
}

main().catch((error: unknown) => {
  console.error("bench failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
