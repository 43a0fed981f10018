import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import type { Burst } from "../support/coldStartBurst";
import { emulatorForFile, environmentFor, requestsOf } from "../support/emulator";

// The process-wide limit must hold for the first calls of a process, while the limiter's module is still loading:
// each burst runs in a fresh child process, against an emulator that counts the requests it holds at once.
const listingRegions = Array.from({ length: 40 }, (_, index) => `ap-burst-${index + 1}`);
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 200, ...Object.fromEntries(listingRegions.map((region) => [region, 150])) },
  latencyMs: 50,
});
const script = fileURLToPath(new URL("../support/coldStartBurst.ts", import.meta.url));

async function burstInFreshProcess(burst: Burst, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script, JSON.stringify(burst)], {
    env: { ...process.env, ...environmentFor(emulator), ...env },
  });
  return stdout.trim();
}

const lookups: Burst = {
  kind: "lookups",
  projectId: emulator.projects["ap-southeast-1"]!,
  instanceIds: emulator.dataset.instances("ap-southeast-1").map((instance) => instance.id),
};
const listings: Burst = {
  kind: "listings",
  projects: Object.fromEntries(listingRegions.map((region) => [region, emulator.projects[region]!])),
};

beforeEach(() => emulator.resetStats());

describe("the concurrency limit holds from the first calls of a process", () => {
  it.each([
    ["200 lookups", lookups, "listRestoreTimes", 200],
    ["40 listings", listings, "listOffsiteInstances", 80],
  ] as const)("%s fired at once keep at most 16 requests in flight", async (_, burst, operation, requests) => {
    expect(await burstInFreshProcess(burst)).toBe(`${burst.kind === "lookups" ? 200 : 40} calls succeeded`);
    expect(requestsOf(emulator, operation)).toHaveLength(requests);
    expect(emulator.maxInFlight).toBe(16);
  });

  it.each([
    ["60 lookups", { ...lookups, instanceIds: lookups.instanceIds.slice(0, 60) }],
    ["40 listings", listings],
  ] as const)("%s fired at once keep at most 2 in flight with HW_MAX_CONCURRENCY=2", async (_, burst) => {
    await burstInFreshProcess(burst, { HW_MAX_CONCURRENCY: "2" });
    expect(emulator.maxInFlight).toBe(2);
  });
});
