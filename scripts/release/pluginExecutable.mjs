// The provider plugin as a self-contained linux-x64 executable: a Node.js single-executable application (the bundle of
// scripts/release/bundlePlugin.mjs injected with `postject` into the official Node binary of EMBEDDED_NODE_MAJOR), so
// that the engine runs it on a machine with no Node.js (https://nodejs.org/api/single-executable-applications.html),
// packed as the engine downloads it: `pulumi-resource-<name>-v<version>-linux-amd64.tar.gz` with the executable at
// its root. Built once per content (bundle, Node release, LICENSE, README) into <cache>/plugin-tarball/<hash>/.

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { EMBEDDED_NODE_MAJOR, ensureNodeRuntime, NODE_RUNTIMES } from "../node-runtimes.mjs";
import { acquireBuildLock } from "../pulumi-cli/buildLock.mjs";
import { cacheBase } from "../pulumi-cli/environment.mjs";
import { stderrLog } from "../stderrLog.mjs";
import { bundlePlugin } from "./bundlePlugin.mjs";

const defaultLog = stderrLog("plugin");

const exec = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The fuse Node's single-executable support looks for (documented with the SEA steps). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
/** Files beside the executable in the tarball, as Pulumi's own plugin tarballs carry them. */
const COMPANIONS = ["LICENSE", "README.md"];
/** Tarballs of earlier sources kept in the cache. */
const KEEP = 3;

export const PLUGIN_NAME = "huaweicloud-rds-offsite";
export const PLUGIN_EXECUTABLE = `pulumi-resource-${PLUGIN_NAME}`;

/**
 * The plugin tarball's file name, as the engine asks `pluginDownloadURL` for it.
 * @param {string} version
 */
export const pluginTarballName = (version, osName = "linux", arch = "amd64") =>
  `${PLUGIN_EXECUTABLE}-v${version}-${osName}-${arch}.tar.gz`;

/**
 * The tarball of the plugin of today's sources (package.json's version), built if the cache has none.
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function ensurePluginTarball({ log = defaultLog } = {}) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-bundle-"));
  try {
    const bundle = path.join(scratch, "plugin.cjs");
    await bundlePlugin({ outfile: bundle, nodeMajor: EMBEDDED_NODE_MAJOR });
    const hash = createHash("sha256").update(NODE_RUNTIMES[EMBEDDED_NODE_MAJOR]).update(fs.readFileSync(bundle));
    for (const file of COMPANIONS) hash.update(fs.readFileSync(path.join(root, file)));
    const dir = path.join(cacheBase(), "plugin-tarball", hash.digest("hex").slice(0, 16));
    const tarball = path.join(dir, pluginTarballName(version));
    if (fs.existsSync(tarball)) return tarball;
    const release = await acquireBuildLock(dir, log);
    try {
      if (!fs.existsSync(tarball)) {
        log(`building the self-contained plugin ${PLUGIN_EXECUTABLE} v${version} (${dir})`);
        const stage = path.join(scratch, "stage");
        fs.mkdirSync(stage);
        await seaExecutable(bundle, path.join(stage, PLUGIN_EXECUTABLE), scratch);
        for (const file of COMPANIONS) fs.copyFileSync(path.join(root, file), path.join(stage, file));
        const tmp = `${tarball}.tmp-${process.pid}`;
        await exec("tar", ["-czf", tmp, "-C", stage, "--owner=0", "--group=0", PLUGIN_EXECUTABLE, ...COMPANIONS]);
        fs.renameSync(tmp, tarball);
        prune(path.dirname(dir), dir);
      }
    } finally {
      release();
    }
    return tarball;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `executable`: the embedded Node binary with the bundle injected as its single-executable blob.
 * @param {string} bundle
 * @param {string} executable
 * @param {string} workDir
 */
async function seaExecutable(bundle, executable, workDir) {
  const node = path.join(await ensureNodeRuntime(EMBEDDED_NODE_MAJOR), "node");
  const blob = path.join(workDir, "plugin.blob");
  const seaConfig = path.join(workDir, "sea-config.json");
  fs.writeFileSync(
    seaConfig,
    JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useSnapshot: false }),
  );
  // The blob must come from the very Node binary it is injected into.
  await exec(node, ["--experimental-sea-config", seaConfig], { cwd: workDir });
  fs.copyFileSync(node, executable);
  fs.chmodSync(executable, 0o755);
  const postject = createRequire(path.join(root, "package.json")).resolve("postject/dist/cli.js");
  await exec(process.execPath, [postject, executable, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE], {
    maxBuffer: 16 << 20,
  });
}

/**
 * Removes all but the KEEP newest tarball directories (never `current`).
 * @param {string} parent
 * @param {string} current
 */
function prune(parent, current) {
  const dirs = fs
    .readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && path.join(parent, entry.name) !== current)
    .map((entry) => path.join(parent, entry.name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  for (const dir of dirs.slice(KEEP - 1)) fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${await ensurePluginTarball()}\n`);
}
