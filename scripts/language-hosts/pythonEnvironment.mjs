// The Python side of a Python Pulumi program: a virtual environment with the Pulumi SDK from PyPI (and what the
// generated SDK of this package imports), created once per pinned version in the cache.
//
//   node scripts/language-hosts/pythonEnvironment.mjs    # creates it if missing, prints its bin directory

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { acquireBuildLock } from "../pulumi-cli/buildLock.mjs";
import { cacheBase } from "../pulumi-cli/environment.mjs";
import { PulumiCliProvisionError } from "../pulumi-cli/goCommand.mjs";
import { stderrLog } from "../stderrLog.mjs";

const defaultLog = stderrLog("language-hosts");

/** The Pulumi Python SDK, at the CLI's version, and the generated SDK's other requirements. */
export const PYTHON_REQUIREMENTS = ["pulumi==3.259.0", "parver>=0.2.1", "semver>=2.8.1"];

/** What `npm run dist` builds the Python SDK's wheel and sdist with (no build isolation: nothing else is fetched). */
export const PYTHON_BUILD_REQUIREMENTS = ["build==1.6.1", "setuptools==84.2.1", "wheel==0.48.0"];

/** The virtual environment's `bin` directory (its `python` first on PATH runs programs in it), created if missing. */
export function ensurePythonEnvironment({ log = defaultLog } = {}) {
  return ensureVirtualEnvironment("pulumi-3.259.0", PYTHON_REQUIREMENTS, log);
}

/** The `bin` directory of a virtual environment with PYTHON_BUILD_REQUIREMENTS, created if missing. */
export function ensurePythonBuildEnvironment({ log = defaultLog } = {}) {
  return ensureVirtualEnvironment("build-1.6.1", PYTHON_BUILD_REQUIREMENTS, log);
}

/**
 * <cache>/python-venv/<name> with `requirements` from PyPI, created once.
 * @param {string} name
 * @param {string[]} requirements
 * @param {(line: string) => void} log
 */
async function ensureVirtualEnvironment(name, requirements, log) {
  const dir = path.join(cacheBase(), "python-venv", name);
  const ready = path.join(dir, ".ready");
  if (fs.existsSync(ready)) return path.join(dir, "bin");
  const release = await acquireBuildLock(path.dirname(dir), log);
  try {
    if (!fs.existsSync(ready)) {
      log(`creating ${dir} with ${requirements.join(" ")} from PyPI`);
      fs.rmSync(dir, { recursive: true, force: true });
      await run("python3", ["-m", "venv", dir]);
      await run(path.join(dir, "bin", "python"), ["-m", "pip", "install", "--quiet", ...requirements]);
      fs.writeFileSync(ready, `${requirements.join("\n")}\n`);
    }
  } finally {
    release();
  }
  return path.join(dir, "bin");
}

/**
 * Installs a Python package directory (e.g. sdks/python) into `target`, for `PYTHONPATH`: with its metadata, which
 * generated SDKs read for their version, and without touching the shared environment.
 * @param {string} packageDir
 * @param {string} target
 */
export async function installPythonPackage(packageDir, target) {
  const python = path.join(await ensurePythonEnvironment(), "python");
  // setuptools builds in the source tree (build/, *.egg-info): build from a copy, so the tree stays as committed.
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "python-package-"));
  try {
    fs.cpSync(packageDir, copy, { recursive: true });
    await run(python, ["-m", "pip", "install", "--quiet", "--no-deps", "--target", target, copy]);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/**
 * Runs `command` quietly; rejects with a PulumiCliProvisionError of `step` carrying its output.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<string>}
 */
export function run(command, args, step = "python environment") {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => reject(new PulumiCliProvisionError(step, `${command}: ${error.message}`)));
    child.on("close", (code) =>
      code === 0
        ? resolve(output)
        : reject(new PulumiCliProvisionError(step, `${command} ${args.join(" ")} exited with ${code}\n${output}`)),
    );
  });
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${await ensurePythonEnvironment()}\n`);
}
