import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorConfig, emulatorForFile } from "../support/emulator";
import { createTestStack, expectFailure } from "./harness";
import { pulumiInDirectory } from "./harness/pulumiInDirectory";
import { product } from "./product";

// A bad argument fails the preview with one message naming the resource and the argument: no stack trace, no request.

const { OffsiteBackupInstances, OffsiteRestoreTimeRanges, RestoreGate } = product;

let instanceId: string;
const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 2 } });
beforeAll(async () => {
  instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
});

async function previewFailure(program: PulumiFn) {
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
    expect(failure.output).not.toMatch(/\n\s+at /);
    expect(failure.output).not.toContain("unhandled exception");
  });

  it("names a misspelt filter of OffsiteBackupInstances", async () => {
    const failure = await previewFailure(async () => {
      new OffsiteBackupInstances("mysql", { datastoreType: "MySQL", keepDays: "7" as never });
    });
    expect(errorMessages(failure)).toContain(
      'Invalid argument "keepDays" of OffsiteBackupInstances "mysql": must be an integer, got the string "7"',
    );
    expect(failure.output).not.toMatch(/\n\s+at /);
  });

  it("names RestoreGate for its restore time, as it does for its refusal", async () => {
    const failure = await previewFailure(async () => {
      return { restorable: new RestoreGate("gate", { instanceId, restoreTime: "2026-11-20 03:00" }).restorable };
    });
    expect(errorMessages(failure)).toContain(
      'Invalid argument "restoreTime" of RestoreGate "gate": "2026-11-20 03:00" is not an ISO-8601 date-time with a zone (e.g. "2026-11-20T03:00:00Z" or "2026-11-20T11:00:00+08:00") nor epoch milliseconds',
    );
    expect(failure.output).not.toMatch(/\n\s+at /);
  });

  it("names the resource and the argument for a bad value known only later, without hanging", async () => {
    const failure = await previewFailure(async () => {
      const date = pulumi.output("2026-02-30").apply((text) => text);
      return { ranges: new OffsiteRestoreTimeRanges("later", { instanceId, date }).ranges };
    });
    // Refused once known: the program fails with the message, as for a plain value; the read makes no request.
    expect(errorMessages(failure)).toContain(
      'Invalid argument "date" of OffsiteRestoreTimeRanges "later": "2026-02-30" is not a calendar day in yyyy-mm-dd form',
    );
    // Nowhere in what the CLI printed (program, engine or provider process) a stack trace.
    expect(failure.output).not.toMatch(/\n\s+at /);
  });
});

describe("the preview a user sees", () => {
  it("prints one error naming the resource and the argument, and nothing else, for a project directory", async () => {
    const project = await pulumiInDirectory({
      dir: "test/e2e/fixtures/bad-argument-project",
      env: { HW_RDS_ENDPOINT: emulator.url, HW_IAM_ENDPOINT: emulator.url },
    });
    try {
      await project.configure(
        {
          "huaweicloud:region": "ap-southeast-1",
          "huaweicloud:accessKey": emulator.credentials.accessKey,
          "bad-argument:instanceId": instanceId,
          "bad-argument:date": "2026-02-30",
        },
        { "huaweicloud:secretKey": emulator.credentials.secretKey },
      );
      emulator.resetStats();
      const preview = await project.runFailing("preview");
      const diagnostics = preview.stdout.slice(
        preview.stdout.indexOf("Diagnostics:"),
        preview.stdout.indexOf("Resources:"),
      );
      expect(diagnostics).toBe(
        [
          "Diagnostics:",
          `  pulumi:pulumi:Stack (bad-argument-${project.stackName}):`,
          '    error: Invalid argument "date" of OffsiteRestoreTimeRanges "ranges": "2026-02-30" is not a calendar day in yyyy-mm-dd form',
          "",
          "",
        ].join("\n"),
      );
      expect(preview.output).not.toMatch(/\n\s+at /);
      expect(emulator.requests).toHaveLength(0);
    } finally {
      project.cleanup();
    }
  }, 120_000);
});
