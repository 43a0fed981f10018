// The provider plugin as a self-contained linux-x64 executable: a Node.js single-executable application (the bundle of
// scripts/release/bundlePlugin.mjs injected with `postject` into the official Node binary of EMBEDDED_NODE_MAJOR), so
// that the engine runs it on a machine with no Node.js. See https://nodejs.org/api/single-executable-applications.html.

import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { EMBEDDED_NODE_MAJOR, ensureNodeRuntime } from "../node-runtimes.mjs";
import { bundlePlugin } from "./bundlePlugin.mjs";

const exec = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The fuse Node's single-executable support looks for (documented with the SEA steps). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

/** Builds `<outDir>/<name>` (and keeps the bundle and blob in `workDir`); returns the executable's path. */
export async function buildPluginExecutable({ outDir, workDir, name }) {
  const nodeBin = await ensureNodeRuntime(EMBEDDED_NODE_MAJOR);
  const node = path.join(nodeBin, "node");
  fs.mkdirSync(workDir, { recursive: true });
  fs.mkdirSync(outDir, { recursive: true });
  const bundle = path.join(workDir, "plugin.cjs");
  const blob = path.join(workDir, "plugin.blob");
  await bundlePlugin({ outfile: bundle, nodeMajor: EMBEDDED_NODE_MAJOR });
  const seaConfig = path.join(workDir, "sea-config.json");
  fs.writeFileSync(
    seaConfig,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false }),
  );
  // The blob must come from the very Node binary it is injected into.
  await exec(node, ["--experimental-sea-config", seaConfig], { cwd: workDir });
  const executable = path.join(outDir, name);
  fs.copyFileSync(node, executable);
  fs.chmodSync(executable, 0o755);
  const postject = createRequire(path.join(root, "package.json")).resolve("postject/dist/cli.js");
  await exec(process.execPath, [postject, executable, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE], {
    maxBuffer: 16 << 20,
  });
  return executable;
}
