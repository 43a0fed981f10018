// Building the Pulumi CLI from Go modules: `go install` refuses modules with `replace` directives, so a wrapper module
// requires github.com/pulumi/pulumi/pkg/v3 and sdk/v3 at the same tag with their non-local replace lines.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import {
  formatDuration,
  GO_ENV,
  goLanguageVersion,
  PulumiCliProvisionError,
  runGo,
  writeWrapperModule,
} from "./goCommand.mjs";

export const PKG_MODULE = "github.com/pulumi/pulumi/pkg/v3";
export const SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3";
export const CLI_PACKAGE = "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi";
const BUILD_TAGS = "osusergo,grpcnotrace";

/**
 * A `replace` directive of a go.mod.
 * @typedef {{ from: string, fromVersion?: string | undefined, to: string, toVersion?: string | undefined }} Replace
 */

/**
 * Parse `replace` directives out of a go.mod text.
 * @param {string} goMod
 * @returns {Replace[]}
 */
export function parseReplaces(goMod) {
  /** @type {string[]} */
  const out = [];
  const lines = goMod.split("\n").map((line) => line.replace(/\/\/.*$/, "").trim());
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^replace\s*\($/.test(line)) {
      for (i++; i < lines.length && lines[i] !== ")"; i++) if (lines[i]) out.push(lines[i] ?? "");
    } else if (line.startsWith("replace ")) out.push(line.slice("replace ".length).trim());
  }
  return out.flatMap((body) => {
    const m = /^(\S+)(?:\s+(\S+))?\s*=>\s*(\S+)(?:\s+(\S+))?$/.exec(body);
    // Groups 1 and 3 are not optional: a match has them.
    return m
      ? [{ from: /** @type {string} */ (m[1]), fromVersion: m[2], to: /** @type {string} */ (m[3]), toVersion: m[4] }]
      : [];
  });
}

/** @param {string} p */
const isLocalPath = (p) => p === "." || p === ".." || /^(\.\.?\/|\/)/.test(p);

/**
 * What `go mod download -json` prints for a module.
 * @typedef {{ Path: string, Version: string, GoMod?: string, Error?: string }} ModuleInfo
 */

/**
 * `go mod download -json` of `modules`; a refusal names the refused module (Go prints its JSON even then).
 * @param {string} dir
 * @param {string[]} modules
 * @param {string} logFile
 * @param {(line: string) => void} log
 */
async function downloadModules(dir, modules, logFile, log) {
  /** @type {(text: unknown) => ModuleInfo[]} */
  const parse = (text) =>
    String(text)
      .split(/^(?=\{)/m)
      .filter((chunk) => chunk.trim().startsWith("{"))
      .map((chunk) => JSON.parse(chunk));
  try {
    return parse(
      await runGo("download pulumi modules", ["mod", "download", "-json", ...modules], { cwd: dir, logFile, log }),
    );
  } catch (error) {
    const failed = parse(error instanceof PulumiCliProvisionError ? error.output : "").find((info) => info.Error);
    if (!failed) throw error;
    throw new PulumiCliProvisionError("download pulumi modules", failed.Error ?? "", {
      module: `${failed.Path}@${failed.Version}`,
      logFile,
    });
  }
}

/**
 * Builds `<versionDir>/bin/pulumi` (to a temporary name, checked with `pulumi version`, then renamed).
 * @param {string} versionDir
 * @param {string} version
 * @param {{ log: (line: string) => void, versionOf: (binary: string) => string | undefined }} how
 */
export async function buildCli(versionDir, version, { log, versionOf }) {
  const started = Date.now();
  const wrapper = path.join(versionDir, "wrapper");
  const logs = path.join(versionDir, "logs");
  fs.mkdirSync(wrapper, { recursive: true });
  fs.mkdirSync(path.join(versionDir, "bin"), { recursive: true });
  log(`building the Pulumi CLI ${version} from Go modules in ${versionDir} (takes minutes the first time)`);

  log(`step 1/4: go mod download ${PKG_MODULE}@${version} ${SDK_MODULE}@${version}`);
  fs.writeFileSync(path.join(wrapper, "go.mod"), `module pulumi-cli-wrapper\n\ngo ${goLanguageVersion()}\n`);
  fs.rmSync(path.join(wrapper, "go.sum"), { force: true });
  const infos = await downloadModules(
    wrapper,
    [`${PKG_MODULE}@${version}`, `${SDK_MODULE}@${version}`],
    path.join(logs, "download.log"),
    log,
  );

  /** @type {Map<string, Replace>} */
  const replaces = new Map();
  for (const info of infos.filter((i) => i.GoMod)) {
    for (const r of parseReplaces(fs.readFileSync(info.GoMod ?? "", "utf8"))) {
      if (!isLocalPath(r.to) && !replaces.has(r.from)) replaces.set(r.from, r);
    }
  }
  writeWrapperModule(wrapper, {
    name: "pulumi-cli-wrapper",
    requires: { [PKG_MODULE]: version, [SDK_MODULE]: version },
    replaces: [...replaces.values()].map(
      (r) => `replace ${[r.from, r.fromVersion, "=>", r.to, r.toVersion].filter(Boolean).join(" ")}`,
    ),
    tool: CLI_PACKAGE,
  });
  log(`step 2/4: wrapper module written (${replaces.size} replace line(s): ${[...replaces.keys()].join(", ")})`);

  let downloads = 0;
  log("step 3/4: go mod tidy (downloads the dependency graph once)");
  await runGo("go mod tidy", ["mod", "tidy"], {
    cwd: wrapper,
    logFile: path.join(logs, "tidy.log"),
    log,
    onLine: (line) => {
      if (line.startsWith("go: downloading ")) downloads++;
    },
    progress: () => `still resolving… ${downloads} module(s) downloaded`,
  });

  const deps = spawnSync("go", ["list", "-tags", BUILD_TAGS, "-deps", CLI_PACKAGE], {
    cwd: wrapper,
    encoding: "utf8",
    env: { ...process.env, ...GO_ENV },
    maxBuffer: 64 * 1024 * 1024,
  });
  const total = deps.status === 0 ? deps.stdout.split("\n").filter(Boolean).length : 0;
  let compiled = 0;
  let lastPackage = "";
  const tmp = path.join(versionDir, "bin", `.pulumi.tmp-${process.pid}-${Date.now()}`);
  log(`step 4/4: go build ${CLI_PACKAGE} (${total ? `${total} packages, ` : ""}cached packages are skipped)`);
  try {
    const ldflags = `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${version}`;
    await runGo(
      "go build",
      ["build", "-v", "-trimpath", "-tags", BUILD_TAGS, "-ldflags", ldflags, "-o", tmp, CLI_PACKAGE],
      {
        cwd: wrapper,
        logFile: path.join(logs, "build.log"),
        log,
        onLine: (line) => {
          if (/^[\w.-]+(\/[\w.~+-]+)*$/.test(line)) {
            compiled++;
            lastPackage = line;
          }
        },
        progress: () => `still compiling… ${compiled}${total ? `/${total}` : ""} packages (last: ${lastPackage})`,
      },
    );
    const built = versionOf(tmp);
    if (built !== version) {
      throw new PulumiCliProvisionError(
        "verify build",
        `built binary reports ${JSON.stringify(built)}, expected ${version}`,
      );
    }
    fs.renameSync(tmp, path.join(versionDir, "bin", "pulumi"));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  log(`built ${path.join(versionDir, "bin", "pulumi")} in ${formatDuration(Date.now() - started)}`);
}
