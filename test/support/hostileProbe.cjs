// Runs in a fresh Node process (plain Node, --expose-gc): one restore-time query of the built product against a
// hostile test server, and prints one JSON line: the outcome, how long the call took, and the kernel's high-water mark
// of the process's memory above its baseline. Usage: node --expose-gc hostileProbe.cjs '<json: { env, stackConfig,
// instanceId, allocate }>'; with `allocate`, the process allocates and collects garbage throughout the call, as a busy
// Pulumi program does (the case in which a weakly held abort signal is lost, nodejs/undici#3644).
"use strict";
const path = require("node:path");

const input = process.argv[2];
if (input === undefined) throw new Error("usage: node --expose-gc hostileProbe.cjs '<json>'");
/** @type {{ env: Record<string, string>, stackConfig?: Record<string, string>, instanceId: string, allocate?: boolean }} */
const { env, stackConfig = {}, instanceId, allocate = false } = JSON.parse(input);
const gc = globalThis.gc ?? exposeGcFirst();
const dist = path.resolve(__dirname, "..", "..", "dist", "core", "dataSources", "getOffsiteRestoreTimeRanges.js");
/** @type {typeof import("../../src/core/dataSources/getOffsiteRestoreTimeRanges")} */
const { queryOffsiteRestoreTimeRanges } = require(dist);

async function main() {
  gc();
  const baselineRss = process.memoryUsage().rss;
  let garbage = [];
  const churn = allocate
    ? setInterval(() => {
        garbage = Array.from({ length: 50_000 }, (_, index) => ({ index, text: `row ${index}` }));
        gc();
      }, 10)
    : undefined;
  const started = performance.now();
  let outcome;
  try {
    const result = await queryOffsiteRestoreTimeRanges({ instanceId }, { env, stackConfig: (key) => stackConfig[key] });
    outcome = { ok: true, ranges: result.ranges.length };
  } catch (caught) {
    // The product's errors (HuaweiCloudError, ConfigurationError, …) carry an error code and the attempts made.
    const error = /** @type {Error & { errorCode?: string, attempts?: number }} */ (caught);
    outcome = {
      ok: false,
      name: error.name,
      errorCode: error.errorCode,
      attempts: error.attempts,
      message: error.message,
    };
  }
  const elapsedMs = performance.now() - started;
  clearInterval(churn);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ ...outcome, elapsedMs, garbage: garbage.length, growthMb: (peakRss - baselineRss) / 2 ** 20 })}\n`,
  );
  process.exit(0);
}

/** @returns {never} */
function exposeGcFirst() {
  throw new Error("run with node --expose-gc: the baseline is taken after a full collection");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
