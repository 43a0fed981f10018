import { afterEach, describe, expect, it } from "vitest";
import { clearCredentialChains } from "../../src/core/client/credentials/chain";
import { InvalidArgumentError } from "../../src/core/client/errors/InvalidArgumentError";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";

// Settings resolved from the same values are reused across lookups (issue 23: resolving them on every lookup was CPU
// spent above the HTTP client). A lookup must still see every value as it is when it runs.

const env = () => ({ HW_REGION_NAME: "ap-southeast-1", HW_ACCESS_KEY: "REUSE_AK", HW_SECRET_KEY: "REUSE_SK" });

describe("settings of identical configuration are resolved once", () => {
  it("gives lookups built afresh with the same values the same read-only settings", () => {
    const first = settingsFor({}, { env: env(), stackConfig: () => undefined });
    const second = settingsFor({}, { env: env(), stackConfig: () => undefined });
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(() => {
      (first as { region: string }).region = "eu-west-101";
    }).toThrow(TypeError);
    expect(settingsFor({}, { env: env() }).region).toBe("ap-southeast-1");
  });

  it("sees a stack config value changed between two lookups of the same lookup object", () => {
    const config: Record<string, string> = { maxRetries: "2" };
    const lookup = { env: env(), stackConfig: (key: string) => config[key] };
    expect(settingsFor({}, lookup).maxRetries).toBe(2);
    config.maxRetries = "5";
    config.rdsEndpoint = "https://rds.example.test";
    expect(settingsFor({}, lookup)).toMatchObject({ maxRetries: 5, rdsEndpoint: "https://rds.example.test" });
  });

  it("sees the lookup's environment changed between two lookups, and the process's when it has none", () => {
    const variables: Record<string, string | undefined> = env();
    const lookup = { env: variables };
    expect(settingsFor({}, lookup).region).toBe("ap-southeast-1");
    variables.HW_REGION_NAME = "cn-north-4";
    variables.HW_SECURITY_TOKEN = "REUSE_TOKEN";
    expect(settingsFor({}, lookup)).toMatchObject({ region: "cn-north-4", securityToken: "REUSE_TOKEN" });

    const saved = process.env.HW_MAX_CONCURRENCY;
    const config: Record<string, string> = { region: "ap-southeast-1", accessKey: "REUSE_AK", secretKey: "REUSE_SK" };
    const processLookup = { stackConfig: (key: string) => config[key] };
    try {
      process.env.HW_MAX_CONCURRENCY = "3";
      expect(settingsFor({}, processLookup).maxConcurrency).toBe(3);
      process.env.HW_MAX_CONCURRENCY = "7";
      expect(settingsFor({}, processLookup).maxConcurrency).toBe(7);
    } finally {
      if (saved === undefined) delete process.env.HW_MAX_CONCURRENCY;
      else process.env.HW_MAX_CONCURRENCY = saved;
    }
  });

  it("tells arguments apart: another region, a projectId, an argument given as undefined", () => {
    expect(settingsFor({ region: "eu-west-101" }, { env: env() }).region).toBe("eu-west-101");
    expect(settingsFor({ region: "eu-west-101", projectId: "p1" }, { env: env() }).projectId).toBe("p1");
    expect(settingsFor({}, { env: env() }).projectId).toBeUndefined();
    expect(settingsFor({ maxRetries: 1 }, { env: env() }).maxRetries).toBe(1);
    expect(settingsFor({ maxRetries: "1" }, { env: env() }).maxRetries).toBe(1);
    expect(settingsFor({ maxRetries: undefined }, { env: env() }).maxRetries).toBe(3);
  });

  it("still refuses an argument of the wrong kind by name, every time", () => {
    for (let round = 0; round < 2; round += 1) {
      expect(() => settingsFor({ region: { name: "x" } as unknown as string }, { env: env() })).toThrow(
        InvalidArgumentError,
      );
      expect(() => settingsFor({ maxRetries: Number.NaN }, { env: env() })).toThrow(/maxRetries/);
      expect(() => settingsFor({ maxRetries: null as unknown as number }, { env: env() })).toThrow(/maxRetries/);
    }
  });

  it("signs with the chain built afresh after the chains are forgotten", async () => {
    const before = settingsFor({}, { env: env() });
    clearCredentialChains();
    const after = settingsFor({}, { env: env() });
    expect(after.credentials).not.toBe(before.credentials);
    await expect(after.credentials?.credentials()).resolves.toMatchObject({ accessKey: "REUSE_AK" });
  });
});

afterEach(() => {
  clearCredentialChains();
});
