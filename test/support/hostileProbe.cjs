// Runs in a fresh Node process (plain Node, --expose-gc): one restore-time query of the built product against a
// hostile test server, and prints one JSON line: the outcome, how long the call took, and the kernel's high-water mark
// of the process's memory above its baseline. Usage: node --expose-gc hostileProbe.cjs '<json: { env, stackConfig,
// instanceId, allocate }>'; with `allocate`, the process allocates and collects garbage throughout the call, as a busy
// Pulumi program does (the case in which a weakly held abort signal is lost, nodejs/undici#3644).
"use strict";
const path = require("node:path");
const { performance } = require("node:perf_hooks");

const { env, stackConfig = {}, instanceId, allocate = false } = JSON.parse(process.argv[2]);
const dist = path.resolve(__dirname, "..", "..", "dist", "core", "dataSources", "getOffsiteRestoreTimeRanges.js");
const { queryOffsiteRestoreTimeRanges } = require(dist);

async function main() {
  global.gc();
  const baselineRss = process.memoryUsage().rss;
  let garbage = [];
  const churn = allocate
    ? setInterval(() => {
        garbage = Array.from({ length: 50_000 }, (_, index) => ({ index, text: `row ${index}` }));
        global.gc();
      }, 10)
    : undefined;
  const started = performance.now();
  let outcome;
  try {
    const result = await queryOffsiteRestoreTimeRanges({ instanceId }, { env, stackConfig: (key) => stackConfig[key] });
    outcome = { ok: true, ranges: result.ranges.length };
  } catch (error) {
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
