import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/core/client/errors/ConfigurationError";
import { queryOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { emulatorForFile, lookupFor, requestsOf } from "../support/emulator";

const { emulator, lookup } = await emulatorForFile({
  regions: { "ap-southeast-1": 3, "cn-north-4": 2, "la-north-2": 1 },
  projectsPerRegion: { "cn-north-4": 0, "la-north-2": 2 },
});

describe("project id", () => {
  it("is looked up through IAM once per region and access key, and sent as a signed X-Project-Id", async () => {
    await Promise.all([
      queryOffsiteBackupInstances({ region: "ap-southeast-1" }, lookup),
      queryOffsiteBackupInstances({ region: "ap-southeast-1", name: "x" }, lookup),
    ]);
    await queryOffsiteBackupInstances({ region: "ap-southeast-1" }, lookup);
    const iam = requestsOf(emulator, "listProjects");
    expect(iam).toHaveLength(1);
    expect(iam[0]!.query).toEqual({ name: ["ap-southeast-1"] });
    expect(iam[0]!.projectIdHeader).toBeUndefined();
    const rds = requestsOf(emulator, "listOffsiteInstances");
    expect(rds.every((entry) => entry.projectIdHeader === emulator.projects["ap-southeast-1"])).toBe(true);
    expect(rds.every((entry) => entry.signedHeaders?.includes("x-project-id"))).toBe(true);
  });

  it("is not looked up when configured", async () => {
    emulator.resetStats();
    const configured = lookupFor(emulator, { projectId: emulator.projects["ap-southeast-1"]! });
    await queryOffsiteBackupInstances({}, configured);
    expect(requestsOf(emulator, "listProjects")).toHaveLength(0);
  });

  it("explains a configured region without a project, naming every place its project id may be set", async () => {
    const configured = lookupFor(emulator, { region: "cn-north-4" });
    const error = await queryOffsiteBackupInstances({}, configured).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toContain('IAM has no project named "cn-north-4" visible to these credentials');
    expect(String(error)).toContain("Set projectId (arguments), or huaweicloud-rds-offsite:projectId (stack config)");
    expect(String(error)).toContain("HW_PROJECT_ID (environment)");
  });

  it("tells to pass projectId for a region passed as an argument: configured ids belong to the configured region", async () => {
    const error = await queryOffsiteBackupInstances({ region: "cn-north-4" }, lookup).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toContain('IAM has no project named "cn-north-4" visible to these credentials');
    expect(String(error)).toContain(
      "Pass projectId with the region argument: a configured project id belongs to the configured region (ap-southeast-1).",
    );
    // Setting HW_PROJECT_ID or huaweicloud:projectId would not help: they are never used for another region.
    expect(String(error)).not.toContain("HW_PROJECT_ID");
    expect(String(error)).not.toContain("huaweicloud:projectId");
  });

  it("refuses to guess between several projects of a region", async () => {
    const error = await queryOffsiteBackupInstances({ region: "la-north-2" }, lookup).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(String(error)).toMatch(/IAM has 2 projects named "la-north-2" \([0-9a-f]{32}, [0-9a-f]{32}\); choose one/);
  });
});
