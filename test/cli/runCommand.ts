import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { childEnvironment } from "../support/childEnvironment";

const repoRoot = path.resolve(__dirname, "..", "..");
/** The built command, as npm links it for `rds-offsite` (`npm run build` first; `npm test` does). */
export const cliPath = path.join(repoRoot, "dist", "cli", "main.js");
export const forbidPulumi = path.join(__dirname, "fixtures", "forbid-pulumi.cjs");

export interface CommandRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function assertBuilt(): void {
  if (!fs.existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` first`);
}

/**
 * Runs the built command in a fresh process, as a CI job does: only the given environment (plus PATH and a loopback
 * metadata endpoint, see childEnvironment), stdout and stderr piped (not terminals), from a directory outside the
 * repository.
 */
export function runCommand(
  args: readonly string[],
  env: Record<string, string>,
  nodeOptions: readonly string[] = [],
): Promise<CommandRun> {
  return runProcess(process.execPath, [...nodeOptions, cliPath, ...args], env);
}

/** The command under a pseudo-terminal (util-linux `script`): stdout and stderr are then TTYs, merged. */
export function runCommandInTerminal(args: readonly string[], env: Record<string, string>): Promise<CommandRun> {
  const line = [process.execPath, cliPath, ...args].map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(" ");
  return runProcess("script", ["-qec", line, "/dev/null"], env);
}

/**
 * Any program, with only the given environment (plus PATH and a loopback metadata endpoint, see childEnvironment), from
 * a directory outside the repository.
 */
export function runProcess(file: string, args: readonly string[], env: Record<string, string>): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        env: childEnvironment(env),
        cwd: os.tmpdir(),
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ status: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
