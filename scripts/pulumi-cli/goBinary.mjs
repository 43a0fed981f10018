// One Go `main` package built into a binary from the Go module proxy, for modules `go install` refuses (a `replace`
// directive in their go.mod) or whose tool has no module of its own: a wrapper module requires the module at the
// version, imports the package from tools.go, `go mod tidy` resolves the graph, `go build` writes the binary. Used for
// the Node language host; reusable for other language hosts or plugins.

import fs from "node:fs";
import path from "node:path";
import { acquireBuildLock } from "./buildLock.mjs";
import { formatDuration, runGo, writeWrapperModule } from "./goCommand.mjs";

/** @param {GoBinarySpec} spec */
const binaryName = (spec) => spec.name ?? path.basename(spec.pkg);

/**
 * An executable regular file (following symlinks).
 * @param {string} file
 */
export function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * A Go `main` package to build from the Go module proxy.
 * @typedef {object} GoBinarySpec
 * @property {string} module Go module path, e.g. "github.com/pulumi/pulumi/sdk/v3".
 * @property {string} version Module version, e.g. "v3.68.0".
 * @property {string} pkg The `main` package inside the module, e.g.
 *   "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs".
 * @property {string} [name] File name of the binary (default: the package's last path element).
 * @property {string} [what] What it is, for progress lines and errors (default: the name).
 * @property {string[]} [replaces] `replace` lines the module's own go.mod has, which a wrapper module must repeat.
 */

/**
 * Where a binary is built.
 * @typedef {object} GoBinaryPlace
 * @property {string} binDir Where the binary goes.
 * @property {string} workDir Holds the wrapper module, `logs/` and the build lock.
 * @property {(line: string) => void} log
 */

/**
 * Builds `spec` into `<binDir>/<name>`: the wrapper module in `<workDir>/go-<name>-<version>/`, logs in
 * `<workDir>/logs/`, the binary written to a temporary name and renamed, so a reader never sees half a file. Rejects
 * with a PulumiCliProvisionError naming the step (`<what>: go mod tidy` or `<what>: go build`) and the module Go
 * refused, with the log's path.
 *
 * @param {GoBinarySpec} spec
 * @param {GoBinaryPlace} place
 */
export async function buildGoBinary(spec, { binDir, workDir, log }) {
  const name = binaryName(spec);
  const what = spec.what ?? name;
  const started = Date.now();
  const wrapper = path.join(workDir, `go-${name}-${spec.version}`);
  const logs = path.join(workDir, "logs");
  log(`building ${what} from ${spec.module}@${spec.version}`);
  writeWrapperModule(wrapper, {
    name: `${name}-wrapper`,
    requires: { [spec.module]: spec.version },
    replaces: spec.replaces,
    tool: spec.pkg,
  });
  const module = `${spec.module}@${spec.version}`;
  await runGo(`${what}: go mod tidy`, ["mod", "tidy"], {
    cwd: wrapper,
    logFile: path.join(logs, `${name}-tidy.log`),
    log,
    module,
  });
  fs.mkdirSync(binDir, { recursive: true });
  const tmp = path.join(binDir, `.${name}.tmp-${process.pid}-${Date.now()}`);
  try {
    let compiled = 0;
    await runGo(`${what}: go build`, ["build", "-v", "-trimpath", "-ldflags", "-s -w", "-o", tmp, spec.pkg], {
      cwd: wrapper,
      logFile: path.join(logs, `${name}-build.log`),
      log,
      module,
      onLine: (line) => {
        if (/^[\w.-]+(\/[\w.~+-]+)*$/.test(line)) compiled++;
      },
      progress: () => `still compiling… ${compiled} packages so far`,
    });
    fs.renameSync(tmp, path.join(binDir, name));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  log(`built ${path.join(binDir, name)} in ${formatDuration(Date.now() - started)}`);
}

/**
 * `<binDir>/<name>` of `spec`, built first when missing, under the build lock of `workDir` (a concurrent process
 * waits, then finds the binary). An existing binary is taken as is: delete it to rebuild.
 *
 * @param {GoBinarySpec} spec
 * @param {GoBinaryPlace} place
 * @returns {Promise<{ path: string, built: boolean }>}
 */
export async function ensureGoBinary(spec, { binDir, workDir, log }) {
  const target = path.join(binDir, binaryName(spec));
  if (isExecutable(target)) return { path: target, built: false };
  const release = await acquireBuildLock(workDir, log);
  try {
    if (isExecutable(target)) return { path: target, built: false };
    await buildGoBinary(spec, { binDir, workDir, log });
    return { path: target, built: true };
  } finally {
    release();
  }
}
