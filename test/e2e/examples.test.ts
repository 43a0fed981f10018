import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { repoRoot } from "./harness";

const run = promisify(execFile);
const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ regions: { "ap-southeast-1": 40 } });
});
afterAll(() => emulator?.close());

/** `npm run program -- <example> <operation> …` in a child process, as a user runs it; fresh state each time. */
async function runExample(example: string, operation: string, config: Record<string, string> = {}) {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "example-"));
  const settings = {
    "huaweicloud:region": "ap-southeast-1",
    "huaweicloud:accessKey": emulator.credentials.accessKey,
    "huaweicloud-rds-offsite:rdsEndpoint": emulator.url,
    "huaweicloud-rds-offsite:iamEndpoint": emulator.url,
    ...config,
  };
  const args = [path.join(repoRoot, "scripts/run-program.ts"), path.join(repoRoot, "examples", example), operation];
  args.push("--state-dir", stateDir, "--secret", `huaweicloud:secretKey=${emulator.credentials.secretKey}`);
  for (const [key, value] of Object.entries(settings)) args.push("--config", `${key}=${value}`);
  try {
    return await run(tsx, args, { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 });
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

const first = () => emulator.dataset.instances("ap-southeast-1")[0]!;
const latestOf = (id: string) => Math.max(...emulator.dataset.restoreRanges(id).map((range) => range.end_time));

describe("examples, run by the real engine against the emulator", () => {
  it("list-offsite-instances (TypeScript, CommonJS) shows its values in preview", async () => {
    const postgres = emulator.dataset.instances("ap-southeast-1").filter((i) => i.datastore?.type === "PostgreSQL");
    const { stdout } = await runExample("list-offsite-instances", "preview");
    expect(stdout).toMatch(/instancesWithOffsiteBackups\s*:\s*40/);
    expect(stdout).toContain(postgres[0]!.id);
  });

  it("restore-time-ranges (TypeScript, CommonJS) deploys with the latest restorable time", async () => {
    const { stdout } = await runExample("restore-time-ranges", "up");
    expect(stdout).toContain(first().id);
    expect(stdout).toContain(new Date(latestOf(first().id)).toISOString());
  });

  it("restore-gate (JavaScript, ESM) passes a restorable time and fails the preview of another", async () => {
    const id = first().id;
    const ok = await runExample("restore-gate", "preview", {
      "restore-gate:sourceInstanceId": id,
      "restore-gate:restoreTime": String(latestOf(id) - 60_000),
    });
    expect(ok.stdout).toMatch(/restorable\s*:\s*true/);
    const refused = await runExample("restore-gate", "preview", {
      "restore-gate:sourceInstanceId": id,
      "restore-gate:restoreTime": new Date(latestOf(id) + 3_600_000).toISOString(),
    }).then(
      () => expect.unreachable("the preview should fail"),
      (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
    );
    expect(refused).toContain(
      `Cannot restore DB instance ${id} to ${new Date(latestOf(id) + 3_600_000).toISOString()}`,
    );
  });
});

describe("npm start", () => {
  it("previews the demo against the emulator: instances, ranges, and one restorable and one refused time", async () => {
    const { stdout } = await run(tsx, [path.join(repoRoot, "scripts/demo.ts")], { cwd: repoRoot });
    expect(stdout).toMatch(/instancesInRegion\s*:\s*237/);
    expect(stdout).toMatch(/gateOneHourAgo\s*:\s*".*: restorable=true"/);
    expect(stdout).toMatch(/gateTomorrow\s*:\s*".*: restorable=false"/);
    expect(stdout).toContain("warning: Cannot restore DB instance");
  });
});
