import { describe, expect, it } from "vitest";

import { queryOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { queryOffsiteRestoreTimeRanges } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { emulatorForFile, environmentFor, withEmulator } from "../support/emulator";

const secret = "TopSecretKeyThatMustNeverLeak0000000000";
const token = "TemporarySecurityTokenThatMustNeverLeak";
const accessKey = "TEMPORARYAK000000042";
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 5 },
  credentials: [{ accessKey, secretKey: secret, securityToken: token }],
});
const env = { ...environmentFor(emulator), HW_SECURITY_TOKEN: token };

describe("credentials", () => {
  it("signs with a temporary credential and sends its security token", async () => {
    const result = await queryOffsiteBackupInstances({ region: "ap-southeast-1" }, { env });
    expect(result.totalCount).toBe(5);
    const signed = emulator.requests.map((entry) => entry.signedHeaders?.join(";"));
    expect(signed.every((headers) => headers?.includes("x-security-token") && headers.includes("host"))).toBe(true);
  });

  it("is refused by the gateway with a wrong secret key, and the error shows no credential", async () => {
    const error = await queryOffsiteBackupInstances(
      { region: "ap-southeast-1", projectId: emulator.projects["ap-southeast-1"] },
      { env: { ...env, HW_SECRET_KEY: `${secret}x` } },
    ).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 401, errorCode: "APIG.0301", attempts: 1 });
    for (const text of [String(error), JSON.stringify(error), (error as Error).stack ?? ""]) {
      for (const credential of [secret, token, accessKey]) expect(text).not.toContain(credential);
    }
  });

  it("never puts a credential in a result, and the emulator's request log has none either", async () => {
    const instances = await queryOffsiteBackupInstances({ region: "ap-southeast-1" }, { env });
    const ranges = await queryOffsiteRestoreTimeRanges(
      { region: "ap-southeast-1", instanceId: instances.ids[0]! },
      { env },
    );
    const text = JSON.stringify([instances, ranges, emulator.requests]);
    for (const credential of [secret, token]) expect(text).not.toContain(credential);
  });

  it("rejects requests signed with another account's key", async () => {
    await withEmulator({ regions: { "ap-southeast-1": 1 } }, async (other) => {
      const error = await queryOffsiteBackupInstances(
        { region: "ap-southeast-1" },
        { env: { ...environmentFor(other), HW_ACCESS_KEY: accessKey, HW_SECRET_KEY: secret } },
      ).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 401, errorCode: "APIG.0301" });
      expect(String(error)).not.toContain(secret);
    });
  });
});
