// The language hosts that run Pulumi programs in YAML, Python and Go, for the tests and examples that need them.
// Like the Node host (scripts/pulumi-cli/languageHost.mjs), each is built from the Go module proxy into the cache,
// once, under a build lock (scripts/pulumi-cli/goBinary.mjs). Nothing here runs unless a test or a user asks for that
// language.
//
//   node scripts/language-hosts/provision.mjs yaml python   # builds what is missing, prints the directories as JSON

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { acquireBuildLock } from "../pulumi-cli/buildLock.mjs";
import { cacheBase } from "../pulumi-cli/environment.mjs";
import { ensureGoBinary, isExecutable } from "../pulumi-cli/goBinary.mjs";
import { GO_ENV, PulumiCliProvisionError } from "../pulumi-cli/goCommand.mjs";
import { stderrLog } from "../stderrLog.mjs";

const defaultLog = stderrLog("language-hosts");

/**
 * Where each host's `main` package lives on the module proxy. pulumi-yaml is its own module. The Python and Go hosts
 * were part of github.com/pulumi/pulumi/sdk/v3 until they moved into modules of their own that the proxy does not
 * serve (403): sdk/v3 holds the Python host up to about v3.78.0 and the Go host up to about v3.30.0.
 * @type {Record<"yaml" | "python" | "go" | "java", LanguageHostSpec>}
 */
export const LANGUAGE_HOSTS = {
  yaml: {
    module: "github.com/pulumi/pulumi-yaml",
    version: "v1.38.1",
    pkg: "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml",
    what: "the YAML language host",
  },
  python: {
    module: "github.com/pulumi/pulumi/sdk/v3",
    version: "v3.78.0",
    pkg: "github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python",
    what: "the Python language host",
    // The host runs programs through this Python script, which it looks for on PATH.
    companions: ["python/cmd/pulumi-language-python-exec"],
  },
  go: {
    module: "github.com/pulumi/pulumi/sdk/v3",
    version: "v3.30.0",
    pkg: "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go",
    what: "the Go language host",
  },
  java: {
    module: "github.com/pulumi/pulumi-java/pkg",
    version: "v1.16.0",
    pkg: "github.com/pulumi/pulumi-java/pkg/cmd/pulumi-language-java",
    what: "the Java language host",
    // pulumi-java's own go.mod replaces these; a wrapper module must repeat them.
    replaces: [
      "replace github.com/Sirupsen/logrus => github.com/sirupsen/logrus v1.5.0",
      "replace github.com/gogo/protobuf => github.com/gogo/protobuf v1.3.2",
    ],
  },
};

/**
 * A language host's Go package, and the files from its module it runs beside itself.
 * @typedef {import("../pulumi-cli/goBinary.mjs").GoBinarySpec & { what: string, companions?: string[] }} LanguageHostSpec
 */

/**
 * The host of `language`, which may come from the command line.
 * @param {string} language
 * @returns {LanguageHostSpec}
 */
function hostOf(language) {
  if (!Object.hasOwn(LANGUAGE_HOSTS, language))
    throw new PulumiCliProvisionError("language host", `no language host "${language}"`);
  return LANGUAGE_HOSTS[/** @type {keyof typeof LANGUAGE_HOSTS} */ (language)];
}

/**
 * `<cache>/language-hosts/<language>-<version>`: `bin/` holds the host and any file it runs beside it.
 * @param {string} language
 * @param {NodeJS.ProcessEnv} [env]
 */
export function languageHostDir(language, env = process.env) {
  const host = hostOf(language);
  return path.join(cacheBase(env), "language-hosts", `${language}-${host.version}`);
}

/**
 * The directory holding `pulumi-language-<language>`, built first if the cache lacks it (about a minute per host on
 * an idle machine). Put it on PATH before running a program of that language.
 * @param {string} language
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function ensureLanguageHost(language, { log = defaultLog } = {}) {
  const dir = languageHostDir(language);
  const binDir = path.join(dir, "bin");
  const host = hostOf(language);
  await ensureGoBinary(host, { binDir, workDir: dir, log });
  const companions = (host.companions ?? []).map((file) => path.join(binDir, path.basename(file)));
  if (!companions.every(isExecutable)) {
    const release = await acquireBuildLock(dir, log);
    try {
      if (!companions.every(isExecutable)) copyCompanions(host, binDir);
    } finally {
      release();
    }
  }
  return binDir;
}

/**
 * The files a host runs beside itself, copied executable from the module it was built from.
 * @param {LanguageHostSpec} host
 * @param {string} binDir
 */
function copyCompanions(host, binDir) {
  const downloaded = spawnSync("go", ["mod", "download", "-json", `${host.module}@${host.version}`], {
    encoding: "utf8",
    env: { ...process.env, ...GO_ENV },
  });
  const moduleDir = downloaded.status === 0 ? JSON.parse(downloaded.stdout).Dir : undefined;
  if (!moduleDir) {
    throw new PulumiCliProvisionError(
      `${host.what}: companions`,
      `go mod download ${host.module}@${host.version}: ${downloaded.stdout}${downloaded.stderr}`,
    );
  }
  for (const file of host.companions ?? []) {
    const target = path.join(binDir, path.basename(file));
    fs.copyFileSync(path.join(moduleDir, file), target);
    fs.chmodSync(target, 0o755);
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  /** @type {Record<string, string>} */
  const built = {};
  for (const language of process.argv.slice(2)) built[language] = await ensureLanguageHost(language);
  process.stdout.write(`${JSON.stringify(built, null, 2)}\n`);
}
