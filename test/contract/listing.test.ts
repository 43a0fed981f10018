import { beforeEach, describe, expect, it } from "vitest";
import { IncompleteListingError } from "../../src/core/client/errors/IncompleteListingError";
import { queryOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { emulatorForFile, requestsOf } from "../support/emulator";

const sizes = {
  "cn-north-4": 0,
  "cn-east-3": 1,
  "ap-southeast-1": 100,
  "la-north-2": 101,
  "af-south-1": 237,
  "cn-south-1": 10_000,
};
const { emulator, lookup } = await emulatorForFile({ regions: sizes });

beforeEach(() => emulator.resetStats());

describe("listing offsite backup instances, driven by total_count", () => {
  it.each(
    Object.entries(sizes),
  )("returns every one of the instances in %s (%i) with the fewest requests", async (region, size) => {
    const result = await queryOffsiteBackupInstances({ region }, lookup);

    const expectedIds = emulator.dataset.instances(region).map((instance) => instance.id);
    expect(result.totalCount).toBe(size);
    expect(result.ids).toEqual(expectedIds);
    expect(result.region).toBe(region);
    const pages = requestsOf(emulator, "listOffsiteInstances");
    expect(pages).toHaveLength(Math.max(1, Math.ceil(size / 100)));
    expect(pages.map((page) => page.query.offset?.[0]).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: pages.length }, (_, index) => String(index * 100)),
    );
    expect(pages.every((page) => page.query.limit?.[0] === "100" && page.status === 200)).toBe(true);
  });

  it("maps every wire field to camelCase and leaves absent fields absent", async () => {
    const result = await queryOffsiteBackupInstances({ region: "af-south-1" }, lookup);
    const wire = emulator.dataset.instances("af-south-1");
    for (const [index, instance] of result.instances.entries()) {
      const source = wire[index]!;
      expect(instance).toEqual({
        id: source.id,
        name: source.name,
        sourceRegion: source.source_region,
        sourceProjectId: source.source_project_id,
        datastore: { type: source.datastore?.type, version: source.datastore?.version },
        destinationRegion: source.destination_region,
        destinationProjectId: source.destination_project_id,
        keepDays: source.keep_days,
      });
    }
    expect(result.instances.some((instance) => instance.keepDays === undefined)).toBe(true);
  });

  it("fetches pages after the first concurrently", async () => {
    emulator.setLatency(30);
    try {
      await queryOffsiteBackupInstances({ region: "cn-south-1" }, lookup);
    } finally {
      emulator.setLatency(0);
    }
    expect(emulator.maxInFlight).toBe(16);
  });

  it("reads a listing again when it changed between pages, and returns the consistent second reading", async () => {
    let mutated = false;
    emulator.onRequest((entry) => {
      if (!mutated && entry.operation === "listOffsiteInstances" && entry.query.offset?.[0] === "100") {
        mutated = true;
        emulator.dataset.addInstances("la-north-2", 1);
      }
    });
    try {
      const result = await queryOffsiteBackupInstances({ region: "la-north-2" }, lookup);
      expect(result.totalCount).toBe(102);
      expect(result.ids).toEqual(emulator.dataset.instances("la-north-2").map((instance) => instance.id));
      expect(requestsOf(emulator, "listOffsiteInstances")).toHaveLength(2 + 2);
    } finally {
      emulator.onRequest(undefined);
    }
  });

  it("refuses a listing that is inconsistent twice rather than returning part of it", async () => {
    emulator.onRequest((entry) => {
      if (entry.operation === "listOffsiteInstances" && entry.query.offset?.[0] === "100") {
        emulator.dataset.addInstances("af-south-1", 1);
      }
    });
    try {
      const error = await queryOffsiteBackupInstances({ region: "af-south-1" }, lookup).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(IncompleteListingError);
      expect(String(error)).toMatch(/total_count was 237, then 238 at offset 100/);
      expect(String(error)).toMatch(/then total_count was 238, then 239 at offset 100/);
    } finally {
      emulator.onRequest(undefined);
    }
  });
});
