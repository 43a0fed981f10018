import { describe, expect, it } from "vitest";
import type { Emulator, OffsiteBackupInstance } from "../../emulator";
import { withEmulator } from "../support/emulator";
import { listInstances, listRestoreTimes, projectOf } from "./fixtures";

const DAY = 86_400_000;
const anchorTime = Date.UTC(2025, 0, 10, 8);

function snapshot(e: Emulator) {
  return Object.keys(e.projects).map((region) => ({
    region,
    projectId: e.projects[region],
    instances: e.dataset.instances(region).map((i) => ({ ...i, ranges: e.dataset.restoreRanges(i.id) })),
  }));
}

const everyInstance = (e: Emulator): OffsiteBackupInstance[] =>
  Object.keys(e.projects).flatMap((region) => e.dataset.instances(region));

describe("dataset", () => {
  it("is byte-identical for the same seed and options, and different for another seed", async () => {
    const a = await withEmulator({ seed: 7, anchorTime }, (e) => JSON.stringify(snapshot(e)));
    const b = await withEmulator({ seed: 7, anchorTime }, (e) => JSON.stringify(snapshot(e)));
    const c = await withEmulator({ seed: 8, anchorTime }, (e) => JSON.stringify(snapshot(e)));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("draws every field from the seed, not only the ids", async () => {
    const fields = (e: Emulator) =>
      e.dataset.instances("ap-southeast-1").map((i) => [i.name, i.source_region, i.datastore, i.keep_days]);
    const a = await withEmulator({ seed: 7 }, fields);
    const b = await withEmulator({ seed: 8 }, fields);
    expect(b).not.toEqual(a);
  });

  it("has the default region sizes", async () => {
    const sizes = await withEmulator({}, (e) =>
      Object.fromEntries(Object.keys(e.projects).map((r) => [r, e.dataset.instances(r).length])),
    );
    expect(sizes).toEqual({ "cn-north-4": 12, "ap-southeast-1": 237, "eu-west-101": 3 });
  });

  it("shapes every item like the API page: ids, engines, versions, regions, keep_days", async () => {
    await withEmulator({ anchorTime }, (e) => {
      const all = everyInstance(e);
      const versions: Record<string, RegExp> = {
        MySQL: /^(5\.6|5\.7|8\.0)$/,
        PostgreSQL: /^1[2-6]$/,
        SQLServer: /^20(17|19|22)_(SE|EE)$/,
        MariaDB: /^10\.5$/,
      };
      const suffix: Record<string, string> = { MySQL: "in01", PostgreSQL: "in03", SQLServer: "in04", MariaDB: "in01" };
      for (const item of all) {
        expect(item.id).toMatch(/^[0-9a-f]{32}in0[134]$/);
        expect(item.datastore!.version).toMatch(versions[item.datastore!.type]!);
        expect(item.id.endsWith(suffix[item.datastore!.type]!)).toBe(true);
        expect(item.source_region).not.toBe(item.destination_region);
        expect(item.destination_project_id).toBe(e.projects[item.destination_region!]);
        if (item.keep_days !== undefined) expect(item.keep_days).toBeGreaterThanOrEqual(1);
        if (item.keep_days !== undefined) expect(item.keep_days).toBeLessThanOrEqual(732);
        expect(Object.keys(item)[0]).toBe("id");
      }
      expect(new Set(all.map((i) => i.datastore!.type))).toEqual(
        new Set(["MySQL", "PostgreSQL", "SQLServer", "MariaDB"]),
      );
      expect(new Set(all.map((i) => i.source_region)).size).toBeGreaterThan(5);
    });
  });

  it("omits keep_days for index % 10 == 7 and source_project_id for index % 25 == 11, and nothing else", async () => {
    await withEmulator({}, (e) => {
      e.dataset.instances("ap-southeast-1").forEach((item, index) => {
        expect("keep_days" in item).toBe(index % 10 !== 7);
        expect("source_project_id" in item).toBe(index % 25 !== 11);
        expect(Object.keys(item).length).toBe(8 - (index % 10 === 7 ? 1 : 0) - (index % 25 === 11 ? 1 : 0));
      });
    });
  });

  it("gives each instance 1-4 ascending, gapped ranges inside [anchor - keep_days, anchor]", async () => {
    await withEmulator({ anchorTime }, (e) => {
      const counts = new Set<number>();
      let crossingMidnight = 0;
      for (const item of everyInstance(e)) {
        const ranges = e.dataset.restoreRanges(item.id);
        counts.add(ranges.length);
        expect(ranges.length).toBeGreaterThanOrEqual(1);
        expect(ranges.length).toBeLessThanOrEqual(4);
        const keepDays = item.keep_days ?? 7;
        expect(ranges[0]!.start_time).toBeGreaterThanOrEqual(anchorTime - keepDays * DAY);
        expect(ranges.at(-1)!.end_time).toBeLessThanOrEqual(anchorTime);
        ranges.forEach((r, i) => {
          expect(Number.isSafeInteger(r.start_time) && Number.isSafeInteger(r.end_time)).toBe(true);
          expect(r.end_time).toBeGreaterThan(r.start_time);
          if (i > 0) expect(r.start_time).toBeGreaterThan(ranges[i - 1]!.end_time);
          if (Math.floor(r.start_time / DAY) !== Math.floor(r.end_time / DAY)) crossingMidnight++;
        });
      }
      expect(counts).toEqual(new Set([1, 2, 3, 4]));
      expect(crossingMidnight).toBeGreaterThan(0);
    });
  });

  it("starts with 100,000 instances in well under 200 ms (instances are built lazily)", async () => {
    const started = performance.now();
    await withEmulator({ regions: { "cn-north-4": 100_000 } }, async (e) => {
      expect(performance.now() - started).toBeLessThan(200);
      const last = await listInstances(e, projectOf(e, "cn-north-4"), { offset: "99990" });
      expect(last.body.total_count).toBe(100_000);
      expect(last.body.offsite_backup_instances).toHaveLength(10);
      const restore = await listRestoreTimes(e, projectOf(e, "cn-north-4"), last.body.offsite_backup_instances[9].id);
      expect(restore.status).toBe(200);
    });
  });

  it("resolves ids only to the instance that has them", async () => {
    await withEmulator({ anchorTime }, (e) => {
      const [instance] = e.dataset.instances("cn-north-4");
      const id = instance!.id;
      const otherTail = `${id.slice(0, 8)}${"0".repeat(24)}${id.slice(-4)}`;
      expect(() => e.dataset.restoreRanges(otherTail)).toThrow(/no instance/);
      expect(() => e.dataset.restoreRanges(id.toUpperCase())).toThrow(/no instance/);
      expect(e.dataset.restoreRanges(id).length).toBeGreaterThan(0);
    });
  });

  it("adds instances deterministically and removes them", async () => {
    const added = await withEmulator({ anchorTime }, (e) => e.dataset.addInstances("eu-west-101", 2));
    await withEmulator({ anchorTime }, (e) => {
      expect(e.dataset.addInstances("eu-west-101", 2)).toEqual(added);
      expect(e.dataset.instances("eu-west-101")).toHaveLength(5);
      expect(e.dataset.removeInstance(added[0]!.id)).toBe(true);
      expect(e.dataset.removeInstance(added[0]!.id)).toBe(false);
      expect(e.dataset.instances("eu-west-101").map((i) => i.id)).not.toContain(added[0]!.id);
      expect(() => e.dataset.restoreRanges(added[0]!.id)).toThrow(/no instance/);
      expect(() => e.dataset.addInstances("mars-1", 1)).toThrow(/not configured/);
    });
  });
});
