// Running Go for the provisioning builds: a command teed to a log file with periodic progress, a wrapper module
// written from requires and replaces, and errors that name the failed step and, when Go says so, the refused module.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const PROGRESS_EVERY_MS = 15_000;

/**
 * @typedef {object} GoRunOptions
 * @property {string} cwd where Go runs
 * @property {string} logFile where its whole output is teed
 * @property {(line: string) => void} [log] where the periodic status line goes
 * @property {(line: string) => void} [onLine] called with each line Go prints
 * @property {() => string} [progress] the status line's text, every 15 s
 * @property {string} [module] the module to blame when Go's output names none
 */

/** Raised when the CLI or the language host cannot be provisioned; `step` and `module` say what was refused. */
export class PulumiCliProvisionError extends Error {
  /** Everything Go printed, when the failed step ran Go. */
  output = "";
  /**
   * @param {string} step
   * @param {string} detail
   * @param {{ module?: string | undefined, logFile?: string | undefined }} [where]
   */
  constructor(step, detail, { module, logFile } = {}) {
    const where = module ? `step "${step}" (module ${module})` : `step "${step}"`;
    super(`Pulumi CLI provisioning failed at ${where}: ${detail}${logFile ? `\n  full log: ${logFile}` : ""}`);
    this.name = "PulumiCliProvisionError";
    this.step = step;
    this.module = module;
    this.logFile = logFile;
  }
}

/** @param {number} ms */
export function formatDuration(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/** Modules only: never a vendor directory or a workspace the user may have set globally; static binaries. */
export const GO_ENV = { GOFLAGS: "-mod=mod", GOWORK: "off", CGO_ENABLED: "0" };

/**
 * The module Go names in an error line, if any.
 * @param {unknown} text
 * @returns {string | undefined}
 */
export function moduleFromGoOutput(text) {
  const lines = String(text).split("\n");
  /** @type {(pattern: RegExp, pick: (match: RegExpExecArray) => string | undefined) => string | undefined} */
  const first = (pattern, pick) => {
    for (const line of lines) {
      const m = pattern.exec(line);
      if (m) return pick(m);
    }
    return undefined;
  };
  return (
    first(/reading https?:\/\/[^/\s]+\/(\S+?)\/@(?:v\/(\S+?)\.(?:info|mod|zip)\b|v\/list|latest)/, (m) => {
      // Go's module proxy escapes capitals as `!x`; the path Go's own errors print has them back.
      const module = (m[1] ?? "").replace(/!([a-z])/g, (_m, /** @type {string} */ c) => c.toUpperCase());
      return m[2] ? `${module}@${m[2]}` : module;
    }) ??
    first(/(?:^|\s)(?:go: )?((?:[a-z0-9.-]+\.[a-z]{2,})(?:\/[^\s@:]+)+)@([^\s:]+):/i, (m) => `${m[1]}@${m[2]}`) ??
    first(/^# (\S+)/, (m) => m[1])
  );
}

/**
 * Run `go <args>` in `cwd`, teeing its output to `logFile` and calling `progress()` every 15 s for a status line.
 * Resolves with the whole output; rejects with a PulumiCliProvisionError naming `step` and the module Go refused
 * (`module` when Go's output names none).
 * @param {string} step
 * @param {string[]} args
 * @param {GoRunOptions} options
 * @returns {Promise<string>}
 */
export function runGo(step, args, { cwd, logFile, log, onLine, progress, module }) {
  return new Promise((resolve, reject) => {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const out = fs.createWriteStream(logFile);
    out.write(`$ go ${args.join(" ")}\n`);
    const started = Date.now();
    /** @type {string[]} */
    const tail = [];
    let all = "";
    const child = spawn("go", args, { cwd, env: { ...process.env, ...GO_ENV }, stdio: ["ignore", "pipe", "pipe"] });
    /** @param {Buffer} buffer */
    const onData = (buffer) => {
      const text = buffer.toString();
      out.write(text);
      all += text;
      for (const line of text.split("\n").filter(Boolean)) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        onLine?.(line);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = progress
      ? setInterval(() => log?.(`${step}: ${progress()} [${formatDuration(Date.now() - started)}]`), PROGRESS_EVERY_MS)
      : undefined;
    /** @type {(detail: string, module?: string) => void} */
    const fail = (detail, module) => {
      clearInterval(timer);
      out.end();
      const error = new PulumiCliProvisionError(step, detail, { module, logFile });
      error.output = all;
      reject(error);
    };
    child.on("error", (/** @type {NodeJS.ErrnoException} */ e) =>
      fail(`cannot run go: ${e.message}${e.code === "ENOENT" ? " (is Go installed?)" : ""}`),
    );
    child.on("close", (code, signal) => {
      if (code !== 0) {
        const lines = tail.map((l) => `    ${l}`).join("\n");
        return fail(`go ${args.join(" ")} exited with ${code ?? signal}\n${lines}`, moduleFromGoOutput(all) ?? module);
      }
      clearInterval(timer);
      out.end(`\n${step} rc=0\n`);
      resolve(all);
    });
  });
}

/** The running Go toolchain's `major.minor`, for the `go` line of a wrapper module. */
export function goLanguageVersion() {
  const r = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8", env: { ...process.env, ...GO_ENV } });
  const m = /go(\d+)\.(\d+)/.exec(r.stdout ?? "");
  if (!m) {
    const why =
      /** @type {NodeJS.ErrnoException | undefined} */ (r.error)?.code === "ENOENT"
        ? "`go` is not on PATH; install Go (https://go.dev/dl/)"
        : (r.error ?? r.stderr);
    throw new PulumiCliProvisionError("go toolchain", `building from Go modules needs Go: ${why}`);
  }
  return `${m[1]}.${m[2]}`;
}

/**
 * A throw-away main module in `dir` that requires `requires` (path → version), applies `replaces` and imports
 * `tool` from a build-tagged tools.go, so that `go mod tidy` resolves the tool's whole dependency graph.
 * @param {string} dir
 * @param {{ name: string, requires: Record<string, string>, replaces?: string[], tool: string }} module
 */
export function writeWrapperModule(dir, { name, requires, replaces = [], tool }) {
  fs.mkdirSync(dir, { recursive: true });
  const goMod = [
    `module ${name}`,
    "",
    `go ${goLanguageVersion()}`,
    "",
    "require (",
    ...Object.entries(requires).map(([module, version]) => `\t${module} ${version}`),
    ")",
    "",
    ...replaces,
    "",
  ];
  fs.writeFileSync(path.join(dir, "go.mod"), goMod.join("\n"));
  fs.rmSync(path.join(dir, "go.sum"), { force: true });
  fs.writeFileSync(path.join(dir, "tools.go"), `//go:build tools\n\npackage tools\n\nimport _ "${tool}"\n`);
}
