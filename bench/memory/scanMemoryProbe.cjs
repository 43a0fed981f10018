// Runs in a fresh Node process (plain Node, --expose-gc): loads a build of the product (`root`: this checkout or a
// baseline's), runs the readiness scan of one region once (its listing, then every instance's restore ranges) and
// prints one JSON line with the process's memory. Usage: node --expose-gc scanMemoryProbe.cjs '<json: { env, root,
// expected? }>' where env holds the HW_* settings that point at the emulator. Used by the bench (bench/memory) and the
// contract test of the 200 MB bound (test/contract/readinessScale.test.ts).
"use strict";
const path = require("node:path");

const input = process.argv[2];
if (input === undefined) throw new Error("usage: node --expose-gc scanMemoryProbe.cjs '<json>'");
/** @type {{ env: Record<string, string>, root: string, expected?: number }} */
const { env, root, expected } = JSON.parse(input);
const gc = globalThis.gc ?? exposeGcFirst();
const dist = path.resolve(root, "dist", "core", "dataSources", "getOffsiteRecoveryReadiness.js");
// A build of this checkout or of a baseline: typed as this checkout's source.
/** @type {typeof import("../../src/core/dataSources/getOffsiteRecoveryReadiness")} */
const { queryOffsiteRecoveryReadiness } = require(dist);

async function main() {
  gc();
  const before = process.memoryUsage();
  let peakHeapUsed = before.heapUsed;
  // Sampled between responses: the scan awaits the network, so the timer runs throughout it.
  const sampler = setInterval(() => {
    peakHeapUsed = Math.max(peakHeapUsed, process.memoryUsage().heapUsed);
  }, 1);
  const result = await queryOffsiteRecoveryReadiness({}, { env });
  clearInterval(sampler);
  // The bench checks the scan did the work it measures; the contract test (test/contract/readinessScale.test.ts) leaves
  // `expected` out and asserts the counts printed below itself.
  if (expected !== undefined && (result.instances.length !== expected || result.summary.error > 0)) {
    throw new Error(
      `scanned ${result.instances.length} instances (${result.summary.error} errors), expected ${expected}`,
    );
  }
  gc();
  const held = process.memoryUsage();
  process.stdout.write(
    `${JSON.stringify({
      rssBefore: before.rss,
      heapUsedBefore: before.heapUsed,
      peakHeapUsed,
      // With the result still referenced (it is checked above and counted below), after a full collection.
      heapUsedHeld: held.heapUsed,
      // The kernel's high-water mark for the whole process (KiB): the scan's peak, not a sample.
      maxRssKiB: process.resourceUsage().maxRSS,
      instances: result.instances.length,
      // After the memory figures above, so serialising the result for its size cannot raise them.
      ranges: result.instances.reduce((sum, row) => sum + row.ranges.length, 0),
      errors: result.summary.error,
      resultJsonBytes: Buffer.byteLength(JSON.stringify(result)),
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
