import { describe, expect, it } from "vitest";

import { useEmulator, withEmulator } from "../support/emulator";
import { listInstances, listRestoreTimes, projectOf } from "./fixtures";

const MINUTE = 60_000;
const DAY = 86_400_000;
const anchorTime = Date.UTC(2026, 11, 1, 6);
const REGION = "ap-southeast-3";

describe("the readiness cases (readinessCases: REGION)", () => {
  const emulator = useEmulator({ anchorTime, regions: { [REGION]: 120 }, readinessCases: REGION });

  it("are listed after the region's generated instances, on the pages the total counts", async () => {
    const e = emulator();
    const projectId = projectOf(e, REGION);
    const second = await listInstances(e, projectId, { offset: "100", limit: "100" });
    expect(second.status).toBe(200);
    expect(second.body.total_count).toBe(126);
    const names = second.body.offsite_backup_instances.slice(20).map((item: { name: string }) => item.name);
    expect(names).toEqual([
      "dr-stale-orders",
      "dr-holes-billing",
      'crm <legacy> & "old"\u001b[31m',
      "dr-failing-ledger",
      "dr-archive-erp",
      "dr-ready-payments",
    ]);
    const straddling = await listInstances(e, projectId, { offset: "118", limit: "4" });
    expect(straddling.body.offsite_backup_instances.map((item: { name: string }) => item.name).slice(2)).toEqual([
      "dr-stale-orders",
      "dr-holes-billing",
    ]);
  });

  it("answer each lookup as their case says, relative to the anchor", async () => {
    const e = emulator();
    const projectId = projectOf(e, REGION);
    const byName = new Map(e.dataset.instances(REGION).map((instance) => [instance.name, instance]));
    const ranges = async (name: string) => {
      const res = await listRestoreTimes(e, projectId, byName.get(name)!.id);
      return { status: res.status, body: res.body };
    };
    expect(await ranges("dr-stale-orders")).toEqual({
      status: 200,
      body: { restore_time: [{ start_time: anchorTime - 7 * DAY + 10 * MINUTE, end_time: anchorTime - 3 * DAY }] },
    });
    expect((await ranges("dr-holes-billing")).body.restore_time).toHaveLength(3);
    expect(await ranges('crm <legacy> & "old"\u001b[31m')).toEqual({ status: 200, body: { restore_time: [] } });
    expect(await ranges("dr-failing-ledger")).toEqual({
      status: 500,
      body: { error_code: "DBS.108000", error_msg: "Server failure." },
    });
    expect(byName.get("dr-archive-erp")?.keep_days).toBe(1825);
    expect((await ranges("dr-archive-erp")).body.restore_time[0].start_time).toBe(anchorTime - 1825 * DAY);
  });

  it("are absent unless asked for: the default dataset is unchanged", async () => {
    await withEmulator({ anchorTime, regions: { [REGION]: 120 } }, (plain) => {
      expect(plain.dataset.instances(REGION).map((instance) => instance.id)).toEqual(
        emulator()
          .dataset.instances(REGION)
          .slice(0, 120)
          .map((instance) => instance.id),
      );
      expect(plain.dataset.instances(REGION).some((instance) => instance.id.startsWith("ca5e000"))).toBe(false);
    });
  });
});
