// Provisioning of the Pulumi CLI for this repository.
//
// get.pulumi.com is unreachable on the machines this project is developed on, and the npm package `pulumi` only
// downloads from there. The CLI is therefore taken, in this order, from:
//   (a) a compatible `pulumi` on PATH (version >= the installed @pulumi/pulumi SDK's major.minor),
//   (b) the cached build at ${XDG_CACHE_HOME:-~/.cache}/pulumi-huaweicloud-rds-offsite/pulumi-cli/<version>/bin/pulumi,
//   (c) a fresh build from Go modules through the Go module proxy (a throw-away wrapper module in the cache directory
//       requiring github.com/pulumi/pulumi/pkg/v3 and sdk/v3 at the same exact tag, with their `replace` lines).
// The build is atomic (temporary name, then rename) and guarded by a lock directory, so concurrent test workers never
// build twice. Progress goes to stderr; failures name the step and, when Go says so, the module that was refused.
//
// The Node language host (`pulumi-language-nodejs`) lives in its own Go module, which the proxy may refuse. Without
// it, directory programs (`pulumi up` in a folder) cannot run; Automation API inline programs still can. The outcome
// of the attempt is recorded in <version dir>/language-host.json and reported as `languageHost`.

import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_CLI_VERSION = "v3.259.0";
export const PKG_MODULE = "github.com/pulumi/pulumi/pkg/v3";
export const SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3";
export const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
export const LANGUAGE_HOST_MODULE = "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3";
/** Fixed development passphrase for the local file backend; never protects anything real. */
export const DEV_PASSPHRASE = "pulumi-huaweicloud-rds-offsite-dev-passphrase";

const CACHE_NAMESPACE = "pulumi-huaweicloud-rds-offsite";
const LOCK_STALE_MS = 2 * 60 * 60 * 1000;
const PROGRESS_EVERY_MS = 15_000;

/** Raised when the CLI cannot be provisioned; `step` and `module` say what was refused. */
export class PulumiCliProvisionError extends Error {
  constructor(step, detail, { module, logFile } = {}) {
    const where = module ? `step "${step}" (module ${module})` : `step "${step}"`;
    super(`Pulumi CLI provisioning failed at ${where}: ${detail}${logFile ? `\n  full log: ${logFile}` : ""}`);
    this.name = "PulumiCliProvisionError";
    this.step = step;
    this.module = module;
    this.logFile = logFile;
  }
}

/** The repository root (this file is scripts/pulumi-cli/provision.mjs). */
export function repoRoot() {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
}

/** ${XDG_CACHE_HOME:-~/.cache}/pulumi-huaweicloud-rds-offsite */
export function cacheBase(env = process.env) {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), ".cache");
  return path.join(base, CACHE_NAMESPACE);
}

/** Directory of one cached CLI version; `root` for `PulumiCommand.get({ root })` (it runs `<root>/bin/pulumi`). */
export function cliVersionDir(version = DEFAULT_CLI_VERSION, env = process.env) {
  return path.join(cacheBase(env), "pulumi-cli", version);
}

/**
 * The installed @pulumi/pulumi SDK: its directory (which holds the `pulumi-resource-pulumi-nodejs` shim that starts
 * the dynamic provider host) and its version.
 */
export function sdkInfo() {
  const req = createRequire(path.join(repoRoot(), "package.json"));
  const pkgJson = req.resolve("@pulumi/pulumi/package.json");
  const dir = path.dirname(pkgJson);
  const { version } = JSON.parse(fs.readFileSync(pkgJson, "utf8"));
  const shims = fs
    .readdirSync(dir)
    .filter((f) => /^pulumi-(resource|analyzer|language)-/.test(f) && !f.endsWith(".cmd"))
    .sort();
  return { dir, version, shims };
}

function parseVersion(text) {
  const m = /v?(\d+)\.(\d+)\.(\d+)/.exec(String(text));
  return m ? { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), text: `v${m[1]}.${m[2]}.${m[3]}` } : null;
}

/** A CLI is compatible when it has the SDK's major version and at least its minor version. */
export function isCompatibleCliVersion(cliVersion, sdkVersion) {
  const c = parseVersion(cliVersion);
  const s = parseVersion(sdkVersion);
  return !!c && !!s && c.major === s.major && c.minor >= s.minor;
}

function cliVersionOf(binary) {
  const r = spawnSync(binary, ["version"], {
    encoding: "utf8",
    timeout: 30_000,
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  if (r.status !== 0) return null;
  return r.stdout.trim();
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name, env = process.env) {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function defaultLog(line) {
  process.stderr.write(`[pulumi-cli] ${line}\n`);
}

function fmtDuration(ms) {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

/**
 * A directory `root` with `root/bin/pulumi` for `PulumiCommand.get({ root })`. A CLI found on PATH outside a `bin`
 * directory gets a symlink farm in the cache.
 */
function rootFor(pulumiPath) {
  const real = fs.realpathSync(pulumiPath);
  if (path.basename(path.dirname(real)) === "bin" && path.basename(real) === "pulumi") {
    return path.dirname(path.dirname(real));
  }
  const farm = path.join(cacheBase(), "path-cli");
  fs.mkdirSync(path.join(farm, "bin"), { recursive: true });
  const link = path.join(farm, "bin", "pulumi");
  try {
    fs.unlinkSync(link);
  } catch {}
  fs.symlinkSync(real, link);
  return farm;
}

function readLanguageHostRecord(versionDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(versionDir, "language-host.json"), "utf8"));
  } catch {
    return null;
  }
}

const memo = new Map();

/**
 * Make sure a usable Pulumi CLI exists and describe it.
 *
 * @param {object} [opts]
 * @param {string} [opts.version] CLI version to build when none is found (default DEFAULT_CLI_VERSION).
 * @param {boolean} [opts.allowPath] Consider a `pulumi` on PATH (default true; env PULUMI_CLI_IGNORE_PATH=1 disables).
 * @param {boolean} [opts.allowBuild] Build from Go modules when nothing is found (default true).
 * @param {(line: string) => void} [opts.log] Progress sink (default: stderr with a `[pulumi-cli]` prefix).
 */
export function ensurePulumiCli(opts = {}) {
  const version = opts.version ?? DEFAULT_CLI_VERSION;
  const key = JSON.stringify([version, opts.allowPath, opts.allowBuild, process.env.XDG_CACHE_HOME]);
  let p = memo.get(key);
  if (!p) {
    p = provision({ ...opts, version });
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

async function provision(opts) {
  const log = opts.log ?? defaultLog;
  const version = opts.version;
  const sdk = sdkInfo();
  const allowPath = opts.allowPath ?? !process.env.PULUMI_CLI_IGNORE_PATH;

  // (a) a compatible pulumi on PATH
  if (allowPath) {
    const onPath = findOnPath("pulumi");
    if (onPath && !fs.realpathSync(onPath).startsWith(cacheBase())) {
      const v = cliVersionOf(onPath);
      if (v && isCompatibleCliVersion(v, sdk.version)) {
        const binDir = path.dirname(onPath);
        return describe({
          pulumiPath: onPath,
          root: rootFor(onPath),
          version: parseVersion(v).text,
          source: "path",
          languageHost:
            isExecutable(path.join(binDir, "pulumi-language-nodejs")) || !!findOnPath("pulumi-language-nodejs"),
          languageHostDetail: "looked for pulumi-language-nodejs beside the CLI and on PATH",
          sdk,
        });
      }
      if (v)
        log(
          `ignoring ${onPath} (${v}): need >= v${sdk.version.split(".").slice(0, 2).join(".")} for @pulumi/pulumi ${sdk.version}`,
        );
    }
  }

  // (b) the cached build
  const versionDir = cliVersionDir(version);
  const cached = await cachedCli(versionDir, version, log);
  if (cached) return describe({ ...cached, sdk });

  if (opts.allowBuild === false) {
    throw new PulumiCliProvisionError("find cached CLI", `no compatible pulumi on PATH and no build in ${versionDir}`);
  }

  // (c) build it, under a lock
  const release = await acquireLock(versionDir, log);
  try {
    const again = await cachedCli(versionDir, version, log);
    if (again) return describe({ ...again, sdk });
    await buildCli(versionDir, version, log);
    await attemptLanguageHost(versionDir, version, log);
    const built = await cachedCli(versionDir, version, log);
    if (!built) throw new PulumiCliProvisionError("verify build", `${versionDir}/bin/pulumi missing after build`);
    return describe({ ...built, source: "built", sdk });
  } finally {
    release();
  }
}

/**
 * Copy the SDK's plugin shims (e.g. `pulumi-resource-pulumi-nodejs`) next to a CLI we built. The engine looks for
 * bundled plugins beside its own executable; a bundled plugin found only elsewhere on PATH works but prints
 * "warning: using pulumi-resource-pulumi-nodejs from $PATH" in every operation. The shim resolves @pulumi/pulumi from
 * the provider process's cwd, so one copy serves any checkout.
 */
function installShims(binDir, sdk) {
  for (const name of sdk.shims) {
    const src = path.join(sdk.dir, name);
    const dst = path.join(binDir, name);
    const text = fs.readFileSync(src);
    try {
      if (fs.readFileSync(dst).equals(text) && isExecutable(dst)) continue;
    } catch {}
    const tmp = `${dst}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, text, { mode: 0o755 });
    fs.renameSync(tmp, dst);
  }
}

function describe(info) {
  if (info.source !== "path") installShims(path.dirname(info.pulumiPath), info.sdk);
  return {
    pulumiPath: info.pulumiPath,
    binDir: path.dirname(info.pulumiPath),
    root: info.root,
    version: info.version,
    languageHost: info.languageHost,
    languageHostDetail: info.languageHostDetail,
    source: info.source,
    sdkVersion: info.sdk.version,
    sdkDir: info.sdk.dir,
    shims: info.sdk.shims,
  };
}

async function cachedCli(versionDir, version, log) {
  const pulumiPath = path.join(versionDir, "bin", "pulumi");
  if (!isExecutable(pulumiPath)) return null;
  const v = cliVersionOf(pulumiPath);
  if (!v || parseVersion(v)?.text !== parseVersion(version)?.text) {
    log(`cached ${pulumiPath} reports ${JSON.stringify(v)}, expected ${version}; rebuilding`);
    return null;
  }
  let record = readLanguageHostRecord(versionDir);
  if (!record) {
    // A build made by hand (or by an older version of this script): try the language host once and record it,
    // unless another process holds the build lock right now.
    const release = tryLock(versionDir);
    if (release) {
      try {
        record = await attemptLanguageHost(versionDir, version, log).catch((e) => ({
          available: false,
          error: String(e),
        }));
      } finally {
        release();
      }
    }
  }
  const hostPath = path.join(versionDir, "bin", "pulumi-language-nodejs");
  return {
    pulumiPath,
    root: versionDir,
    version: parseVersion(v).text,
    source: "cache",
    languageHost: isExecutable(hostPath),
    languageHostDetail: record?.available ? `built at ${hostPath}` : (record?.error ?? "not attempted"),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Locking

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** Take the lock directory if it is free; returns a release function, or null when someone else holds it. */
function tryLock(versionDir) {
  fs.mkdirSync(versionDir, { recursive: true });
  const lockDir = path.join(versionDir, ".build.lock");
  try {
    fs.mkdirSync(lockDir);
  } catch (e) {
    if (e.code === "EEXIST") return null;
    throw new PulumiCliProvisionError("acquire build lock", `${lockDir}: ${e.message}`);
  }
  fs.writeFileSync(
    path.join(lockDir, "owner.json"),
    JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
  );
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    fs.rmSync(lockDir, { recursive: true, force: true });
    process.off("exit", release);
  };
  process.on("exit", release);
  return release;
}

async function acquireLock(versionDir, log) {
  const lockDir = path.join(versionDir, ".build.lock");
  const started = Date.now();
  let lastNote = 0;
  for (;;) {
    const release = tryLock(versionDir);
    if (release) return release;
    let owner = null;
    try {
      owner = JSON.parse(fs.readFileSync(path.join(lockDir, "owner.json"), "utf8"));
    } catch {}
    let since = owner?.since ? Date.parse(owner.since) : Number.NaN;
    if (Number.isNaN(since)) {
      try {
        since = fs.statSync(lockDir).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
    }
    const age = Date.now() - since;
    const stale = owner ? (owner.host === os.hostname() && !pidAlive(owner.pid)) || age > LOCK_STALE_MS : age > 60_000; // a lock without owner file for a minute: its creator died between mkdir and write
    if (stale) {
      log(`removing stale build lock ${lockDir} (${owner ? `pid ${owner.pid}` : "no owner"})`);
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - lastNote > PROGRESS_EVERY_MS) {
      lastNote = Date.now();
      log(
        `waiting for another build of the CLI (pid ${owner?.pid ?? "?"}) to finish… ${fmtDuration(Date.now() - started)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Building

/** The module Go names in an error line, if any. */
export function moduleFromGoOutput(text) {
  const lines = String(text).split("\n");
  for (const line of lines) {
    const reading = /reading https?:\/\/[^/\s]+\/(\S+?)\/@(?:v|latest)/.exec(line);
    if (reading) return reading[1].replace(/!([a-z])/g, (_m, c) => c.toUpperCase());
  }
  for (const line of lines) {
    const at = /(?:^|\s)(?:go: )?((?:[a-z0-9.-]+\.[a-z]{2,})(?:\/[^\s@:]+)+)@([^\s:]+):/i.exec(line);
    if (at) return `${at[1]}@${at[2]}`;
  }
  for (const line of lines) {
    const pkg = /^# (\S+)/.exec(line);
    if (pkg) return pkg[1];
  }
  return undefined;
}

/**
 * Run a command, teeing its output to a log file, optionally reporting progress; rejects with a
 * PulumiCliProvisionError naming the step (and the module, when the output names one).
 */
function run(step, cmd, args, { cwd, env, logFile, log, onLine, progress }) {
  return new Promise((resolve, reject) => {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const out = fs.createWriteStream(logFile);
    out.write(`$ ${cmd} ${args.join(" ")}\n`);
    const started = Date.now();
    const tail = [];
    let all = "";
    let child;
    try {
      child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      reject(new PulumiCliProvisionError(step, `cannot start ${cmd}: ${e.message}`, { logFile }));
      return;
    }
    const onData = (buf) => {
      const text = buf.toString();
      out.write(text);
      all += text;
      if (all.length > 2_000_000) all = all.slice(-1_000_000);
      for (const line of text.split("\n")) {
        if (!line) continue;
        tail.push(line);
        if (tail.length > 40) tail.shift();
        onLine?.(line);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const timer = progress
      ? setInterval(() => log(`${step}: ${progress()} [${fmtDuration(Date.now() - started)}]`), PROGRESS_EVERY_MS)
      : null;
    child.on("error", (e) => {
      if (timer) clearInterval(timer);
      out.end();
      reject(
        new PulumiCliProvisionError(
          step,
          `cannot run ${cmd}: ${e.message}${e.code === "ENOENT" ? " (is it installed?)" : ""}`,
          {
            logFile,
          },
        ),
      );
    });
    child.on("close", (code, signal) => {
      if (timer) clearInterval(timer);
      out.end(`\n${step} rc=${code}${signal ? ` signal=${signal}` : ""}\n`);
      if (code === 0) {
        resolve({ output: all, ms: Date.now() - started });
      } else {
        const module = moduleFromGoOutput(all);
        const err = new PulumiCliProvisionError(
          step,
          `${cmd} ${args.join(" ")} exited with ${code ?? signal}\n${tail.map((l) => `    ${l}`).join("\n")}`,
          { module, logFile },
        );
        err.output = all;
        reject(err);
      }
    });
  });
}

/** Parse `replace` directives out of a go.mod text. */
export function parseReplaces(goMod) {
  const out = [];
  const add = (body) => {
    const m = /^\s*(\S+)(?:\s+(\S+))?\s*=>\s*(\S+)(?:\s+(\S+))?\s*(?:\/\/.*)?$/.exec(body);
    if (m) out.push({ from: m[1], fromVersion: m[2], to: m[3], toVersion: m[4] });
  };
  const lines = goMod.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (/^replace\s*\($/.test(line)) {
      for (i++; i < lines.length && lines[i].trim() !== ")"; i++) add(lines[i]);
    } else if (line.startsWith("replace ")) {
      add(line.slice("replace ".length));
    }
  }
  return out;
}

function isLocalPath(p) {
  return p.startsWith("./") || p.startsWith("../") || p.startsWith("/") || p === "." || p === "..";
}

function parseJsonStream(text) {
  const objs = [];
  let depth = 0;
  let start = -1;
  let inStr = false;
  let esc = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inStr) {
      if (esc) esc = false;
      else if (c === "\\") esc = true;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    else if (c === "{") {
      if (depth++ === 0) start = i;
    } else if (c === "}" && --depth === 0) {
      try {
        objs.push(JSON.parse(text.slice(start, i + 1)));
      } catch {}
    }
  }
  return objs;
}

function goEnv() {
  // Modules only; never consult a vendor directory or a workspace the user may have set globally.
  return { GOFLAGS: "-mod=mod", GOWORK: "off", CGO_ENABLED: "0" };
}

async function goModDownload(step, dir, modules, logFile, log) {
  // `go mod download -json` exits non-zero when a module fails, but still prints one JSON object per module.
  let output = "";
  try {
    output = (await run(step, "go", ["mod", "download", "-json", ...modules], { cwd: dir, env: goEnv(), logFile, log }))
      .output;
  } catch (e) {
    const objs = parseJsonStream(e.output ?? "");
    const failed = objs.find((o) => o.Error);
    if (failed) {
      throw new PulumiCliProvisionError(step, failed.Error, { module: `${failed.Path}@${failed.Version}`, logFile });
    }
    throw e;
  }
  return parseJsonStream(output);
}

async function buildCli(versionDir, version, log) {
  const t0 = Date.now();
  const wrapper = path.join(versionDir, "wrapper");
  const logs = path.join(versionDir, "logs");
  fs.mkdirSync(wrapper, { recursive: true });
  fs.mkdirSync(path.join(versionDir, "bin"), { recursive: true });
  log(`building the Pulumi CLI ${version} from Go modules in ${versionDir} (takes minutes the first time)`);

  const goVersion = (
    await run("go toolchain", "go", ["env", "GOVERSION"], {
      cwd: wrapper,
      env: goEnv(),
      logFile: path.join(logs, "go-version.log"),
      log,
    })
  ).output.trim();
  const gv = /go(\d+)\.(\d+)/.exec(goVersion);
  if (!gv) throw new PulumiCliProvisionError("go toolchain", `cannot parse Go version ${JSON.stringify(goVersion)}`);

  // 1. a minimal module, so that `go mod download` has a context.
  fs.writeFileSync(path.join(wrapper, "go.mod"), `module pulumi-cli-wrapper\n\ngo ${gv[1]}.${gv[2]}\n`);
  fs.rmSync(path.join(wrapper, "go.sum"), { force: true });
  log(`step 1/4: go mod download ${PKG_MODULE}@${version} ${SDK_MODULE}@${version}`);
  const infos = await goModDownload(
    "download pulumi modules",
    wrapper,
    [`${PKG_MODULE}@${version}`, `${SDK_MODULE}@${version}`],
    path.join(logs, "download.log"),
    log,
  );

  // 2. the wrapper go.mod: both modules at the same tag, plus their non-local replace lines.
  const replaces = new Map();
  for (const info of infos) {
    if (!info.GoMod) continue;
    const text = fs.readFileSync(info.GoMod, "utf8");
    fs.writeFileSync(path.join(wrapper, `${info.Path === PKG_MODULE ? "pkg" : "sdk"}.mod`), text);
    for (const r of parseReplaces(text)) {
      if (isLocalPath(r.to)) continue;
      if (!replaces.has(r.from)) replaces.set(r.from, r);
    }
  }
  const replaceLines = [...replaces.values()].map(
    (r) =>
      `replace ${r.from}${r.fromVersion ? ` ${r.fromVersion}` : ""} => ${r.to}${r.toVersion ? ` ${r.toVersion}` : ""}`,
  );
  fs.writeFileSync(
    path.join(wrapper, "go.mod"),
    [
      "module pulumi-cli-wrapper",
      "",
      `go ${gv[1]}.${gv[2]}`,
      "",
      "require (",
      `\t${PKG_MODULE} ${version}`,
      `\t${SDK_MODULE} ${version}`,
      ")",
      "",
      ...replaceLines,
      "",
    ].join("\n"),
  );
  fs.writeFileSync(path.join(wrapper, "tools.go"), `//go:build tools\n\npackage tools\n\nimport _ "${CLI_PACKAGE}"\n`);
  log(`step 2/4: wrapper module written (${replaceLines.length} replace line(s): ${[...replaces.keys()].join(", ")})`);

  // 3. resolve the whole module graph.
  let downloads = 0;
  let lastDownload = "";
  log("step 3/4: go mod tidy (downloads the dependency graph once)");
  await run("go mod tidy", "go", ["mod", "tidy"], {
    cwd: wrapper,
    env: goEnv(),
    logFile: path.join(logs, "tidy.log"),
    log,
    onLine: (line) => {
      const m = /^go: downloading (\S+)/.exec(line);
      if (m) {
        downloads++;
        lastDownload = m[1];
      }
    },
    progress: () =>
      `still resolving… ${downloads} module(s) downloaded${lastDownload ? ` (last: ${lastDownload})` : ""}`,
  });

  // 4. compile.
  let total = 0;
  try {
    const deps = spawnSync("go", ["list", "-tags", "osusergo,grpcnotrace", "-deps", CLI_PACKAGE], {
      cwd: wrapper,
      encoding: "utf8",
      env: { ...process.env, ...goEnv() },
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (deps.status === 0) total = deps.stdout.split("\n").filter(Boolean).length;
  } catch {}
  let compiled = 0;
  let lastPkg = "";
  const tmp = path.join(versionDir, "bin", `.pulumi.tmp-${process.pid}-${Date.now()}`);
  log(`step 4/4: go build ${CLI_PACKAGE} (${total ? `${total} packages, ` : ""}cached packages are skipped)`);
  try {
    await run(
      "go build",
      "go",
      [
        "build",
        "-v",
        "-trimpath",
        "-tags",
        "osusergo,grpcnotrace",
        "-ldflags",
        `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${version}`,
        "-o",
        tmp,
        CLI_PACKAGE,
      ],
      {
        cwd: wrapper,
        env: goEnv(),
        logFile: path.join(logs, "build.log"),
        log,
        onLine: (line) => {
          if (/^[\w.-]+(\/[\w.~+-]+)*$/.test(line)) {
            compiled++;
            lastPkg = line;
          }
        },
        progress: () =>
          `still compiling… ${compiled}${total ? `/${total}` : ""} packages${lastPkg ? ` (last: ${lastPkg})` : ""}`,
      },
    );
    const v = cliVersionOf(tmp);
    if (parseVersion(v)?.text !== parseVersion(version)?.text) {
      throw new PulumiCliProvisionError(
        "verify build",
        `built binary reports ${JSON.stringify(v)}, expected ${version}`,
      );
    }
    fs.renameSync(tmp, path.join(versionDir, "bin", "pulumi"));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  log(`built ${path.join(versionDir, "bin", "pulumi")} in ${fmtDuration(Date.now() - t0)}`);
}

/**
 * Try to fetch and build the Node language host. Records the outcome in <versionDir>/language-host.json and returns it.
 * Never throws for a refusal: the CLI works without it for Automation API inline programs.
 */
export async function attemptLanguageHost(versionDir, version, log = defaultLog) {
  const dir = path.join(versionDir, "language-host");
  const logs = path.join(versionDir, "logs");
  fs.mkdirSync(dir, { recursive: true });
  const goV = spawnSync("go", ["env", "GOVERSION"], { encoding: "utf8" }).stdout?.trim() ?? "";
  const gv = /go(\d+)\.(\d+)/.exec(goV);
  fs.writeFileSync(
    path.join(dir, "go.mod"),
    `module pulumi-language-host-wrapper\n\ngo ${gv ? `${gv[1]}.${gv[2]}` : "1.25"}\n`,
  );
  const attempts = [];
  let record = null;
  for (const ref of [version, "latest"]) {
    const spec = `${LANGUAGE_HOST_MODULE}@${ref}`;
    try {
      const infos = await goModDownload(
        "download language host",
        dir,
        [spec],
        path.join(logs, `language-host-${ref}.log`),
        () => {},
      );
      const info = infos.find((i) => i.Path === LANGUAGE_HOST_MODULE);
      if (!info?.Version) throw new Error(`no module info for ${spec}`);
      attempts.push({ ref, ok: true, version: info.Version });
      // Build it inside its own wrapper: require the module and reuse its replace lines.
      const text = fs.readFileSync(info.GoMod, "utf8");
      const replaces = parseReplaces(text).filter((r) => !isLocalPath(r.to));
      fs.writeFileSync(
        path.join(dir, "go.mod"),
        [
          "module pulumi-language-host-wrapper",
          "",
          `go ${gv ? `${gv[1]}.${gv[2]}` : "1.25"}`,
          "",
          `require ${LANGUAGE_HOST_MODULE} ${info.Version}`,
          "",
          ...replaces.map((r) => `replace ${r.from} => ${r.to}${r.toVersion ? ` ${r.toVersion}` : ""}`),
          "",
        ].join("\n"),
      );
      fs.writeFileSync(
        path.join(dir, "tools.go"),
        `//go:build tools\n\npackage tools\n\nimport _ "${LANGUAGE_HOST_MODULE}"\n`,
      );
      await run("language host go mod tidy", "go", ["mod", "tidy"], {
        cwd: dir,
        env: goEnv(),
        logFile: path.join(logs, "language-host-tidy.log"),
        log,
      });
      const tmp = path.join(versionDir, "bin", `.pulumi-language-nodejs.tmp-${process.pid}`);
      await run(
        "language host go build",
        "go",
        ["build", "-trimpath", "-ldflags", "-s -w", "-o", tmp, LANGUAGE_HOST_MODULE],
        {
          cwd: dir,
          env: goEnv(),
          logFile: path.join(logs, "language-host-build.log"),
          log,
          progress: () => "still compiling the language host…",
        },
      );
      fs.renameSync(tmp, path.join(versionDir, "bin", "pulumi-language-nodejs"));
      record = { available: true, module: LANGUAGE_HOST_MODULE, version: info.Version };
      break;
    } catch (e) {
      attempts.push({ ref, ok: false, error: e instanceof Error ? e.message.split("\n  full log:")[0] : String(e) });
    }
  }
  if (!record) {
    const first = attempts[0]?.error ?? "unknown";
    record = {
      available: false,
      module: LANGUAGE_HOST_MODULE,
      error: `language host not built (directory programs impossible; Automation API inline programs only): ${first}`,
    };
    log(`language host ${LANGUAGE_HOST_MODULE} unavailable: ${first.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  record.attempts = attempts;
  record.checkedAt = new Date().toISOString();
  fs.writeFileSync(path.join(versionDir, "language-host.json"), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

// ---------------------------------------------------------------------------------------------------------------
// Environment

/**
 * The environment additions that keep the CLI offline, quiet and login-free. A value the caller passes explicitly
 * always wins; otherwise a variable the user already set is kept.
 *
 * @param {object} opts
 * @param {{ binDir: string, sdkDir: string }} opts.cli result of ensurePulumiCli()
 * @param {NodeJS.ProcessEnv} [opts.env] the environment to respect (default process.env)
 * @param {string} [opts.home] PULUMI_HOME to force
 * @param {string} [opts.backendDir] directory of a file backend to force
 * @param {string} [opts.passphrase] PULUMI_CONFIG_PASSPHRASE to force
 * @returns {Record<string, string>}
 */
export function pulumiEnvOverrides({ cli, env = process.env, home, backendDir, passphrase } = {}) {
  const base = cacheBase(env);
  const out = {};
  out.PATH = [cli.binDir, cli.sdkDir, env.PATH].filter(Boolean).join(path.delimiter);
  const dflt = (k, v) => {
    if (env[k] === undefined || env[k] === "") out[k] = v;
  };
  dflt("PULUMI_SKIP_UPDATE_CHECK", "true");
  dflt("PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true");
  if (home) out.PULUMI_HOME = home;
  else dflt("PULUMI_HOME", path.join(base, "pulumi-home"));
  if (backendDir) out.PULUMI_BACKEND_URL = `file://${backendDir}`;
  else dflt("PULUMI_BACKEND_URL", `file://${path.join(base, "state")}`);
  if (passphrase !== undefined) out.PULUMI_CONFIG_PASSPHRASE = passphrase;
  else if (!env.PULUMI_CONFIG_PASSPHRASE && !env.PULUMI_CONFIG_PASSPHRASE_FILE) {
    out.PULUMI_CONFIG_PASSPHRASE = DEV_PASSPHRASE;
  }
  for (const k of ["PULUMI_HOME"]) if (out[k]) fs.mkdirSync(out[k], { recursive: true });
  const url = out.PULUMI_BACKEND_URL;
  if (url?.startsWith("file://")) fs.mkdirSync(url.slice("file://".length), { recursive: true });
  return out;
}

/** The full environment for running the CLI: `env` plus pulumiEnvOverrides(). */
export function pulumiEnv(opts = {}) {
  const env = opts.env ?? process.env;
  return { ...env, ...pulumiEnvOverrides({ ...opts, env }) };
}
