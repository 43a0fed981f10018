import { describe, expect, it } from "vitest";
import { emulatorConfig, gateEmulatorForFile } from "../support/emulator";
import { createTestStack, expectFailure } from "./harness";
import { refusalOf } from "./harness/refusal";
import { product } from "./product";

const { RestoreGate } = product;
const { emulator, instanceId, latest } = await gateEmulatorForFile();

async function gatePreview(restoreTime: string | number, onUnavailable?: "fail" | "warn") {
  const stack = await createTestStack({
    projectName: "restore-gate",
    config: emulatorConfig(emulator),
    program: async () => {
      const gate = new RestoreGate("gate", { instanceId, restoreTime, onUnavailable });
      return {
        restorable: gate.restorable,
        restoreTime: gate.restoreTime,
        range: gate.range,
        restorePoint: gate.restorePoint,
      };
    },
  });
  return { stack, run: () => stack.preview() };
}

describe("RestoreGate under the real engine", () => {
  it("passes a restorable time during the first preview, offers the restore point, and refreshes and destroys", async () => {
    const time = latest - 3_600_000;
    const { stack, run } = await gatePreview(new Date(time).toISOString());
    try {
      const preview = await run();
      expect(preview.stackOutputs).toMatchObject({
        restorable: true,
        restoreTime: time,
        restorePoint: { instanceId, type: "timestamp", restoreTime: time },
      });
      const up = await stack.up();
      expect(up.outputs.restorable).toBe(true);
      emulator.resetStats();
      const refresh = await stack.refresh();
      expect(refresh.steps.some((step) => step.name === "gate-ranges")).toBe(true);
      expect(emulator.requests.filter((entry) => entry.operation === "listRestoreTimes")).toHaveLength(1);
      emulator.resetStats();
      await stack.destroy();
      expect(emulator.requests).toHaveLength(0);
    } finally {
      await stack.cleanup();
    }
  });

  it("fails the preview of an unrestorable time with the time in UTC and the nearest ranges", async () => {
    const time = latest + 86_400_000;
    const { stack, run } = await gatePreview(time);
    try {
      const failure = await expectFailure(run());
      expect(failure.errorText).toContain(`${refusalOf(instanceId, time)} Nearest available range`);
      expect(failure.errorText).toContain(new Date(latest).toISOString());
      expect(failure.errorText).not.toMatch(/at .*\.js:\d+/);
      // An inline program: under the gate, without the serializer's wrapper (the inline runner adds its summary,
      // `One or more errors occurred: …`).
      expect(failure.errorText).not.toContain("error serializing property");
      const underGate = failure.diagnostics.filter(
        (d) => d.severity.startsWith("error") && d.urn?.endsWith("huaweicloud-rds-offsite:index:RestoreGate::gate"),
      );
      expect(underGate.map((d) => d.message.trim())).toEqual([expect.stringMatching(/^Cannot restore DB instance /)]);
    } finally {
      await stack.cleanup();
    }
  });

  it("only warns with onUnavailable: warn, and withholds the restore point", async () => {
    const time = latest + 1;
    const { stack, run } = await gatePreview(time, "warn");
    try {
      const preview = await run();
      expect(preview.stackOutputs.restorable).toBe(false);
      expect(preview.stackOutputs.restorePoint).toBeUndefined();
      expect(
        preview.diagnostics.some(
          (d) => d.severity === "warning" && d.message.includes(`Cannot restore DB instance ${instanceId}`),
        ),
      ).toBe(true);
    } finally {
      await stack.cleanup();
    }
  });
});
