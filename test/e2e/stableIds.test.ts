import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorConfig, emulatorForFile } from "../support/emulator";
import { createTestStack, type TestStack } from "./harness";
import { product } from "./product";

// Arguments and outputs apart in state: `up → refresh → preview` shows no change, and an output (the region read)
// is never read back as an argument, so the region follows stack config.

const { OffsiteBackupInstances, OffsiteRestoreTimeRanges } = product;
const INSTANCES = "pulumi-nodejs:dynamic/huaweicloud-rds-offsite:OffsiteBackupInstances";

let stack: TestStack;
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 6, "cn-north-4": 3 },
  anchorTime: Date.UTC(2026, 10, 20, 12),
});
beforeAll(async () => {
  const instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
  stack = await createTestStack({
    projectName: "stable-ids",
    config: emulatorConfig(emulator),
    program: async () => {
      const all = new OffsiteBackupInstances("all");
      const ranges = new OffsiteRestoreTimeRanges("ranges", {
        instanceId,
        date: "2026-11-19",
        region: "ap-southeast-1",
      });
      return { region: all.region, totalCount: all.totalCount, date: ranges.date };
    },
  });
});
afterAll(async () => {
  await stack?.cleanup();
});

async function storedIds(): Promise<Record<string, string>> {
  const state = JSON.parse(await stack.exportedState()) as {
    deployment: { resources?: { type: string; urn: string; id?: string }[] };
  };
  return Object.fromEntries(
    (state.deployment.resources ?? [])
      .filter((resource) => resource.type.startsWith("pulumi-nodejs:dynamic/huaweicloud-rds-offsite:"))
      .map((resource) => [resource.urn.split("::").pop(), resource.id]),
  );
}

describe("ids and arguments across refresh", () => {
  it("keeps ids through up → refresh, and the next preview shows no change", async () => {
    const up = await stack.up();
    expect(up.outputs).toEqual({ region: "ap-southeast-1", totalCount: 6, date: "2026-11-19" });
    const before = await storedIds();
    expect(before.all).toMatch(/^offsite-backup-instances:configured-region:[0-9a-f]{16}$/);
    await stack.refresh();
    expect(await storedIds()).toEqual(before);
    const preview = await stack.preview();
    // Reads are not counted; a read whose id or outputs changed would add `read: n` (docs/engine-facts.md).
    expect(preview.changeSummary).toEqual({ same: 1 });
    expect(Object.fromEntries(preview.reads.map((step) => [step.name, step.id]))).toEqual(before);
  });

  it("follows a change of the configured region after a refresh", async () => {
    await stack.setConfig({ "huaweicloud:region": "cn-north-4" });
    const preview = await stack.preview();
    const all = preview.reads.find((step) => step.type === INSTANCES && step.name === "all")!;
    expect(all.outputs).toMatchObject({ region: "cn-north-4", totalCount: 3 });
    expect(all.id).toMatch(/^offsite-backup-instances:configured-region:/);
    expect(preview.stackOutputs).toMatchObject({ region: "cn-north-4", totalCount: 3, date: "2026-11-19" });
    // Once deployed, a refresh (which configures the provider from state) re-reads the new region and keeps it.
    await stack.up();
    const refresh = await stack.refresh();
    expect(refresh.steps.find((step) => step.type === INSTANCES)!.outputs).toMatchObject({
      region: "cn-north-4",
      totalCount: 3,
    });
    expect((await stack.preview()).changeSummary).toEqual({ same: 1 });
  });
});
