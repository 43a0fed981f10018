import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { emulatorConfig, emulatorForFile } from "../support/emulator";
import { createTestStack, requireNative, UNKNOWN } from "./harness";
import { product } from "./product";

// `get…Output(args, opts)` honours `dependsOn` as Pulumi's output invokes do: no call before the resources exist
// (an unknown result in a preview that creates them), and the result depends on them.

const { CreatedValue } = requireNative<typeof import("./fixtures/created-value.cjs")>(
  "test/e2e/fixtures/created-value.cjs",
);
const { getOffsiteBackupInstancesOutput, getOffsiteBackupInstances } = product;

const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 3 } });

describe("function options", () => {
  it("waits for dependsOn, and what consumes the result depends on those resources", async () => {
    const stack = await createTestStack({
      projectName: "function-options",
      config: emulatorConfig(emulator),
      program: async () => {
        const parent = new pulumi.ComponentResource("e2e:index:Group", "group");
        const first = new CreatedValue("first", "v", { parent });
        const listed = getOffsiteBackupInstancesOutput({}, { dependsOn: [first], parent });
        const consumer = new CreatedValue("consumer", listed.totalCount.apply(String), { parent });
        const plain = await getOffsiteBackupInstances({}, { parent });
        return { total: listed.totalCount, consumed: consumer.result, plainTotal: plain.totalCount };
      },
    });
    try {
      emulator.resetStats();
      const preview = await stack.preview();
      expect(preview.stackOutputs).toMatchObject({ total: UNKNOWN, plainTotal: 3 });
      // Only the plain call ran in preview.
      expect(emulator.requests.filter((entry) => entry.operation === "listOffsiteInstances")).toHaveLength(1);
      const up = await stack.up();
      expect(up.outputs).toMatchObject({ total: 3, consumed: "3", plainTotal: 3 });
      const state = JSON.parse(await stack.exportedState()) as {
        deployment: { resources: { urn: string; dependencies?: string[] }[] };
      };
      const consumer = state.deployment.resources.find((resource) => resource.urn.endsWith("::consumer"))!;
      expect(consumer.dependencies).toContainEqual(expect.stringMatching(/::first$/));
      await stack.destroy();
    } finally {
      await stack.cleanup();
    }
  });
});
