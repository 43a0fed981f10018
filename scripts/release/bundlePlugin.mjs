// The provider plugin as one CommonJS file (what the self-contained executable runs): src/plugin/main.ts and everything it
// imports, @pulumi/pulumi and gRPC included, bundled by esbuild. Two things differ from the npm package's plugin:
// package.json's release fields are compiled in (nothing sits beside an executable), and src/plugin/pulumiRuntime.ts's
// modules, which that file finds at run time from @pulumi/pulumi's directory, are resolved from that same directory
// at build time.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const pulumiDir = path.dirname(createRequire(path.join(root, "package.json")).resolve("@pulumi/pulumi/package.json"));

/** src/plugin/pulumiRuntime.ts, as static imports from @pulumi/pulumi's directory (its exports, not its lookups). */
const pulumiRuntimeAtBuildTime = {
  name: "pulumi-runtime-at-build-time",
  /** @param {import("esbuild").PluginBuild} bundler */
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]plugin[\\/]pulumiRuntime\.ts$/ }, () => ({
      loader: "js",
      resolveDir: pulumiDir,
      contents: [
        'exports.grpc = require("@grpc/grpc-js");',
        'exports.providerRuntime = require("@pulumi/pulumi/provider");',
        'exports.ResourceProviderService = require("@pulumi/pulumi/proto/provider_grpc_pb").ResourceProviderService;',
        'exports.proto = require("@pulumi/pulumi/proto/provider_pb");',
        'exports.EngineClient = require("@pulumi/pulumi/proto/engine_grpc_pb").EngineClient;',
        'const { LogRequest, LogSeverity } = require("@pulumi/pulumi/proto/engine_pb");',
        "Object.assign(exports, { LogRequest, LogSeverity });",
      ].join("\n"),
    }));
  },
};

/**
 * Writes the bundle to `outfile` for Node `nodeMajor`; returns its size in bytes.
 * @param {{ outfile: string, nodeMajor: number }} target
 */
export async function bundlePlugin({ outfile, nodeMajor }) {
  const { version, repository, config } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  await build({
    entryPoints: [path.join(root, "src", "plugin", "main.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: `node${nodeMajor}`,
    minify: false,
    legalComments: "eof",
    logLevel: "warning",
    define: { BUNDLED_RELEASE_MANIFEST: JSON.stringify({ version, repository, config }) },
    plugins: [pulumiRuntimeAtBuildTime],
  });
  return fs.statSync(outfile).size;
}
