/**
 * A project directory driven the way a user drives it: `npm run pulumi -- <command>` (scripts/pulumi-cli.mjs, the
 * provisioned CLI and Node language host) in that directory, with a fresh file backend and PULUMI_HOME, and what the
 * user sees: exit code, stdout, stderr.
 *
 * ```ts
 * const project = await pulumiInDirectory({ dir: "examples/restore-gate", env: { HW_RDS_ENDPOINT: url } });
 * // a program in another language: the provider plugin installed from its release tarball, as users install it
 * const yaml = await pulumiInDirectory({ dir: "examples/yaml-restore-gate", plugins: [await pluginTarball()] });
 * try {
 *   await project.configure({ "restore-gate:restoreTime": "…" }, { "huaweicloud:secretKey": sk });
 *   const preview = await project.run("preview");   // { exitCode, stdout, stderr, output }
 * } finally { project.cleanup(); }
 * ```
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { repoRoot } from "./index";

const pulumiScript = path.join(repoRoot, "scripts", "pulumi-cli.mjs");

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** stdout then stderr, what a terminal shows. */
  output: string;
}

export interface DirectoryProject {
  readonly dir: string;
  readonly stackName: string;
  /** `pulumi <args…>` in the directory; resolves whatever the exit code. */
  pulumi(args: string[]): Promise<CliRun>;
  /** `pulumi config set` of plain and secret values (full keys such as `huaweicloud:secretKey`). */
  configure(plain: Record<string, string>, secret?: Record<string, string>): Promise<void>;
  /** preview, or up/refresh/destroy with `--yes`; fails with the output unless the exit code is 0. */
  run(operation: "preview" | "up" | "refresh" | "destroy"): Promise<CliRun>;
  /** The same, expecting a non-zero exit code. */
  runFailing(operation: "preview" | "up"): Promise<CliRun>;
  /** Removes the backend, PULUMI_HOME and the stack's `Pulumi.<stack>.yaml` in the directory. */
  cleanup(): void;
}

/** `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`: the plugin's name and version, as the engine names them. */
const PLUGIN_TARBALL = /^pulumi-resource-(.+)-v(\d+\.\d+\.\d+[^-]*)-[a-z]+-[a-z0-9]+\.tar\.gz$/;

export async function pulumiInDirectory(options: {
  dir: string;
  env?: Record<string, string>;
  /** Plugin release tarballs to install into the fresh PULUMI_HOME (`pulumi plugin install … --file`). */
  plugins?: string[];
}): Promise<DirectoryProject> {
  const dir = path.resolve(repoRoot, options.dir);
  const stackName = `e2e-${randomUUID().slice(0, 8)}`;
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-dir-"));
  const env = {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${stateDir}/backend`,
    PULUMI_HOME: path.join(stateDir, "home"),
    ...options.env,
  };
  fs.mkdirSync(path.join(stateDir, "backend"));

  const pulumi = (args: string[]) =>
    new Promise<CliRun>((resolve) => {
      execFile(
        process.execPath,
        [pulumiScript, ...args],
        { cwd: dir, env, maxBuffer: 64 << 20 },
        (error, stdout, stderr) => {
          const exitCode = error ? (typeof error.code === "number" ? error.code : 1) : 0;
          resolve({ exitCode, stdout, stderr, output: `${stdout}${stderr}` });
        },
      );
    });
  const succeed = async (args: string[]) => {
    const result = await pulumi(args);
    if (result.exitCode !== 0)
      throw new Error(`pulumi ${args.join(" ")} exited with ${result.exitCode}:\n${result.output}`);
    return result;
  };
  const operationArgs = (operation: string) => [
    operation,
    "--stack",
    stackName,
    ...(operation === "preview" ? [] : ["--yes"]),
  ];

  for (const tarball of options.plugins ?? []) {
    const [, name, version] = PLUGIN_TARBALL.exec(path.basename(tarball)) ?? [];
    if (!name || !version) throw new Error(`${tarball} is not named like a plugin release tarball`);
    await succeed(["plugin", "install", "resource", name, version, "--file", tarball]);
  }
  await succeed(["stack", "init", stackName]);
  return {
    dir,
    stackName,
    pulumi,
    async configure(plain, secret = {}) {
      const pairs = [
        ...Object.entries(plain).flatMap(([key, value]) => ["--plaintext", `${key}=${value}`]),
        ...Object.entries(secret).flatMap(([key, value]) => ["--secret", `${key}=${value}`]),
      ];
      await succeed(["config", "set-all", "--stack", stackName, ...pairs]);
    },
    run: (operation) => succeed(operationArgs(operation)),
    async runFailing(operation) {
      const result = await pulumi(operationArgs(operation));
      if (result.exitCode === 0) throw new Error(`pulumi ${operation} should have failed:\n${result.output}`);
      return result;
    },
    cleanup() {
      fs.rmSync(path.join(dir, `Pulumi.${stackName}.yaml`), { force: true });
      fs.rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
