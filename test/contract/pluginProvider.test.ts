/**
 * The plugin's provider object without the engine: invokes dispatched by token to the core's queries, settings from
 * `configure` before the environment, identical invokes answered once, and errors as the TypeScript functions give.
 */
import { describe, expect, it } from "vitest";
import { pluginProvider } from "../../src/plugin/pluginProvider";
import { emulatorForFile, latestRestorable } from "../support/emulator";

const REGION = "ap-southeast-1";
const { emulator } = await emulatorForFile({ regions: { [REGION]: 12 } });

const settings = () => ({
  region: REGION,
  accessKey: emulator.credentials.accessKey,
  secretKey: emulator.credentials.secretKey,
  rdsEndpoint: emulator.url,
  iamEndpoint: emulator.url,
  maxRetries: 0,
});
const listing = "huaweicloud-rds-offsite:index:getOffsiteBackupInstances";

describe("the plugin's provider", () => {
  it("answers an invoke with the query's result, from configured settings over an empty environment", async () => {
    const provider = pluginProvider("0.1.0", {});
    provider.configure(settings());
    const { outputs } = await provider.invoke(listing, { datastoreType: "mysql" });
    const mysql = emulator.dataset.instances(REGION).filter((instance) => instance.datastore?.type === "MySQL");
    expect(outputs.region).toBe(REGION);
    expect(outputs.totalCount).toBe(12);
    expect(outputs.ids).toEqual(mysql.map((instance) => instance.id));
  });

  it("reads secret settings and arguments as the engine marks them", async () => {
    const secret = (value: unknown) => ({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      value,
    });
    const provider = pluginProvider("0.1.0", {});
    provider.configure({ ...settings(), secretKey: secret(emulator.credentials.secretKey) });
    const { outputs } = await provider.invoke(listing, { datastoreType: secret("mysql") });
    expect(outputs.totalCount).toBe(12);
  });

  it("answers identical invokes once, and afresh after new settings", async () => {
    const provider = pluginProvider("0.1.0", {});
    provider.configure(settings());
    const count = () => emulator.requests.filter((request) => request.operation === "listOffsiteInstances").length;
    const before = count();
    await provider.invoke(listing, {});
    const once = count() - before;
    await provider.invoke(listing, {});
    expect(count() - before).toBe(once);
    provider.configure(settings());
    await provider.invoke(listing, {});
    expect(count() - before).toBe(2 * once);
  });

  it("refuses a bad argument with the TypeScript function's message, before any request", async () => {
    const provider = pluginProvider("0.1.0", {});
    provider.configure(settings());
    const before = emulator.requests.length;
    await expect(provider.invoke(listing, { keepDays: "7" })).rejects.toThrow(
      'Invalid argument "keepDays": must be an integer, got the string "7"',
    );
    await expect(provider.invoke(listing, { instanceID: "x" })).rejects.toThrow(
      'Invalid argument "instanceID": unknown argument of getOffsiteBackupInstances; did you mean "instanceId"?',
    );
    expect(emulator.requests.length).toBe(before);
  });

  it("answers the readiness invoke: every instance judged, a failed lookup a row, durations as text", async () => {
    const provider = pluginProvider("0.1.0", {});
    provider.configure(settings());
    emulator.queueFault({ operation: "listRestoreTimes", status: 403 });
    const { outputs } = await provider.invoke("huaweicloud-rds-offsite:index:getOffsiteRecoveryReadiness", {
      maxLag: "2h",
      minCoverage: 0.5,
      asOf: "2026-12-01T00:00:00Z",
    });
    expect(outputs).toMatchObject({
      region: REGION,
      maxLagMs: 7_200_000,
      minCoverage: 0.5,
      asOf: Date.UTC(2026, 11, 1),
    });
    const summary = outputs.summary as Record<string, number>;
    expect(summary.total).toBe(12);
    expect(summary.error).toBe(1);
    const rows = outputs.instances as { id: string; status: string; error?: { errorCode: string } }[];
    expect(rows[0]).toMatchObject({ status: "error", error: { errorCode: "DBS.200010" } });
    expect(rows.map((row) => row.id).sort()).toEqual(
      emulator.dataset
        .instances(REGION)
        .map((instance) => instance.id)
        .sort(),
    );
  });

  it("names its functions when asked for one it does not have", async () => {
    await expect(pluginProvider("0.1.0", {}).invoke("huaweicloud-rds-offsite:index:getBackups", {})).rejects.toThrow(
      "unknown function huaweicloud-rds-offsite:index:getBackups; this provider has huaweicloud-rds-offsite:index:getOffsiteBackupInstances, huaweicloud-rds-offsite:index:getOffsiteRestoreTimeRanges, huaweicloud-rds-offsite:index:checkRestoreTime, huaweicloud-rds-offsite:index:getOffsiteRecoveryReadiness",
    );
  });

  it("says why it sees no region: the engine hands a plugin only its own namespace", async () => {
    // The plugin's environment, not the test process's, places the chain's metadata service: never a real one.
    const provider = pluginProvider("0.1.0", { HOME: "/nonexistent", HW_METADATA_ENDPOINT: "http://127.0.0.1:9" });
    provider.configure({});
    await expect(provider.invoke(listing, {})).rejects.toThrow(
      "No region is set. Set region (arguments), or huaweicloud-rds-offsite:region (stack config), or HW_REGION_NAME (environment). The Pulumi engine hands this provider plugin only its own namespace, huaweicloud-rds-offsite:* (or an explicit provider's arguments): huaweicloud:* stack config is never seen here.",
    );
    provider.configure({ region: REGION });
    await expect(provider.invoke(listing, {})).rejects.toThrow(
      /^No Huawei Cloud credentials are set\. Set .*HW_ACCESS_KEY and HW_SECRET_KEY \(environment\)\. Tried after them, in order: profile file .*; ECS metadata \(http:\/\/127\.0\.0\.1:9\): .*\. The Pulumi engine hands this provider plugin only its own namespace/,
    );
  });

  describe("checkRestoreTime's onUnavailable", () => {
    const check = "huaweicloud-rds-offsite:index:checkRestoreTime";
    const refused = () => {
      const instanceId = emulator.dataset.instances(REGION)[0]!.id;
      const latest = latestRestorable(emulator, instanceId);
      return { instanceId, restoreTime: String(latest + 3_600_000) };
    };

    it('"fail" fails the invoke with the refusal message, the one the result carries otherwise', async () => {
      const provider = pluginProvider("0.1.0", {});
      provider.configure(settings());
      const { outputs } = await provider.invoke(check, refused());
      expect(outputs.restorable).toBe(false);
      expect(outputs.message).toMatch(/^Cannot restore DB instance .* Nearest available ranges? \(UTC\): /);
      expect(outputs.nearestRanges).toHaveLength(2);
      await expect(provider.invoke(check, { ...refused(), onUnavailable: "fail" })).rejects.toThrow(
        outputs.message as string,
      );
    });

    it('"warn" warns once through the given logger and answers restorable: false', async () => {
      const warnings: string[] = [];
      const provider = pluginProvider("0.1.0", {}, (message) => warnings.push(message));
      provider.configure(settings());
      const args = { ...refused(), onUnavailable: "warn" };
      const [first] = await Promise.all([provider.invoke(check, args), provider.invoke(check, args)]);
      expect(first.outputs.restorable).toBe(false);
      expect(warnings).toEqual([first.outputs.message]);
    });
  });
});
