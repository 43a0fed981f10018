/**
 * The first call of a fresh process (a CI job's `rds-offsite` command, a script requiring `/client`, a provider
 * process): what it answers, and that what it does not need stays unloaded (BENCHMARKS.md, "First call").
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getOffsiteRestoreTimeRanges } from "../../src/core";
import { emulatorForFile } from "../support/emulator";
import { assertBuilt, runCommand, runProcess } from "./runCommand";

const REGION = "ap-southeast-1";
const repoRoot = path.resolve(__dirname, "..", "..");
const firstLookup = path.join(__dirname, "fixtures", "first-lookup.cjs");
const undiciLaidOutOtherwise = path.join(__dirname, "fixtures", "undici-laid-out-otherwise.cjs");
const undiciAgentsApart = path.join(__dirname, "fixtures", "undici-agents-apart.cjs");
const recordV8Flags = path.join(__dirname, "fixtures", "record-v8-flags.cjs");

const { emulator } = await emulatorForFile({ seed: 11, regions: { [REGION]: 3 } });
const instanceId = emulator.dataset.instances(REGION)[0]!.id;
const stackConfig: Record<string, string> = {
  region: REGION,
  projectId: emulator.projects[REGION]!,
  accessKey: emulator.credentials.accessKey,
  secretKey: emulator.credentials.secretKey,
  rdsEndpoint: emulator.url,
  iamEndpoint: emulator.url,
};

/** The first lookup of a fresh Node process, with the `node` options given: its result and the undici files loaded. */
async function firstLookupInFreshProcess(nodeOptions: readonly string[] = []) {
  const run = await runProcess(
    process.execPath,
    [...nodeOptions, firstLookup, JSON.stringify({ repoRoot, stackConfig, instanceId })],
    {},
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { result: unknown; undiciFiles: string[] };
}

describe("the first call of a fresh process", () => {
  beforeAll(assertBuilt);

  it("answers the same ranges as a warm process, with undici's agents but not its fetch, WebSocket or mocks", async () => {
    const warm = await getOffsiteRestoreTimeRanges({ instanceId }, { env: {}, stackConfig: (key) => stackConfig[key] });
    expect(warm.ranges.length).toBeGreaterThan(0);

    const { result, undiciFiles } = await firstLookupInFreshProcess();

    expect(result).toEqual(warm);
    expect(undiciFiles).toContain("lib/dispatcher/agent.js");
    expect(undiciFiles).not.toContain("index.js");
    expect(undiciFiles.filter((file) => /^lib\/(web|mock|cache)\//.test(file))).toEqual([]);
  });

  it.each([
    ["a file is missing", undiciLaidOutOtherwise],
    ["its agents do not inherit the Dispatcher found", undiciAgentsApart],
  ])("loads undici whole, and answers the same, when undici is laid out otherwise: %s", async (_, preload) => {
    const warm = await getOffsiteRestoreTimeRanges({ instanceId }, { env: {}, stackConfig: (key) => stackConfig[key] });

    const { result, undiciFiles } = await firstLookupInFreshProcess(["--require", preload]);

    expect(result).toEqual(warm);
    expect(undiciFiles).toContain("index.js");
  });

  it("rds-offsite on Node.js 20 raises V8's budget before undici's parser is optimized, and on no later line", async () => {
    const warm = await getOffsiteRestoreTimeRanges({ instanceId }, { env: {}, stackConfig: (key) => stackConfig[key] });

    const run = await runCommand(
      ["ranges", "--instance-id", instanceId, "--json"],
      {
        HW_ACCESS_KEY: emulator.credentials.accessKey,
        HW_SECRET_KEY: emulator.credentials.secretKey,
        HW_REGION_NAME: REGION,
        HW_PROJECT_ID: emulator.projects[REGION]!,
        HW_RDS_ENDPOINT: emulator.url,
        HW_IAM_ENDPOINT: emulator.url,
      },
      ["--require", recordV8Flags],
    );

    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ instanceId, ranges: warm.ranges });
    expect(run.stderr).toBe(
      process.versions.v8.startsWith("11.") ? "v8 flag set: --wasm-tiering-budget=100000000\n" : "",
    );
  });
});
