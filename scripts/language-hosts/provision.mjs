// The language hosts that run Pulumi programs in YAML, Python and Go, for the tests and examples that need them.
// Like the CLI (scripts/pulumi-cli), each is built from the Go module proxy into the cache, once, under a build lock:
// a wrapper module requires the module that holds the host's `main` package and a tools.go imports it, then
// `go mod tidy` and `go build`. Nothing here runs unless a test or a user asks for that language.
//
//   node scripts/language-hosts/provision.mjs yaml python   # builds what is missing, prints the binaries as JSON

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { acquireBuildLock } from "../pulumi-cli/buildLock.mjs";
import { cacheBase } from "../pulumi-cli/environment.mjs";
import { GO_ENV, PulumiCliProvisionError, runGo, writeWrapperModule } from "../pulumi-cli/goCommand.mjs";

/**
 * Where each host's `main` package lives on the module proxy. pulumi-yaml is its own module. The Python and Go hosts
 * were part of github.com/pulumi/pulumi/sdk/v3 until they moved into modules of their own that the proxy does not
 * serve (403): sdk/v3 holds the Python host up to about v3.78.0 and the Go host up to about v3.30.0.
 */
export const LANGUAGE_HOSTS = {
  yaml: {
    module: "github.com/pulumi/pulumi-yaml",
    version: "v1.38.1",
    package: "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml",
  },
  python: {
    module: "github.com/pulumi/pulumi/sdk/v3",
    version: "v3.78.0",
    package: "github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python",
    // The host runs programs through this Python script, which it looks for on PATH.
    companions: ["python/cmd/pulumi-language-python-exec"],
  },
  go: {
    module: "github.com/pulumi/pulumi/sdk/v3",
    version: "v3.30.0",
    package: "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go",
  },
};

/** `<cache>/language-hosts/<language>-<version>/bin`: the host binary, and any file it runs beside it. */
export function languageHostDir(language, env = process.env) {
  const host = LANGUAGE_HOSTS[language];
  if (!host) throw new PulumiCliProvisionError("language host", `no language host "${language}"`);
  return path.join(cacheBase(env), "language-hosts", `${language}-${host.version}`);
}

const binaryName = (language) => `pulumi-language-${language}`;

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The directory holding `pulumi-language-<language>`, built first if the cache lacks it (about a minute per host on
 * an idle machine). Put it on PATH before the CLI's own directory when running a program of that language.
 */
export async function ensureLanguageHost(language, { log = defaultLog } = {}) {
  const dir = languageHostDir(language);
  const binDir = path.join(dir, "bin");
  const binary = path.join(binDir, binaryName(language));
  const companions = (LANGUAGE_HOSTS[language].companions ?? []).map((file) => path.join(binDir, path.basename(file)));
  const ready = () => [binary, ...companions].every(isExecutable);
  if (ready()) return binDir;
  const release = await acquireBuildLock(dir, log);
  try {
    if (!isExecutable(binary)) await buildGoTool(language, dir, binary, log);
    if (!ready()) copyCompanions(language, path.join(dir, "wrapper"), binDir);
  } finally {
    release();
  }
  return binDir;
}

/** The files a host runs beside itself, copied executable from the module it was built from. */
function copyCompanions(language, wrapper, binDir) {
  const host = LANGUAGE_HOSTS[language];
  const listed = spawnSync("go", ["list", "-m", "-f", "{{.Dir}}", host.module], {
    cwd: wrapper,
    encoding: "utf8",
    env: { ...process.env, ...GO_ENV },
  });
  const moduleDir = listed.stdout.trim();
  if (listed.status !== 0 || moduleDir === "") {
    throw new PulumiCliProvisionError(`${language} host companions`, `go list -m ${host.module}: ${listed.stderr}`);
  }
  for (const file of host.companions ?? []) {
    fs.copyFileSync(path.join(moduleDir, file), path.join(binDir, path.basename(file)));
    fs.chmodSync(path.join(binDir, path.basename(file)), 0o755);
  }
}

/** The wrapper-module build: to a temporary name, then renamed, so a half-written binary is never found. */
async function buildGoTool(language, dir, binary, log) {
  const host = LANGUAGE_HOSTS[language];
  const wrapper = path.join(dir, "wrapper");
  const logs = path.join(dir, "logs");
  log(`building ${binaryName(language)} from ${host.module}@${host.version} (about a minute)`);
  writeWrapperModule(wrapper, {
    name: `${binaryName(language)}-wrapper`,
    requires: { [host.module]: host.version },
    tool: host.package,
  });
  await runGo(`${language} host go mod tidy`, ["mod", "tidy"], {
    cwd: wrapper,
    logFile: path.join(logs, "tidy.log"),
    log,
  });
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  const tmp = `${binary}.tmp-${process.pid}`;
  try {
    await runGo(`${language} host go build`, ["build", "-trimpath", "-ldflags", "-s -w", "-o", tmp, host.package], {
      cwd: wrapper,
      logFile: path.join(logs, "build.log"),
      log,
      progress: () => `still compiling ${binaryName(language)}…`,
    });
    fs.renameSync(tmp, binary);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function defaultLog(line) {
  process.stderr.write(`[language-hosts] ${line}\n`);
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const languages = process.argv.slice(2);
  const built = {};
  for (const language of languages) built[language] = await ensureLanguageHost(language);
  process.stdout.write(`${JSON.stringify(built, null, 2)}\n`);
}
