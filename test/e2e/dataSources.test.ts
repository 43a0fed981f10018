import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorConfig, emulatorForFile } from "../support/emulator";
import { createTestStack, expectFailure, requireNative, type TestStack } from "./harness";
import { product } from "./product";

const { CreatedValue } = requireNative<typeof import("./fixtures/created-value.cjs")>(
  "test/e2e/fixtures/created-value.cjs",
);
const { OffsiteBackupInstances, OffsiteRestoreTimeRanges } = product;
const INSTANCES = "pulumi-nodejs:dynamic/huaweicloud-rds-offsite:OffsiteBackupInstances";
const RANGES = "pulumi-nodejs:dynamic/huaweicloud-rds-offsite:OffsiteRestoreTimeRanges";

let instanceId: string;
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 150 },
  anchorTime: Date.UTC(2026, 10, 20, 12),
});
beforeAll(async () => {
  instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
});

const wireRanges = (id: string) =>
  emulator.dataset.restoreRanges(id).map((range) => ({ startTime: range.start_time, endTime: range.end_time }));

describe("data-source resources under the real engine", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await createTestStack({
      projectName: "data-sources",
      config: emulatorConfig(emulator),
      program: async () => {
        const postgres = new OffsiteBackupInstances("postgres", { datastoreType: "PostgreSQL" });
        const ranges = new OffsiteRestoreTimeRanges("ranges", { instanceId });
        return { ids: postgres.ids, totalCount: postgres.totalCount, region: postgres.region, ranges: ranges.ranges };
      },
    });
  });
  afterAll(() => stack?.cleanup());

  it("has the values during the first preview of a new stack", async () => {
    emulator.resetStats();
    const preview = await stack.preview();
    const postgres = emulator.dataset
      .instances("ap-southeast-1")
      .filter((instance) => instance.datastore?.type === "PostgreSQL");
    const instances = preview.reads.find((step) => step.type === INSTANCES)!;
    expect(instances.outputs).toMatchObject({
      ids: postgres.map((instance) => instance.id),
      totalCount: 150,
      region: "ap-southeast-1",
    });
    expect(preview.reads.find((step) => step.type === RANGES)!.outputs.ranges).toEqual(wireRanges(instanceId));
    expect(preview.stackOutputs).toMatchObject({ totalCount: 150, ranges: wireRanges(instanceId) });
    expect(emulator.requests.filter((entry) => entry.operation === "listOffsiteInstances")).toHaveLength(2);
  });

  it("deploys, and a second preview with unchanged data shows no changes", async () => {
    const up = await stack.up();
    expect(up.outputs.totalCount).toBe(150);
    const again = await stack.preview();
    expect(Object.keys(again.changeSummary)).toEqual(["same"]);
  });

  it("re-reads on refresh", async () => {
    emulator.resetStats();
    emulator.dataset.addInstances("ap-southeast-1", 1);
    const refresh = await stack.refresh();
    expect(emulator.requests.filter((entry) => entry.operation === "listOffsiteInstances")).toHaveLength(2);
    expect(refresh.steps.find((step) => step.type === INSTANCES)!.outputs.totalCount).toBe(151);
  });

  it("keeps credentials out of the state and keeps the serialized provider small", async () => {
    const persisted = await stack.persistedText();
    expect(persisted).not.toContain(emulator.credentials.secretKey);
    const state = JSON.parse(await stack.exportedState()) as {
      deployment: { resources?: { type: string; inputs?: Record<string, unknown> }[] };
    };
    const providers = (state.deployment.resources ?? [])
      .filter((resource) => resource.type === INSTANCES || resource.type === RANGES)
      .map((resource) => String(resource.inputs?.__provider));
    expect(providers).toHaveLength(2);
    for (const text of providers) {
      expect(text.length).toBeLessThan(4096);
      expect(text).toContain('require("pulumi-huaweicloud-rds-offsite/provider")');
      expect(text).not.toContain(emulator.credentials.secretKey);
      expect(text).not.toContain(emulator.credentials.accessKey);
    }
  });

  it("destroys without any API call and leaves nothing behind", async () => {
    emulator.resetStats();
    await stack.destroy();
    expect(emulator.requests).toHaveLength(0);
    const state = JSON.parse(await stack.exportedState()) as { deployment: { resources?: unknown[] } };
    expect(state.deployment.resources ?? []).toHaveLength(0);
  });
});

describe("arguments", () => {
  it("refuses a bad argument with its name, before any request", async () => {
    emulator.resetStats();
    const stack = await createTestStack({
      projectName: "bad-argument",
      config: emulatorConfig(emulator),
      program: async () => {
        new OffsiteRestoreTimeRanges("ranges", { instanceId, date: "2026-02-30" });
      },
    });
    try {
      const failure = await expectFailure(stack.preview());
      expect(failure.errorText).toContain(
        'Invalid argument "date" of OffsiteRestoreTimeRanges "ranges": "2026-02-30" is not a calendar day in yyyy-mm-dd form',
      );
      expect(emulator.requests).toHaveLength(0);
    } finally {
      await stack.cleanup();
    }
  });

  it("reads during up when an argument is not known at preview", async () => {
    const stack = await createTestStack({
      projectName: "unknown-argument",
      config: emulatorConfig(emulator),
      program: async () => {
        const created = new CreatedValue("instance", instanceId);
        const ranges = new OffsiteRestoreTimeRanges("ranges", { instanceId: created.result });
        return { ranges: ranges.ranges };
      },
    });
    try {
      emulator.resetStats();
      const preview = await stack.preview();
      // The read's id is unknown, so the engine skips it: no request, no values yet.
      for (const step of preview.reads.filter((read) => read.type === RANGES))
        expect(step.outputs.ranges).toBeUndefined();
      expect(emulator.requests.filter((entry) => entry.operation === "listRestoreTimes")).toHaveLength(0);
      const up = await stack.up();
      expect(up.outputs.ranges).toEqual(wireRanges(instanceId));
      await stack.destroy();
    } finally {
      await stack.cleanup();
    }
  });
});
