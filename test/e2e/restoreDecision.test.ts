import type { PulumiFn } from "@pulumi/pulumi/automation";
import { beforeEach, describe, expect, it } from "vitest";
import { emulatorConfig, gateEmulatorForFile } from "../support/emulator";
import { createTestStack, expectFailure } from "./harness";
import { product } from "./product";

// RestoreGate and checkRestoreTime share one decision; the gate makes it in the provider process, so a preview's
// requests are exactly: one IAM project lookup (none with a configured project id), the day's ranges, and the
// undated list only on a miss.

const { RestoreGate, checkRestoreTimeOutput } = product;

const { emulator, instanceId, latest } = await gateEmulatorForFile();
beforeEach(() => emulator.resetStats());

const operations = () => emulator.requests.map((entry) => entry.operation).sort();

async function preview(program: PulumiFn, projectId?: string) {
  const config = emulatorConfig(emulator);
  if (projectId) config["huaweicloud:projectId"] = projectId;
  const stack = await createTestStack({ projectName: "restore-decision", config, program });
  try {
    emulator.resetStats();
    return await stack.preview();
  } finally {
    await stack.cleanup();
  }
}

async function failedPreview(program: () => Promise<void>) {
  const stack = await createTestStack({ projectName: "restore-decision", config: emulatorConfig(emulator), program });
  try {
    emulator.resetStats();
    return await expectFailure(stack.preview());
  } finally {
    await stack.cleanup();
  }
}

describe("what a preview of RestoreGate costs", () => {
  it("a restorable time: the project lookup and the day's ranges", async () => {
    const run = await preview(async () => ({
      restorable: new RestoreGate("gate", { instanceId, restoreTime: latest - 60_000 }).restorable,
    }));
    expect(run.stackOutputs.restorable).toBe(true);
    expect(operations()).toEqual(["listProjects", "listRestoreTimes"]);
  });

  it("a refusal (fail): the project lookup, the day and the undated list — 3 requests, one process", async () => {
    const failure = await failedPreview(async () => {
      new RestoreGate("gate", { instanceId, restoreTime: latest + 86_400_000 });
    });
    expect(failure.errorText).toContain(`Cannot restore DB instance ${instanceId} to `);
    expect(operations()).toEqual(["listProjects", "listRestoreTimes", "listRestoreTimes"]);
  });

  it("a refusal (warn): the same 3 requests; with a configured project id, 2", async () => {
    const program = async () => ({
      restorable: new RestoreGate("gate", { instanceId, restoreTime: latest + 1, onUnavailable: "warn" }).restorable,
    });
    expect((await preview(program)).stackOutputs.restorable).toBe(false);
    expect(operations()).toEqual(["listProjects", "listRestoreTimes", "listRestoreTimes"]);
    expect((await preview(program, emulator.projects["ap-southeast-1"])).stackOutputs.restorable).toBe(false);
    expect(operations()).toEqual(["listRestoreTimes", "listRestoreTimes"]);
  });

  it("passes a restorable time the day's answer misses, whatever `date` means, after confirming it", async () => {
    // The service answers the dated request with no range (a reading in which the range must start on the day).
    emulator.queueFault({ operation: "listRestoreTimes", status: 200, body: { restore_time: [] } });
    const run = await preview(async () => {
      const gate = new RestoreGate("gate", { instanceId, restoreTime: latest - 60_000 });
      return { restorable: gate.restorable, restorePoint: gate.restorePoint };
    });
    expect(run.stackOutputs).toMatchObject({
      restorable: true,
      restorePoint: { instanceId, type: "timestamp", restoreTime: latest - 60_000 },
    });
    expect(operations()).toEqual(["listProjects", "listRestoreTimes", "listRestoreTimes"]);
  });

  it("says when the confirmation fails, keeping the miss in the message", async () => {
    const time = latest + 1;
    emulator.queueFault({ operation: "listRestoreTimes", status: 200, body: { restore_time: [] } });
    emulator.queueFault({ operation: "listRestoreTimes", status: 403 });
    const failure = await failedPreview(async () => {
      new RestoreGate("gate", { instanceId, restoreTime: time });
    });
    expect(failure.errorText).toContain(
      `DB instance ${instanceId} looks unrestorable to ${new Date(time).toISOString()} (${time}): none of the 0 restore time range(s) the API returned for ${new Date(time).toISOString().slice(0, 10)} contains that time. Confirming against the full list of ranges failed: `,
    );
  });
});

describe("checkRestoreTime makes the same decision in the program", () => {
  it("refuses after the same confirmation, with the same requests", async () => {
    const run = await preview(async () => ({
      check: checkRestoreTimeOutput({ instanceId, restoreTime: latest + 1 }),
    }));
    expect(run.stackOutputs.check).toMatchObject({ restorable: false, restoreTime: latest + 1 });
    expect(operations()).toEqual(["listProjects", "listRestoreTimes", "listRestoreTimes"]);
  });
});
