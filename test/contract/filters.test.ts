import { describe, expect, it } from "vitest";
import { queryOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import type { OffsiteBackupInstance } from "../../src/core/dataSources/types";
import { emulatorForFile, requestsOf } from "../support/emulator";

const { emulator, lookup } = await emulatorForFile({ regions: { "ap-southeast-1": 237 } });
const everything = await queryOffsiteBackupInstances({ region: "ap-southeast-1" }, lookup);
const sample = everything.instances.find((instance) => instance.keepDays !== undefined && instance.sourceProjectId)!;

const filters: [string, string | number, (instance: OffsiteBackupInstance) => unknown][] = [
  ["instanceId", sample.id, (instance) => instance.id],
  ["name", sample.name!, (instance) => instance.name],
  ["sourceRegion", sample.sourceRegion!, (instance) => instance.sourceRegion],
  ["sourceProjectId", sample.sourceProjectId!, (instance) => instance.sourceProjectId],
  ["destinationRegion", "ap-southeast-1", (instance) => instance.destinationRegion],
  ["destinationProjectId", sample.destinationProjectId!, (instance) => instance.destinationProjectId],
  ["datastoreType", "PostgreSQL", (instance) => instance.datastore.type],
  ["keepDays", sample.keepDays!, (instance) => instance.keepDays],
];

describe("exact-match filters", () => {
  it.each(filters)("%s = %j returns a non-empty result whose every row matches", async (key, value, field) => {
    const result = await queryOffsiteBackupInstances({ region: "ap-southeast-1", [key]: value }, lookup);
    expect(result.instances.length).toBeGreaterThan(0);
    expect(result.instances.every((instance) => field(instance) === value)).toBe(true);
    expect(result.ids).toEqual(result.instances.map((instance) => instance.id));
    expect(result.instances).toEqual(everything.instances.filter((instance) => field(instance) === value));
    expect(result.totalCount).toBe(237);
  });

  it("combines filters with AND", async () => {
    const result = await queryOffsiteBackupInstances(
      { region: "ap-southeast-1", datastoreType: sample.datastore.type!, sourceRegion: sample.sourceRegion! },
      lookup,
    );
    expect(result.instances.length).toBeGreaterThan(0);
    expect(
      result.instances.every(
        (instance) =>
          instance.datastore.type === sample.datastore.type && instance.sourceRegion === sample.sourceRegion,
      ),
    ).toBe(true);
  });

  it("returns an empty result, not an error, when nothing matches", async () => {
    const result = await queryOffsiteBackupInstances({ region: "ap-southeast-1", name: "no-such-instance" }, lookup);
    expect(result).toEqual({ region: "ap-southeast-1", instances: [], ids: [], totalCount: 237 });
  });

  it.each(["mysql", "MYSQL", "MySql"])("matches the engine %j case-insensitively", async (datastoreType) => {
    const result = await queryOffsiteBackupInstances({ region: "ap-southeast-1", datastoreType }, lookup);
    expect(result.instances.length).toBeGreaterThan(0);
    expect(result.instances).toEqual(everything.instances.filter((instance) => instance.datastore.type === "MySQL"));
  });

  it.each([
    "Oracle",
    "my sql",
    "",
  ])("refuses the engine %j before any request, listing the known ones", async (datastoreType) => {
    emulator.resetStats();
    await expect(queryOffsiteBackupInstances({ region: "ap-southeast-1", datastoreType }, lookup)).rejects.toThrowError(
      `Invalid argument "datastoreType": ${JSON.stringify(datastoreType)} is not an engine of the API; known engines: MySQL, PostgreSQL, SQLServer, MariaDB`,
    );
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses a badly typed filter before any request", async () => {
    emulator.resetStats();
    await expect(
      queryOffsiteBackupInstances({ region: "ap-southeast-1", keepDays: "7" as unknown as number }, lookup),
    ).rejects.toThrowError('Invalid argument "keepDays": must be an integer, got the string "7"');
    expect(requestsOf(emulator, "listOffsiteInstances")).toHaveLength(0);
    expect(emulator.requests).toHaveLength(0);
  });
});
