import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { createTestStack, expectFailure } from "./harness";
import { emulatorConfig, product } from "./product";

// A bad argument fails the preview with one message naming the resource and the argument: no stack trace, no request.

const { OffsiteBackupInstances, OffsiteRestoreTimeRanges, RestoreGate } = product;

let emulator: Emulator;
let instanceId: string;
beforeAll(async () => {
  emulator = await startEmulator({ regions: { "ap-southeast-1": 2 } });
  instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
});
afterAll(() => emulator?.close());

async function previewFailure(program: () => Promise<Record<string, unknown> | void>) {
  const stack = await createTestStack({ projectName: "bad-arguments", config: emulatorConfig(emulator), program });
  try {
    emulator.resetStats();
    const failure = await expectFailure(stack.preview());
    expect(emulator.requests).toHaveLength(0);
    return failure;
  } finally {
    await stack.cleanup();
  }
}

const errorMessages = (failure: { diagnostics: { severity: string; message: string }[] }) =>
  failure.diagnostics.filter((d) => d.severity.startsWith("error")).map((d) => d.message.trim());

describe("bad arguments of resources", () => {
  it("names the resource and the argument for a data source", async () => {
    const failure = await previewFailure(async () => {
      // Exported outputs of the refused resource: the preview must still end (with the message), not hang.
      return { ranges: new OffsiteRestoreTimeRanges("ranges", { instanceId, date: "2026-02-30" }).ranges };
    });
    const message =
      'Invalid argument "date" of OffsiteRestoreTimeRanges "ranges": "2026-02-30" is not a calendar day in yyyy-mm-dd form';
    expect(errorMessages(failure)).toContain(message);
    expect(failure.errorText).not.toMatch(/\n\s+at /);
    expect(failure.errorText).not.toContain("Unhandled exception");
  });

  it("names a misspelt filter of OffsiteBackupInstances", async () => {
    const failure = await previewFailure(async () => {
      new OffsiteBackupInstances("mysql", { datastoreType: "MySQL", keepDays: "7" as never });
    });
    expect(errorMessages(failure)).toContain(
      'Invalid argument "keepDays" of OffsiteBackupInstances "mysql": must be an integer, got the string "7"',
    );
    expect(failure.errorText).not.toMatch(/\n\s+at /);
  });

  it("names RestoreGate for its restore time, as it does for its refusal", async () => {
    const failure = await previewFailure(async () => {
      return { restorable: new RestoreGate("gate", { instanceId, restoreTime: "2026-11-20 03:00" }).restorable };
    });
    expect(errorMessages(failure)).toContain(
      'Invalid argument "restoreTime" of RestoreGate "gate": "2026-11-20 03:00" is not an ISO-8601 date-time with a zone (e.g. "2026-11-20T03:00:00Z" or "2026-11-20T11:00:00+08:00") nor epoch milliseconds',
    );
    expect(failure.errorText).not.toMatch(/\n\s+at /);
  });

  it("names the resource and the argument for a bad value known only later, without hanging", async () => {
    const failure = await previewFailure(async () => {
      const date = pulumi.output("2026-02-30").apply((text) => text);
      return { ranges: new OffsiteRestoreTimeRanges("later", { instanceId, date }).ranges };
    });
    // Refused once known, the read fails with the message before any request (the engine prefixes its own words).
    expect(errorMessages(failure)).toContain(
      'Preview failed: Invalid argument "date" of OffsiteRestoreTimeRanges "later": "2026-02-30" is not a calendar day in yyyy-mm-dd form',
    );
  });
});
