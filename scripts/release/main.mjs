#!/usr/bin/env node
// `npm run dist`: every release artifact, from package.json's version, into release/ (git-ignored):
//
//   release/
//     pulumi-resource-huaweicloud-rds-offsite-v<version>-linux-amd64.tar.gz   the plugin (self-contained executable)
//     python/pulumi_huaweicloud_rds_offsite-<version>-py3-none-any.whl          the Python SDK, wheel and sdist
//     python/pulumi_huaweicloud_rds_offsite-<version>.tar.gz
//     go/                                                                      the Go SDK module (tag sdks/go/v<version>)
//     java/huaweicloudrdsoffsite-<version>.jar, .pom                           the Java SDK (com.pulumi:huaweicloudrdsoffsite)
//     npm/pulumi-huaweicloud-rds-offsite-<version>.tgz                         the npm package
//     schema.json                                                              the plugin's schema
//     SHA256SUMS
//
// The plugin's download URL and the Go module path come from package.json (`config.pluginDownloadURL`,
// `repository.url`); see "Publishing a release" in the README.

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { generateSdks } from "../codegen.mjs";
import { ensurePythonBuildEnvironment, run } from "../language-hosts/pythonEnvironment.mjs";
import { stderrLog } from "../stderrLog.mjs";
import { buildJavaSdk } from "./javaSdk.mjs";
import { ensurePluginTarball, PLUGIN_NAME } from "./pluginExecutable.mjs";

const exec = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The folder `npm run dist` writes (git-ignored). */
export const RELEASE_DIR = path.join(root, "release");
const log = stderrLog("dist");

/**
 * Runs `step`, then logs `what` with how long it took.
 * @template T
 * @param {string} what
 * @param {() => Promise<T>} step
 * @returns {Promise<T>}
 */
async function timed(what, step) {
  const started = Date.now();
  const result = await step();
  log(`${what} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  return result;
}

/**
 * What `npm run dist` built: absolute paths.
 * @typedef {object} ReleaseArtifacts
 * @property {string} plugin pulumi-resource-huaweicloud-rds-offsite-v<version>-linux-amd64.tar.gz
 * @property {string[]} python The Python wheel and sdist.
 * @property {string} go The Go SDK module's directory.
 * @property {{ jar: string, pom: string }} java The Java SDK's jar and pom (com.pulumi:huaweicloudrdsoffsite).
 * @property {string} npm The npm tarball.
 * @property {string} schema The plugin's schema.
 */

/**
 * Builds everything into `outDir` from the compiled dist/ (`npm run build`); returns the paths of the artifacts.
 * @returns {Promise<ReleaseArtifacts>}
 */
export async function buildRelease(outDir = RELEASE_DIR) {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  const work = path.join(outDir, ".work");
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const { schemaText } = await import(path.join(root, "dist", "plugin", "schema.js"));
  const schema = path.join(outDir, "schema.json");
  fs.writeFileSync(schema, schemaText(version));

  const { pluginDownloadURL } = JSON.parse(fs.readFileSync(schema, "utf8"));
  const [plugin, sdks, java, npm] = await Promise.all([
    timed("plugin executable and tarball", () => pluginTarball(outDir)),
    timed("SDKs generated; Python wheel and sdist", async () => {
      await generateSdks(path.join(work, "sdks"), schema);
      const built = await pythonDistributions(path.join(work, "sdks", "python"), path.join(outDir, "python"));
      return { python: built, go: goModule(path.join(work, "sdks", "go"), path.join(outDir, "go")) };
    }),
    timed("Java SDK generated and compiled", () =>
      buildJavaSdk({
        schema,
        workDir: path.join(work, "sdks", "java"),
        outDir: path.join(outDir, "java"),
        version,
        plugin: { name: PLUGIN_NAME, server: pluginDownloadURL },
      }),
    ),
    timed("npm tarball", () => npmTarball(path.join(outDir, "npm"))),
  ]);
  const { python, go } = sdks;

  const artifacts = { plugin, python, go, java, npm, schema };
  const files = [plugin, ...python, java.jar, java.pom, npm, schema];
  fs.writeFileSync(
    path.join(outDir, "SHA256SUMS"),
    files.map((file) => `${sha256(file)}  ${path.relative(outDir, file)}\n`).join(""),
  );
  fs.rmSync(work, { recursive: true, force: true });
  return artifacts;
}

/**
 * The plugin's tarball (scripts/release/pluginExecutable.mjs), copied from the cache.
 * @param {string} outDir
 */
async function pluginTarball(outDir) {
  const cached = await ensurePluginTarball({ log });
  const tarball = path.join(outDir, path.basename(cached));
  fs.copyFileSync(cached, tarball);
  return tarball;
}

/**
 * The wheel and the sdist, built without isolation by PyPI's `build` from a cached environment.
 * @param {string} sources
 * @param {string} outDir
 */
async function pythonDistributions(sources, outDir) {
  const bin = await ensurePythonBuildEnvironment({ log });
  await run(path.join(bin, "python"), ["-m", "build", "--no-isolation", "--outdir", outDir, sources]);
  return fs.readdirSync(outDir).map((file) => path.join(outDir, file));
}

/**
 * The Go module as it will be tagged (sdks/go/v<version>): its go.mod and sources, nothing built.
 * @param {string} sources
 * @param {string} outDir
 */
function goModule(sources, outDir) {
  fs.cpSync(sources, outDir, { recursive: true });
  return outDir;
}

/**
 * `npm pack` of the package as built above (its `files`).
 * @param {string} outDir
 */
async function npmTarball(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const packed = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", outDir], { cwd: root });
  return path.join(outDir, JSON.parse(packed.stdout)[0].filename);
}

/** @param {string} file */
function sha256(file) {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await timed("compiled dist/ (tsc)", () => exec("npm", ["run", "--silent", "build"], { cwd: root }));
  const artifacts = await buildRelease();
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.stdout.write(`${JSON.stringify(artifacts, null, 2)}\n`);
}
