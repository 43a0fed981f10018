// Provisioning of the Pulumi CLI and its Node language host for this repository.
//
// get.pulumi.com is unreachable on the machines this project is developed on, and the npm package `pulumi` only
// downloads from there. The CLI is therefore taken, in this order, from:
//   (a) a compatible `pulumi` on PATH (version >= the installed @pulumi/pulumi SDK's major.minor), with the language
//       host of that installation;
//   (b) the cache <cacheBase()>/pulumi-cli/<version>/bin/ (see environment.mjs), holding `pulumi` and
//       `pulumi-language-nodejs`;
//   (c) a build from Go modules into that cache of what it lacks: the CLI (buildCli.mjs, minutes) and the language
//       host (languageHost.mjs through goBinary.mjs, about a minute), each under a lock so that concurrent processes
//       never build twice (buildLock.mjs). Progress goes to stderr; failures name the step and the module Go refused.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stderrLog } from "../stderrLog.mjs";
import { buildCli } from "./buildCli.mjs";
import { acquireBuildLock } from "./buildLock.mjs";
import { cacheBase } from "./environment.mjs";
import { ensureGoBinary, isExecutable } from "./goBinary.mjs";
import { NODEJS_LANGUAGE_HOST } from "./languageHost.mjs";

const defaultLog = stderrLog("pulumi-cli");

export { cacheBase, DEV_PASSPHRASE, pulumiEnv, pulumiEnvOverrides } from "./environment.mjs";
export { buildGoBinary, ensureGoBinary } from "./goBinary.mjs";
export { PulumiCliProvisionError } from "./goCommand.mjs";
export { NODEJS_LANGUAGE_HOST } from "./languageHost.mjs";

export const DEFAULT_CLI_VERSION = "v3.259.0";
const LANGUAGE_HOST = "pulumi-language-nodejs";

/** The repository root (this file is scripts/pulumi-cli/provision.mjs). */
export function repoRoot() {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
}

/** Directory of one cached CLI version; `root` for `PulumiCommand.get({ root })` (it runs `<root>/bin/pulumi`). */
export function cliVersionDir(version = DEFAULT_CLI_VERSION, env = process.env) {
  return path.join(cacheBase(env), "pulumi-cli", version);
}

/** The installed @pulumi/pulumi: its directory, its version, and the plugin shims it ships. */
export function sdkInfo() {
  const packageJson = createRequire(path.join(repoRoot(), "package.json")).resolve("@pulumi/pulumi/package.json");
  const dir = path.dirname(packageJson);
  const shims = fs
    .readdirSync(dir)
    .filter((f) => /^pulumi-(resource|analyzer|language)-/.test(f) && !f.endsWith(".cmd"));
  return { dir, version: JSON.parse(fs.readFileSync(packageJson, "utf8")).version, shims: shims.sort() };
}

/** @param {unknown} text */
const versionText = (text) => /v?(\d+)\.(\d+)\.(\d+)/.exec(String(text));

/**
 * A CLI is compatible when it has the SDK's major version and at least its minor version.
 * @param {string} cliVersion
 * @param {string} sdkVersion
 */
export function isCompatibleCliVersion(cliVersion, sdkVersion) {
  const c = versionText(cliVersion);
  const s = versionText(sdkVersion);
  return !!c && !!s && c[1] === s[1] && Number(c[2]) >= Number(s[2]);
}

/**
 * `pulumi version` of a binary as `vX.Y.Z`, or undefined when it does not run.
 * @param {string} binary
 * @returns {string | undefined}
 */
function cliVersionOf(binary) {
  const r = spawnSync(binary, ["version"], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  const m = r.status === 0 ? versionText(r.stdout) : null;
  return m ? `v${m[1]}.${m[2]}.${m[3]}` : undefined;
}

/**
 * The executable `name` in the first PATH directory that has one.
 * @param {string} name
 * @returns {string | null}
 */
function findOnPath(name) {
  const dirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  return dirs.map((dir) => path.join(dir, name)).find(isExecutable) ?? null;
}

/**
 * `root` with `root/bin/pulumi` for `PulumiCommand.get({ root })`: a symlink farm when the CLI is not in a `bin`.
 * @param {string} pulumiPath
 */
function rootFor(pulumiPath) {
  const real = fs.realpathSync(pulumiPath);
  if (path.basename(path.dirname(real)) === "bin" && path.basename(real) === "pulumi")
    return path.dirname(path.dirname(real));
  const farm = path.join(cacheBase(), "path-cli");
  fs.mkdirSync(path.join(farm, "bin"), { recursive: true });
  fs.rmSync(path.join(farm, "bin", "pulumi"), { force: true });
  fs.symlinkSync(real, path.join(farm, "bin", "pulumi"));
  return farm;
}

// Single flight, kept for the process, a failure forgotten: src/core/singleFlight.ts's semantics, copied because this
// plain .mjs runs under bare `node` (Node 20 has no TypeScript loader) before anything is built into dist/.
/** @type {Map<string, Promise<PulumiCli>>} */
const memo = new Map();

/**
 * A usable Pulumi CLI and the Node language host of its installation.
 * @typedef {object} PulumiCli
 * @property {string} pulumiPath Absolute path of the `pulumi` binary.
 * @property {string} binDir Directory of the binary.
 * @property {string} root Directory with `bin/pulumi`, for `PulumiCommand.get({ root })`.
 * @property {string} version e.g. "v3.259.0"
 * @property {string | null} languageHostPath The Node language host that runs directory projects; null only for a CLI
 *   on PATH whose installation lacks it.
 * @property {"path" | "cache" | "built"} source Found on PATH, an earlier build, or built by this call.
 * @property {string} sdkVersion Version of the installed Pulumi Node.js SDK.
 * @property {string} sdkDir Directory of the installed Pulumi Node.js SDK; holds the `pulumi-resource-pulumi-nodejs` shim.
 * @property {string[]} shims Plugin shims found in sdkDir, e.g. ["pulumi-resource-pulumi-nodejs"].
 */

/**
 * Make sure a usable Pulumi CLI and Node language host exist, and describe them.
 *
 * @param {object} [opts]
 * @param {string} [opts.version] CLI version to build when none is found (default DEFAULT_CLI_VERSION).
 * @param {boolean} [opts.allowPath] Consider a `pulumi` on PATH (default true; env PULUMI_CLI_IGNORE_PATH=1 disables).
 * @param {(line: string) => void} [opts.log] Progress sink (default: stderr with a `[pulumi-cli]` prefix).
 * @returns {Promise<PulumiCli>}
 */
export function ensurePulumiCli(opts = {}) {
  const version = opts.version ?? DEFAULT_CLI_VERSION;
  const key = JSON.stringify([version, opts.allowPath, cacheBase()]);
  let promise = memo.get(key);
  if (!promise) {
    promise = provision({ ...opts, version });
    memo.set(key, promise);
    promise.catch(() => memo.delete(key));
  }
  return promise;
}

/**
 * @param {{ version: string, allowPath?: boolean, log?: (line: string) => void }} opts
 * @returns {Promise<PulumiCli>}
 */
async function provision({ version, allowPath = !process.env.PULUMI_CLI_IGNORE_PATH, log = defaultLog }) {
  const sdk = sdkInfo();

  // (a) a compatible pulumi on PATH, and the language host of that installation
  const onPath = allowPath ? findOnPath("pulumi") : null;
  if (onPath && !fs.realpathSync(onPath).startsWith(cacheBase())) {
    const found = cliVersionOf(onPath);
    if (found && isCompatibleCliVersion(found, sdk.version)) {
      const beside = path.join(path.dirname(onPath), LANGUAGE_HOST);
      const host = isExecutable(beside) ? beside : findOnPath(LANGUAGE_HOST);
      return describe({ pulumiPath: onPath, root: rootFor(onPath), version: found, source: "path", host, sdk });
    }
    if (found)
      log(
        `ignoring ${onPath} (${found}): need >= v${sdk.version.replace(/\.\d+$/, "")} for @pulumi/pulumi ${sdk.version}`,
      );
  }

  // (b) the cache, (c) building what it lacks
  const versionDir = cliVersionDir(version);
  const binDir = path.join(versionDir, "bin");
  const pulumiPath = path.join(binDir, "pulumi");
  const cliReady = () => isExecutable(pulumiPath) && cliVersionOf(pulumiPath) === version;
  /** @type {PulumiCli["source"]} */
  let source = "cache";
  if (!cliReady()) {
    const release = await acquireBuildLock(versionDir, log);
    try {
      if (!cliReady()) {
        source = "built";
        await buildCli(versionDir, version, { log, versionOf: cliVersionOf });
      }
    } finally {
      release();
    }
  }
  const host = await ensureGoBinary(NODEJS_LANGUAGE_HOST, { binDir, workDir: versionDir, log });
  if (host.built) source = "built";
  return describe({ pulumiPath, root: versionDir, version, source, host: host.path, sdk });
}

/**
 * Copy the SDK's plugin shims (e.g. `pulumi-resource-pulumi-nodejs`) next to a CLI of the cache. The engine looks
 * for bundled plugins beside its own executable; found only on PATH, a bundled plugin works but prints
 * "warning: using pulumi-resource-pulumi-nodejs from $PATH" in every operation. The shim resolves @pulumi/pulumi from
 * the provider process's cwd, so one copy serves any checkout.
 * @param {string} binDir
 * @param {ReturnType<typeof sdkInfo>} sdk
 */
function installShims(binDir, sdk) {
  for (const name of sdk.shims) {
    const text = fs.readFileSync(path.join(sdk.dir, name));
    const target = path.join(binDir, name);
    if (isExecutable(target) && fs.readFileSync(target).equals(text)) continue;
    const tmp = `${target}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, text, { mode: 0o755 });
    fs.renameSync(tmp, target);
  }
}

/**
 * @param {{ pulumiPath: string, root: string, version: string, source: PulumiCli["source"], host: string | null,
 *   sdk: ReturnType<typeof sdkInfo> }} found
 * @returns {PulumiCli}
 */
function describe({ pulumiPath, root, version, source, host, sdk }) {
  if (source !== "path") installShims(path.dirname(pulumiPath), sdk);
  return {
    pulumiPath,
    binDir: path.dirname(pulumiPath),
    root,
    version,
    languageHostPath: host && isExecutable(host) ? host : null,
    source,
    sdkVersion: sdk.version,
    sdkDir: sdk.dir,
    shims: sdk.shims,
  };
}
