import { beforeEach, describe, expect, it } from "vitest";
import { clearProjectIdCache } from "../../src/core/client/iam/resolveProjectId";
import {
  configure,
  offsiteBackupInstances,
  offsiteRestoreTimeRanges,
  restoreTimeCheck,
} from "../../src/pulumi/provider";
import { emulatorForFile } from "../support/emulator";

// What the engine calls for a data source registered by id: `configure` with the whole stack config, then `read`
// with the registered props (preview, up) or with the stored outputs (refresh).

const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 3, "cn-north-4": 2 },
  anchorTime: Date.UTC(2026, 10, 20, 12),
});

function stackConfig(region: string): Map<string, string> {
  return new Map([
    ["huaweicloud:region", region],
    ["huaweicloud:accessKey", emulator.credentials.accessKey],
    ["huaweicloud:secretKey", emulator.credentials.secretKey],
    ["huaweicloud-rds-offsite:rdsEndpoint", emulator.url],
    ["huaweicloud-rds-offsite:iamEndpoint", emulator.url],
  ]);
}
beforeEach(async () => {
  await configure({ config: stackConfig("ap-southeast-1") } as never);
  clearProjectIdCache();
  emulator.resetStats();
});

describe("read, as the engine calls it", () => {
  it("answers a failure the package describes with its message in a program's read, and fails a refresh's", async () => {
    await configure({ config: new Map([["huaweicloud:accessKey", emulator.credentials.accessKey]]) } as never);
    const args = { datastoreType: "MySQL" };
    const read = await offsiteBackupInstances.read("the-id", { args, inProgram: true });
    expect(read).toEqual({
      id: "the-id",
      props: {
        args,
        failure:
          "No region is set. Set region (arguments), or huaweicloud-rds-offsite:region (stack config), or huaweicloud:region (stack config), or HW_REGION_NAME (environment).",
      },
    });
    // refresh: the stored outputs, without the program's marker; no program runs to report it, so the read fails.
    await expect(offsiteBackupInstances.read("the-id", { args })).rejects.toThrow("No region is set.");
    expect(emulator.requests).toHaveLength(0);
  });

  it("keeps the arguments under args, apart from the outputs, so a refresh reads with the same arguments", async () => {
    const registered = { args: { datastoreType: "MySQL" }, region: undefined, instances: undefined };
    const first = await offsiteBackupInstances.read("the-id", registered);
    expect(first.id).toBe("the-id");
    expect(first.props).toMatchObject({ args: { datastoreType: "MySQL" }, region: "ap-southeast-1", totalCount: 3 });
    // refresh: the stored outputs come back as props; the output `region` must not become an argument.
    await configure({ config: stackConfig("cn-north-4") } as never);
    const refreshed = await offsiteBackupInstances.read("the-id", first.props ?? {});
    expect(refreshed.props).toMatchObject({ args: { datastoreType: "MySQL" }, region: "cn-north-4", totalCount: 2 });
  });

  it("reads restore ranges and echoes the date as an output only", async () => {
    const instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
    const result = await offsiteRestoreTimeRanges.read("id", { args: { instanceId } });
    expect(result.props).toEqual({
      args: { instanceId },
      instanceId,
      ranges: emulator.dataset.restoreRanges(instanceId).map((r) => ({ startTime: r.start_time, endTime: r.end_time })),
      failure: "",
    });
  });

  it("decides a restore time in the provider process: one IAM lookup, the day, and the full list only on a miss", async () => {
    const instanceId = emulator.dataset.instances("ap-southeast-1")[1]!.id;
    const ranges = emulator.dataset.restoreRanges(instanceId);
    const latest = Math.max(...ranges.map((r) => r.end_time));
    const hit = await restoreTimeCheck.read("id", { args: { instanceId, restoreTime: latest - 1000 } });
    expect(hit.props).toMatchObject({ restorable: true, restoreTime: latest - 1000 });
    expect(emulator.requests.map((r) => r.operation).sort()).toEqual(["listProjects", "listRestoreTimes"]);
    emulator.resetStats();
    const miss = await restoreTimeCheck.read("id", { args: { instanceId, restoreTime: latest + 1000 } });
    expect(miss.props).toMatchObject({ restorable: false, restoreTime: latest + 1000, ranges: expect.any(Array) });
    expect(miss.props?.range).toBeUndefined();
    expect((miss.props?.ranges as unknown[]).length).toBe(ranges.length);
    expect(emulator.requests.map((r) => [r.operation, r.query])).toEqual([
      ["listRestoreTimes", { date: [new Date(latest + 1000).toISOString().slice(0, 10)] }],
      ["listRestoreTimes", {}],
    ]);
  });
});

describe("arguments the program refused once known", () => {
  it("are read at once without any request: the program fails with the message, so nothing waits on the read", async () => {
    const message =
      'Invalid argument "date" of OffsiteRestoreTimeRanges "later": "2026-02-30" is not a calendar day in yyyy-mm-dd form';
    const args = { instanceId: "x", date: "2026-02-30" };
    const id = `invalid-arguments: ${message}`;
    expect(await offsiteRestoreTimeRanges.read(id, { args })).toEqual({ id, props: { args } });
    expect(emulator.requests).toHaveLength(0);
  });
});
