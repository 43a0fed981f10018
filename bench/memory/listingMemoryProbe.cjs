// Runs in a fresh Node process (plain Node, --expose-gc): loads the product, lists every instance of one region once
// and prints one JSON line with the process's memory before and at its peak. Usage: node --expose-gc
// listingMemoryProbe.cjs '<json: { env, expected }>' where env holds the HW_* settings that point at the emulator.
"use strict";
const path = require("node:path");

const input = process.argv[2];
if (input === undefined) throw new Error("usage: node --expose-gc listingMemoryProbe.cjs '<json>'");
/** @type {{ env: Record<string, string>, expected: number }} */
const { env, expected } = JSON.parse(input);
const gc = globalThis.gc ?? exposeGcFirst();
const dist = path.resolve(__dirname, "..", "..", "dist", "core", "dataSources", "getOffsiteBackupInstances.js");
/** @type {typeof import("../../src/core/dataSources/getOffsiteBackupInstances")} */
const { queryOffsiteBackupInstances } = require(dist);

async function main() {
  gc();
  const before = process.memoryUsage();
  let peakHeapUsed = before.heapUsed;
  let peakRss = before.rss;
  // Sampled between responses: the listing awaits the network, so the timer runs throughout it.
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakHeapUsed = Math.max(peakHeapUsed, now.heapUsed);
    peakRss = Math.max(peakRss, now.rss);
  }, 1);
  const started = performance.now();
  const result = await queryOffsiteBackupInstances({}, { env });
  const listingMs = performance.now() - started;
  clearInterval(sampler);
  const after = process.memoryUsage();
  peakHeapUsed = Math.max(peakHeapUsed, after.heapUsed);
  if (result.instances.length !== expected) {
    throw new Error(`listed ${result.instances.length} instances, expected ${expected}`);
  }
  gc();
  const retained = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      instances: result.instances.length,
      listingMs,
      rssBefore: before.rss,
      heapUsedBefore: before.heapUsed,
      peakHeapUsed,
      peakRssSampled: peakRss,
      // The kernel's high-water mark for the whole process (KiB), which no sampling interval can miss.
      maxRssKiB: process.resourceUsage().maxRSS,
      heapUsedRetained: retained.heapUsed,
      resultJsonBytes: Buffer.byteLength(JSON.stringify(result.instances)),
    })}\n`,
  );
}

/** @returns {never} */
function exposeGcFirst() {
  throw new Error("run with node --expose-gc: every figure is taken after a full collection");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
