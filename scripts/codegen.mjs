#!/usr/bin/env node
// `npm run sdks` (after `npm run schema`): generates sdks/python and sdks/go from schema/schema.json with the Go
// program in codegen/ (Pulumi's own code generators, pinned by codegen/go.mod and go.sum). The program is built once
// per version of its sources into ${XDG_CACHE_HOME:-~/.cache}/pulumi-huaweicloud-rds-offsite/codegen/ (it links
// github.com/pulumi/pulumi/pkg/v3: minutes the first time).

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { acquireBuildLock } from "./pulumi-cli/buildLock.mjs";
import { cacheBase } from "./pulumi-cli/environment.mjs";
import { runGo } from "./pulumi-cli/goCommand.mjs";
import { stderrLog } from "./stderrLog.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The cached codegen binary for the current sources, built if missing: codegen/ (Python and Go), or codegen/java/
 * (Java, with github.com/pulumi/pulumi-java's generator, a module of its own).
 * @param {{ generator?: string, log?: (line: string) => void }} [options]
 */
export async function ensureCodegen({ generator = "codegen", log = stderrLog("codegen") } = {}) {
  const sources = path.join(root, generator);
  const hash = createHash("sha256");
  for (const name of ["go.mod", "go.sum", "main.go"]) hash.update(fs.readFileSync(path.join(sources, name)));
  const dir = path.join(cacheBase(), "codegen", hash.digest("hex").slice(0, 16));
  const binary = path.join(dir, "codegen");
  if (fs.existsSync(binary)) return binary;
  const release = await acquireBuildLock(dir, log);
  try {
    if (!fs.existsSync(binary)) {
      log(`building the SDK generator (${dir})`);
      const tmp = `${binary}.tmp-${process.pid}`;
      await runGo("codegen go build", ["build", "-trimpath", "-o", tmp, "."], {
        cwd: sources,
        logFile: path.join(dir, "build.log"),
        log,
        progress: () => "still compiling the SDK generator…",
      });
      fs.renameSync(tmp, binary);
    }
  } finally {
    release();
  }
  return binary;
}

/** Writes `<outDir>/python` and `<outDir>/go` from a schema (schema/schema.json); rejects with the generator's message. */
export async function generateSdks(
  outDir = path.join(root, "sdks"),
  schema = path.join(root, "schema", "schema.json"),
) {
  const binary = await ensureCodegen();
  const run = spawnSync(binary, ["-schema", schema, "-out", outDir], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`codegen failed: ${run.stderr || run.error?.message}`);
}

/**
 * Writes the Java SDK's sources (a Gradle project as pulumi-java generates it) into `outDir` from `schema`.
 * @param {string} outDir
 * @param {string} schema
 */
export async function generateJavaSdk(outDir, schema) {
  const binary = await ensureCodegen({ generator: "codegen/java" });
  const run = spawnSync(binary, ["-schema", schema, "-out", outDir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`codegen java failed: ${run.stderr || run.error?.message}`);
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await generateSdks();
}
