import { describe, expect, it } from "vitest";
import { emulatorForFile } from "../support/emulator";
import { startTlsFront } from "../support/tlsFront";
import { createTestStack } from "./harness";
import { product } from "./product";

// Stack config as a user of the huaweicloud provider writes it: only keys that provider defines in `huaweicloud:*`,
// this package's own settings in `huaweicloud-rds-offsite:*`, and the environment.

const { OffsiteBackupInstances, getOffsiteBackupInstancesOutput } = product;
const INSTANCES = "pulumi-nodejs:dynamic/huaweicloud-rds-offsite:OffsiteBackupInstances";
const UNREACHABLE = "http://127.0.0.1:9";

const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 7, "cn-north-4": 4 } });

const credentials = () => ({
  "huaweicloud:accessKey": emulator.credentials.accessKey,
  "huaweicloud:secretKey": { value: emulator.credentials.secretKey, secret: true },
});
const totals = (steps: { type: string; name: string; outputs: Record<string, unknown> }[]) =>
  Object.fromEntries(
    steps.filter((step) => step.type === INSTANCES).map((step) => [step.name, step.outputs.totalCount]),
  );

describe("configuration beside the huaweicloud provider", () => {
  it("reads huaweicloud:endpoints (JSON text) and lets huaweicloud-rds-offsite:* take precedence", async () => {
    const stack = await createTestStack({
      projectName: "config-namespaces",
      config: {
        "huaweicloud:region": "ap-southeast-1",
        ...credentials(),
        // The provider's map: its iam entry is used (before authUrl); its rds entry loses to this package's key.
        "huaweicloud:endpoints": JSON.stringify({ rds: UNREACHABLE, iam: emulator.url }),
        "huaweicloud:authUrl": `${UNREACHABLE}/v3`,
        "huaweicloud-rds-offsite:rdsEndpoint": emulator.url,
        "huaweicloud-rds-offsite:maxConcurrency": "2",
      },
      program: async () => {
        const resource = new OffsiteBackupInstances("resource");
        const fn = getOffsiteBackupInstancesOutput();
        return { resourceTotal: resource.totalCount, functionTotal: fn.totalCount };
      },
    });
    try {
      emulator.resetStats();
      const preview = await stack.preview();
      expect(preview.stackOutputs).toMatchObject({ resourceTotal: 7, functionTotal: 7 });
      // One project lookup per process (program and provider), through endpoints.iam.
      expect(emulator.requests.filter((entry) => entry.operation === "listProjects")).toHaveLength(2);
    } finally {
      await stack.cleanup();
    }
  });
});

describe("a project id is used only for its region", () => {
  it("looks up the project of an explicit region instead of using HW_PROJECT_ID of the configured region", async () => {
    const stack = await createTestStack({
      projectName: "project-id-region",
      config: {
        "huaweicloud:region": "ap-southeast-1",
        ...credentials(),
        "huaweicloud-rds-offsite:rdsEndpoint": emulator.url,
        "huaweicloud-rds-offsite:iamEndpoint": emulator.url,
      },
      envVars: { HW_PROJECT_ID: emulator.projects["ap-southeast-1"]! },
      program: async () => {
        new OffsiteBackupInstances("configured");
        new OffsiteBackupInstances("explicit", { region: "cn-north-4" });
      },
    });
    try {
      emulator.resetStats();
      const preview = await stack.preview();
      expect(totals(preview.reads)).toEqual({ configured: 7, explicit: 4 });
      const lookups = emulator.requests.filter((entry) => entry.operation === "listProjects");
      expect(lookups.map((entry) => entry.query)).toEqual([{ name: ["cn-north-4"] }]);
      const listings = emulator.requests.filter((entry) => entry.operation === "listOffsiteInstances");
      expect(new Set(listings.map((entry) => entry.projectIdHeader))).toEqual(
        new Set([emulator.projects["ap-southeast-1"], emulator.projects["cn-north-4"]]),
      );
    } finally {
      await stack.cleanup();
    }
  });

  it("trusts huaweicloud:cacertFile in the program and in the provider process", async () => {
    const front = await startTlsFront(emulator.url);
    const stack = await createTestStack({
      projectName: "config-cacert",
      config: {
        "huaweicloud:region": "ap-southeast-1",
        ...credentials(),
        "huaweicloud:endpoints": JSON.stringify({ rds: front.url, iam: front.url }),
        "huaweicloud:cacertFile": front.certFile,
      },
      program: async () => {
        const resource = new OffsiteBackupInstances("resource");
        const fn = getOffsiteBackupInstancesOutput();
        return { resourceTotal: resource.totalCount, functionTotal: fn.totalCount };
      },
    });
    try {
      const preview = await stack.preview();
      expect(preview.stackOutputs).toMatchObject({ resourceTotal: 7, functionTotal: 7 });
      expect(front.handshakes.completed).toBeGreaterThanOrEqual(2);
    } finally {
      await stack.cleanup();
      front.close();
    }
  });
});
