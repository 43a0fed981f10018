import { execFileSync } from "node:child_process";
import { repoRoot } from "./product";

/**
 * Runs a probe script `runs` times, each in a fresh plain-Node process (no tsx hooks: it loads the compiled `dist/`
 * as a user's program does, and pays every first-time cost again), and parses the one JSON line each prints.
 */
export function runProbe<T>(
  script: string,
  args: readonly string[],
  runs: number,
  options: { nodeFlags?: readonly string[]; env?: NodeJS.ProcessEnv } = {},
): T[] {
  return Array.from({ length: runs }, () => {
    const stdout = execFileSync(process.execPath, [...(options.nodeFlags ?? []), script, ...args], {
      cwd: repoRoot,
      encoding: "utf8",
      env: options.env ?? { ...process.env, NODE_OPTIONS: "" },
    });
    return JSON.parse(stdout) as T;
  });
}
