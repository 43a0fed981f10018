import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorConfig, emulatorForFile } from "../support/emulator";
import { createTestStack, type TestStack } from "./harness";
import { product } from "./product";

// The readiness data source as a resource and as an Output function, through the engine: values in preview, an id
// derived from the arguments that refresh keeps, and the same answer both ways.

const { OffsiteRecoveryReadiness, getOffsiteRecoveryReadinessOutput } = product;
const READINESS = "pulumi-nodejs:dynamic/huaweicloud-rds-offsite:OffsiteRecoveryReadiness";
const REGION = "ap-southeast-3";
const ANCHOR = Date.UTC(2026, 11, 1, 6);

let stack: TestStack;
const { emulator } = await emulatorForFile({ regions: { [REGION]: 0 }, readinessCases: REGION, anchorTime: ANCHOR });
beforeAll(async () => {
  stack = await createTestStack({
    projectName: "readiness-resource",
    config: emulatorConfig(emulator, REGION),
    program: async () => {
      const args = { asOf: new Date(ANCHOR), maxLag: "15m", minCoverage: 0.995 };
      const resource = new OffsiteRecoveryReadiness("dr", args);
      const fromFunction = getOffsiteRecoveryReadinessOutput(args);
      return {
        ready: resource.ready,
        summary: resource.summary,
        worst: resource.instances.apply((rows) => rows.map((row) => `${row.name}: ${row.status}`).slice(0, 4)),
        functionSummary: fromFunction.summary,
      };
    },
  });
});
afterAll(async () => {
  await stack?.cleanup();
});

describe("OffsiteRecoveryReadiness", () => {
  it("is known in preview, keeps its id through up → refresh, and agrees with the function", async () => {
    const preview = await stack.preview();
    expect(preview.stackOutputs).toMatchObject({
      ready: false,
      summary: { total: 6, ok: 2, gaps: 1, stale: 1, unprotected: 1, error: 1, worstLagMs: 3 * 86_400_000 },
      worst: [
        "dr-failing-ledger: error",
        'crm <legacy> & "old"\u001b[31m: unprotected',
        "dr-stale-orders: stale",
        "dr-holes-billing: gaps",
      ],
    });
    expect(preview.stackOutputs.functionSummary).toEqual(preview.stackOutputs.summary);
    await stack.up();
    const read = (await stack.preview()).reads.find((step) => step.type === READINESS);
    expect(read?.id).toMatch(/^offsite-recovery-readiness:configured-region:[0-9a-f]{16}$/);
    const refresh = await stack.refresh();
    expect(refresh.steps.find((step) => step.type === READINESS)?.id).toBe(read?.id);
    // The stack itself is unchanged; the reading is a new one (the failing lookup's message names a new request id).
    expect((await stack.preview()).changeSummary).toMatchObject({ same: 1 });
  });
});
