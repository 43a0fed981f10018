#!/usr/bin/env node
// The suites that depend on the Node.js a user runs, again on each other tested Node.js line (22 and 24, from the npm
// registry; see scripts/node-runtimes.mjs): unit, contract and CLI tests, and the end-to-end restore gate, whose
// dynamic provider runs in the `node` that PATH finds (the pinned one, first on PATH here). `npm test` runs this
// after the full suite on the machine's Node.js (20). Each line writes test-results/vitest-node<major>.json.
//
//   node scripts/test-node-versions.mjs [22 24]

import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureNodeRuntime, NODE_RUNTIMES, pinnedNodeVersion } from "./node-runtimes.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** What runs on every tested Node.js line. */
export const NODE_VERSION_SUITES = [
  "test/unit",
  "test/contract",
  "test/cli",
  "test/e2e/restoreGate.test.ts",
  "test/e2e/restoreDecision.test.ts",
];

/**
 * Runs NODE_VERSION_SUITES under the `node` in `bin`; resolves with vitest's exit code.
 * @param {number} major
 * @param {string} bin
 */
function vitestOn(major, bin) {
  const report = path.join("test-results", `vitest-node${major}.json`);
  const args = [
    path.join(root, "node_modules", "vitest", "vitest.mjs"),
    "run",
    ...NODE_VERSION_SUITES,
    `--outputFile.json=${report}`,
  ];
  process.stderr.write(`\n[node ${pinnedNodeVersion(major)}] vitest run ${NODE_VERSION_SUITES.join(" ")}\n`);
  return new Promise((resolve) => {
    const child = spawn(path.join(bin, "node"), args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const majors =
    process.argv.slice(2).length > 0 ? process.argv.slice(2).map(Number) : Object.keys(NODE_RUNTIMES).map(Number);
  let failed = false;
  for (const major of majors) {
    const bin = await ensureNodeRuntime(major);
    if ((await vitestOn(major, bin)) !== 0) failed = true;
  }
  process.exit(failed ? 1 : 0);
}
