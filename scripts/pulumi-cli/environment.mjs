// The environment that keeps the provisioned CLI offline, quiet and login-free.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PulumiCliProvisionError } from "./goCommand.mjs";

/** Fixed development passphrase for the local file backend; never protects anything real. */
export const DEV_PASSPHRASE = "pulumi-huaweicloud-rds-offsite-dev-passphrase";

/**
 * The cache of everything provisioned: RDS_OFFSITE_CACHE_DIR when set (absolute; e.g. a CI cache path, or an empty
 * directory to provision from scratch), else ${XDG_CACHE_HOME:-~/.cache}/pulumi-huaweicloud-rds-offsite.
 * @param {NodeJS.ProcessEnv} [env]
 */
export function cacheBase(env = process.env) {
  const own = env.RDS_OFFSITE_CACHE_DIR;
  if (own) {
    if (!path.isAbsolute(own))
      throw new PulumiCliProvisionError(
        "cache directory",
        `RDS_OFFSITE_CACHE_DIR must be absolute, got ${JSON.stringify(own)}`,
      );
    return own;
  }
  const xdg = env.XDG_CACHE_HOME;
  return path.join(
    xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), ".cache"),
    "pulumi-huaweicloud-rds-offsite",
  );
}

/**
 * The environment additions for running the CLI: its directory (with the language host) and the @pulumi/pulumi
 * directory (with the dynamic provider shim) first on PATH, no update check, no plugin downloads, a file backend and
 * PULUMI_HOME under the cache, the development passphrase. A value the caller passes explicitly always wins;
 * otherwise a variable the user already set is kept.
 *
 * @param {object} opts
 * @param {{ binDir: string, sdkDir: string, source?: string }} opts.cli result of ensurePulumiCli()
 * @param {NodeJS.ProcessEnv} [opts.env] the environment to respect (default process.env)
 * @param {string} [opts.home] PULUMI_HOME to force
 * @param {string} [opts.backendDir] directory of a file backend to force
 * @param {string} [opts.passphrase] PULUMI_CONFIG_PASSPHRASE to force
 * @param {string} [opts.projectDir] the project directory the CLI runs in, for its runtime options (see below)
 * @returns {Record<string, string>}
 */
export function pulumiEnvOverrides({ cli, env = process.env, home, backendDir, passphrase, projectDir }) {
  /** @type {Record<string, string>} */
  const out = { PATH: [cli.binDir, cli.sdkDir, env.PATH].filter(Boolean).join(path.delimiter) };
  /** @type {(key: string, value: string) => void} */
  const keepOrSet = (key, value) => {
    if (env[key] === undefined || env[key] === "") out[key] = value;
  };
  keepOrSet("PULUMI_SKIP_UPDATE_CHECK", "true");
  keepOrSet("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
  if (home) out.PULUMI_HOME = home;
  else keepOrSet("PULUMI_HOME", path.join(cacheBase(env), "pulumi-home"));
  if (backendDir) out.PULUMI_BACKEND_URL = `file://${backendDir}`;
  else keepOrSet("PULUMI_BACKEND_URL", `file://${path.join(cacheBase(env), "state")}`);
  if (passphrase !== undefined) out.PULUMI_CONFIG_PASSPHRASE = passphrase;
  else if (!env.PULUMI_CONFIG_PASSPHRASE && !env.PULUMI_CONFIG_PASSPHRASE_FILE)
    out.PULUMI_CONFIG_PASSPHRASE = DEV_PASSPHRASE;
  const tsconfig = projectDir && cli.source !== "path" ? tsconfigOption(projectDir) : undefined;
  if (tsconfig) keepOrSet("PULUMI_NODEJS_TSCONFIG_PATH", tsconfig);
  if (out.PULUMI_HOME) fs.mkdirSync(out.PULUMI_HOME, { recursive: true });
  if (out.PULUMI_BACKEND_URL?.startsWith("file://")) fs.mkdirSync(out.PULUMI_BACKEND_URL.slice(7), { recursive: true });
  return out;
}

/**
 * The `tsconfig` runtime option of the project the CLI will find from `dir` (the nearest Pulumi.yaml upwards, as the
 * CLI looks for it). The provisioned language host (v3.68.0) reads runtime options only from command-line flags, which
 * CLI v3.259.0 no longer passes (it sends them in the run request), so it would ignore this one. The host turned it
 * into PULUMI_NODEJS_TSCONFIG_PATH for the SDK's program runner; so do we.
 * @param {string} dir
 * @returns {string | undefined}
 */
function tsconfigOption(dir) {
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((name) => path.join(at, name)).find((f) => fs.existsSync(f));
    if (file) {
      const option = /^\s+tsconfig:\s*["']?([^"'\s#]+)/m.exec(fs.readFileSync(file, "utf8"))?.[1];
      return option && path.resolve(at, option);
    }
    if (path.dirname(at) === at) return undefined;
  }
}

/**
 * The full environment for running the CLI: `env` plus pulumiEnvOverrides().
 * @param {Parameters<typeof pulumiEnvOverrides>[0]} opts
 */
export function pulumiEnv(opts) {
  const env = opts.env ?? process.env;
  return { ...env, ...pulumiEnvOverrides({ ...opts, env }) };
}
