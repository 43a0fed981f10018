// Huawei's official SDKs, as shipped, for the tests that run them against the emulator (test/contract/officialSdks):
// the Go SDK from the Go module proxy, built with a small program into one binary, and the Python SDK from PyPI in a
// virtual environment. Both pinned, provisioned once into the cache (RDS_OFFSITE_CACHE_DIR) under a build lock, like
// the language hosts (scripts/language-hosts/).
//
//   node scripts/official-sdks/provision.mjs go python   # provisions what is missing, prints the paths as JSON

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "../language-hosts/pythonEnvironment.mjs";
import { acquireBuildLock } from "../pulumi-cli/buildLock.mjs";
import { cacheBase } from "../pulumi-cli/environment.mjs";
import { isExecutable } from "../pulumi-cli/goBinary.mjs";
import { runGo, writeWrapperModule } from "../pulumi-cli/goCommand.mjs";
import { stderrLog } from "../stderrLog.mjs";

const defaultLog = stderrLog("official-sdks");

/** `github.com/huaweicloud/huaweicloud-sdk-go-v3` at this version (core and services/rds/v3). */
export const GO_SDK = { module: "github.com/huaweicloud/huaweicloud-sdk-go-v3", version: "v0.1.215" };

/** `huaweicloudsdkrds` and the `huaweicloudsdkcore` it runs on, at this version. */
export const PYTHON_SDK = ["huaweicloudsdkcore==3.1.219", "huaweicloudsdkrds==3.1.219"];

const sourceDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "test", "officialSdks");
/** @param {NodeJS.ProcessEnv} [env] */
const sdkDir = (env) => path.join(cacheBase(env), "official-sdks");

/**
 * A Go program built against the Go SDK into `<dir>/bin/<name>`, from a wrapper module `<dir>/wrapper/` holding a copy
 * of its source (`go mod tidy`, then `go build`, their output in `<dir>/logs/`), under a build lock on `dir`. Rebuilt
 * only when the source changes (its copy in the wrapper module differs) or the binary is missing. Shared by the
 * official SDK test program and the bench's Go peer (bench/go/goPeer.ts), which build the same way.
 * @param {{ dir: string, name: string, source: string, title: string, step: string, log: (line: string) => void }} program
 *   `source` is the text of the program's main.go; `title` names it in the log ("the Go peer"), `step` prefixes the
 *   name of each Go command in the log and in errors ("Go peer").
 * @returns {Promise<string>} the binary's path
 */
export async function buildGoSdkProgram({ dir, name, source, title, step, log }) {
  const binary = path.join(dir, "bin", name);
  const copy = path.join(dir, "wrapper", "main.go");
  const current = () => isExecutable(binary) && fs.existsSync(copy) && fs.readFileSync(copy, "utf8") === source;
  if (current()) return binary;
  const release = await acquireBuildLock(dir, log);
  try {
    if (current()) return binary;
    const wrapper = path.join(dir, "wrapper");
    log(`building ${title} against ${GO_SDK.module}@${GO_SDK.version}`);
    writeWrapperModule(wrapper, { name, requires: { [GO_SDK.module]: GO_SDK.version }, tool: "" });
    // The program itself imports what it needs: no tools.go beside a main package.
    fs.rmSync(path.join(wrapper, "tools.go"));
    fs.writeFileSync(copy, source);
    const module = `${GO_SDK.module}@${GO_SDK.version}`;
    const logs = path.join(dir, "logs");
    await runGo(`${step}: go mod tidy`, ["mod", "tidy"], {
      cwd: wrapper,
      logFile: path.join(logs, "tidy.log"),
      log,
      module,
    });
    fs.mkdirSync(path.dirname(binary), { recursive: true });
    await runGo(`${step}: go build`, ["build", "-trimpath", "-o", binary, "."], {
      cwd: wrapper,
      logFile: path.join(logs, "build.log"),
      log,
      module,
      progress: () => "still compiling",
    });
  } finally {
    release();
  }
  return binary;
}

/**
 * The test program (test/officialSdks/go/main.go) built against the Go SDK: `<cache>/official-sdks/go-<version>/bin/`.
 * Rebuilt when the program's source changes (its copy in the wrapper module differs).
 */
export async function ensureGoSdkProgram({ log = defaultLog } = {}) {
  return buildGoSdkProgram({
    dir: path.join(sdkDir(), `go-${GO_SDK.version}`),
    name: "official-go-sdk",
    source: fs.readFileSync(path.join(sourceDir, "go", "main.go"), "utf8"),
    title: "the Go SDK test program",
    step: "Go SDK",
    log,
  });
}

/** The `python` of a virtual environment holding the Python SDK: `<cache>/official-sdks/python-<version>/`. */
export async function ensurePythonSdk({ log = defaultLog } = {}) {
  const dir = path.join(sdkDir(), `python-${PYTHON_SDK.map((pin) => pin.replace("==", "-")).join("_")}`);
  const python = path.join(dir, "bin", "python");
  const ready = path.join(dir, ".ready");
  if (fs.existsSync(ready)) return python;
  const release = await acquireBuildLock(path.dirname(dir), log);
  try {
    if (!fs.existsSync(ready)) {
      log(`creating ${dir} with ${PYTHON_SDK.join(" ")} from PyPI`);
      fs.rmSync(dir, { recursive: true, force: true });
      await run("python3", ["-m", "venv", dir], "official Python SDK");
      await run(python, ["-m", "pip", "install", "--quiet", ...PYTHON_SDK], "official Python SDK");
      fs.writeFileSync(ready, `${PYTHON_SDK.join("\n")}\n`);
    }
  } finally {
    release();
  }
  return python;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  /** @type {Record<string, string>} */
  const provisioned = {};
  for (const sdk of process.argv.slice(2)) {
    provisioned[sdk] = sdk === "go" ? await ensureGoSdkProgram() : await ensurePythonSdk();
  }
  process.stdout.write(`${JSON.stringify(provisioned, null, 2)}\n`);
}
