/**
 * Provisioning as a fresh machine meets it (scripts/pulumi-cli/): `npm run pulumi` in a fresh process with an empty
 * cache directory (RDS_OFFSITE_CACHE_DIR), the CLI already there and the Node language host missing — with and without
 * Go on PATH — and a build the Go module proxy refuses. What is checked is what a developer or CI log shows.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureGoBinary, NODEJS_LANGUAGE_HOST, PulumiCliProvisionError } from "../../scripts/pulumi-cli/provision.mjs";
import { getPulumiCli, type PulumiCli, repoRoot } from "./harness";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "provisioning-"));
let cli: PulumiCli;
beforeAll(async () => {
  cli = await getPulumiCli();
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A cache directory holding `files` (name → source) in its `pulumi-cli/<version>/bin/`, linked, not copied. */
function cacheWith(name: string, files: Record<string, string>): string {
  const cache = path.join(scratch, name);
  const binDir = path.join(cache, "pulumi-cli", cli.version, "bin");
  fs.mkdirSync(binDir, { recursive: true });
  for (const [file, source] of Object.entries(files)) fs.symlinkSync(source, path.join(binDir, file));
  return cache;
}

/** `node scripts/pulumi-cli.mjs <args>` in a fresh process: the cache `cache`, no `pulumi` on PATH, PATH as given. */
function pulumiCli(args: string[], cache: string, PATH: string) {
  return new Promise<{ exitCode: number; stdout: string; stderr: string }>((resolve) => {
    const env = { HOME: process.env.HOME, PATH, RDS_OFFSITE_CACHE_DIR: cache, PULUMI_CLI_IGNORE_PATH: "1" };
    execFile(
      process.execPath,
      [path.join(repoRoot, "scripts/pulumi-cli.mjs"), ...args],
      { env },
      (error, stdout, stderr) => resolve({ exitCode: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const withoutGo = path.dirname(process.execPath);

describe("npm run pulumi with a fresh cache directory", () => {
  it("finds the CLI and the language host there and builds nothing (no Go needed)", async () => {
    const cache = cacheWith("complete", {
      pulumi: cli.pulumiPath,
      "pulumi-language-nodejs": cli.languageHostPath ?? "",
    });
    const run = await pulumiCli(["version"], cache, withoutGo);
    expect(run).toEqual({ exitCode: 0, stdout: `${cli.version}\n`, stderr: "" });
    const info = await pulumiCli(["--provision-info"], cache, withoutGo);
    expect(JSON.parse(info.stdout)).toMatchObject({
      source: "cache",
      languageHostPath: path.join(cache, "pulumi-cli", cli.version, "bin", "pulumi-language-nodejs"),
    });
  });

  it("without the language host and without Go, says that Go is needed to build it", async () => {
    const cache = cacheWith("no-host", { pulumi: cli.pulumiPath });
    const run = await pulumiCli(["version"], cache, withoutGo);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "[pulumi-cli] building the Node language host from github.com/pulumi/pulumi/sdk/v3@v3.68.0",
        'Pulumi CLI provisioning failed at step "go toolchain": building from Go modules needs Go: `go` is not on PATH; install Go (https://go.dev/dl/)',
        "",
      ].join("\n"),
    );
    expect(fs.readdirSync(path.join(cache, "pulumi-cli", cli.version, "bin"))).toEqual(["pulumi"]);
  });

  it("refuses a relative cache directory by name", async () => {
    const run = await pulumiCli(["version"], "relative/cache", withoutGo);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'Pulumi CLI provisioning failed at step "cache directory": RDS_OFFSITE_CACHE_DIR must be absolute, got "relative/cache"\n',
    );
  });
});

describe("npm run pulumi in a subdirectory of a project", () => {
  it("hands the project's tsconfig runtime option to the program runner, as from the project's own directory", async () => {
    const tsconfigPath = async (cwd: string) => {
      const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "pulumi", "--", "--provision-info"], {
        cwd,
      });
      return (JSON.parse(stdout) as { env: Record<string, string> }).env.PULUMI_NODEJS_TSCONFIG_PATH;
    };
    // the demo's Pulumi.yaml (repository root) names demo/tsconfig.json; the CLI finds that Pulumi.yaml from demo/ too
    const expected = path.join(repoRoot, "demo", "tsconfig.json");
    expect(await tsconfigPath(repoRoot)).toBe(expected);
    expect(await tsconfigPath(path.join(repoRoot, "demo"))).toBe(expected);
    expect(await tsconfigPath(path.join(repoRoot, "examples", "list-offsite-instances"))).toBeUndefined();
  });
});

describe("building a Go binary from the module proxy", () => {
  it("a version the proxy refuses fails naming the step, the module and the log", async () => {
    const workDir = path.join(scratch, "refused");
    const lines: string[] = [];
    const failure = await ensureGoBinary(
      { ...NODEJS_LANGUAGE_HOST, version: "v3.999.0" },
      { binDir: path.join(workDir, "bin"), workDir, log: (line) => lines.push(line) },
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PulumiCliProvisionError);
    const error = failure as PulumiCliProvisionError;
    expect(error.step).toBe("the Node language host: go mod tidy");
    expect(error.module).toBe("github.com/pulumi/pulumi/sdk/v3@v3.999.0");
    expect(error.message).toMatch(
      /^Pulumi CLI provisioning failed at step "the Node language host: go mod tidy" \(module github\.com\/pulumi\/pulumi\/sdk\/v3@v3\.999\.0\): go mod tidy exited with 1\n/,
    );
    expect(error.message).toContain("This module version is not available.");
    expect(error.message).toMatch(/\n {2}full log: .*\/refused\/logs\/pulumi-language-nodejs-tidy\.log$/);
    expect(lines).toEqual(["building the Node language host from github.com/pulumi/pulumi/sdk/v3@v3.999.0"]);
    // nothing half-built is left where a later run would take it for the binary, and the lock is released
    expect(fs.existsSync(path.join(workDir, "bin"))).toBe(false);
    expect(fs.existsSync(path.join(workDir, ".build.lock"))).toBe(false);
  });
});
