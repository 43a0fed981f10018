// Headless Chromium for the tests that look at a page (test/browser): Debian's `chromium` package, installed with
// apt-get when it is missing (this machine kind cannot download a browser build of its own; playwright-core, which
// drives it, downloads nothing). Idempotent: a present binary is used as it is.
//
//   node scripts/browser/provision.mjs   # installs when missing, prints the executable's path

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { stderrLog } from "../stderrLog.mjs";

/** Where Debian's package puts it; CHROMIUM_PATH names another. */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export class BrowserProvisionError extends Error {
  /** @override */
  name = "BrowserProvisionError";
}

/** @param {NodeJS.ProcessEnv} env */
function present(env) {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : CANDIDATES;
  return candidates.find((file) => fs.existsSync(file));
}

/**
 * @param {string[]} args
 * @param {(line: string) => void} log
 */
function apt(args, log) {
  log(`apt-get ${args.join(" ")}`);
  const run = spawnSync("apt-get", args, {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (run.error) throw new BrowserProvisionError(`apt-get could not run: ${run.error.message}`);
  if (run.status !== 0) {
    throw new BrowserProvisionError(
      `apt-get ${args.join(" ")} exited ${run.status}: ${run.stderr.trim().slice(-2000)}`,
    );
  }
}

/**
 * The path of a headless-capable Chromium, installed from Debian's packages first if none is there.
 * @param {{ env?: NodeJS.ProcessEnv, log?: (line: string) => void }} [options]
 * @returns {string}
 */
export function ensureChromium({ env = process.env, log = stderrLog("browser") } = {}) {
  const found = present(env);
  if (found) return found;
  if (env.CHROMIUM_PATH) throw new BrowserProvisionError(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist`);
  if (process.getuid?.() !== 0) {
    throw new BrowserProvisionError(
      "chromium is not installed and this is not root: run `apt-get install -y chromium`",
    );
  }
  apt(["update"], log);
  apt(["install", "-y", "--no-install-recommends", "chromium"], log);
  const installed = present(env);
  if (!installed)
    throw new BrowserProvisionError(`apt-get installed chromium, but none of ${CANDIDATES.join(", ")} exists`);
  return installed;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${ensureChromium()}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
