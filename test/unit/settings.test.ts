import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../sdk/client/errors/ConfigurationError";
import { InvalidArgumentError } from "../../sdk/client/errors/InvalidArgumentError";
import { settingsFor } from "../../sdk/queries/configurationLookup";

const stack = (values: Record<string, string>) => (key: string) => values[key];

describe("settings precedence: arguments → stack config → environment", () => {
  const env = {
    HW_REGION_NAME: "cn-north-4",
    HW_ACCESS_KEY: "ENV_AK",
    HW_SECRET_KEY: "ENV_SK",
    HW_PROJECT_ID: "envproject",
  };

  it("uses the environment when nothing else is set, with defaults and regional endpoints", () => {
    const settings = settingsFor({}, { env });
    expect(settings).toMatchObject({
      region: "cn-north-4",
      accessKey: "ENV_AK",
      secretKey: "ENV_SK",
      projectId: "envproject",
      rdsEndpoint: "https://rds.cn-north-4.myhuaweicloud.com",
      iamEndpoint: "https://iam.myhuaweicloud.com",
      maxRetries: 3,
      maxConcurrency: 16,
    });
  });

  it("prefers stack config over the environment and arguments over both", () => {
    const config = stack({ region: "ap-southeast-1", accessKey: "CFG_AK", secretKey: "CFG_SK" });
    expect(settingsFor({}, { env, stackConfig: config })).toMatchObject({
      region: "ap-southeast-1",
      accessKey: "CFG_AK",
    });
    expect(settingsFor({ region: "eu-west-101" }, { env, stackConfig: config })).toMatchObject({
      region: "eu-west-101",
      rdsEndpoint: "https://rds.eu-west-101.myhuaweicloud.eu",
      iamEndpoint: "https://iam.eu-west-101.myhuaweicloud.eu",
    });
  });

  it("takes credentials as a group: a token in the environment is not paired with a key from stack config", () => {
    const settings = settingsFor(
      {},
      {
        env: { ...env, HW_SECURITY_TOKEN: "ENV_TOKEN" },
        stackConfig: stack({ accessKey: "CFG_AK", secretKey: "CFG_SK" }),
      },
    );
    expect(settings).toMatchObject({ accessKey: "CFG_AK", secretKey: "CFG_SK", securityToken: undefined });
  });

  it("ignores a configured project id that belongs to another region", () => {
    expect(settingsFor({ region: "ap-southeast-1" }, { env }).projectId).toBeUndefined();
    expect(settingsFor({ region: "cn-north-4" }, { env }).projectId).toBe("envproject");
    expect(settingsFor({ region: "ap-southeast-1", projectId: "argproject" }, { env }).projectId).toBe("argproject");
  });

  it("reads the official SDK's variable names and Terraform's HW_AUTH_URL", () => {
    const settings = settingsFor(
      { region: "cn-north-4" },
      {
        env: {
          HUAWEICLOUD_SDK_AK: "SDK_AK",
          HUAWEICLOUD_SDK_SK: "SDK_SK",
          HUAWEICLOUD_SDK_SECURITY_TOKEN: "SDK_TOKEN",
          HW_AUTH_URL: "https://iam.example.test/v3",
          HW_RDS_ENDPOINT: "http://127.0.0.1:9000/",
          HW_MAX_RETRIES: "5",
        },
      },
    );
    expect(settings).toMatchObject({
      accessKey: "SDK_AK",
      secretKey: "SDK_SK",
      securityToken: "SDK_TOKEN",
      iamEndpoint: "https://iam.example.test",
      rdsEndpoint: "http://127.0.0.1:9000",
      maxRetries: 5,
    });
  });

  it("names every key to set when credentials or region are missing", () => {
    expect(() => settingsFor({ region: "cn-north-4" }, { env: {}, stackConfig: stack({}) })).toThrowError(
      new ConfigurationError(
        "accessKey",
        "No Huawei Cloud credentials are set. Set huaweicloud:accessKey and huaweicloud:secretKey (stack config), or HW_ACCESS_KEY and HW_SECRET_KEY (environment).",
      ),
    );
    expect(() => settingsFor({}, { env: { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" } })).toThrowError(
      "No region is set. Set region (arguments), or HW_REGION_NAME (environment).",
    );
    expect(() => settingsFor({}, { env: { HW_REGION_NAME: "cn-north-4", HW_ACCESS_KEY: "AK" } })).toThrowError(
      "An access key is set in environment but its secret key is not. Set HW_SECRET_KEY (environment) too.",
    );
  });

  it("refuses malformed values, naming the key the user set", () => {
    expect(() => settingsFor({}, { env: { ...env, HW_REGION_NAME: "North 4" } })).toThrowError(
      'Invalid HW_REGION_NAME in environment: "North 4" is not a Huawei Cloud region id such as "ap-southeast-1"',
    );
    expect(() => settingsFor({}, { env: { ...env, HW_MAX_RETRIES: "many" } })).toThrowError(
      'Invalid HW_MAX_RETRIES in environment: must be an integer from 0 to 10, got "many"',
    );
    expect(() => settingsFor({}, { env, stackConfig: stack({ rdsEndpoint: "ftp://x" }) })).toThrowError(
      'Invalid huaweicloud:rdsEndpoint in stack config: "ftp://x" must be an http(s) URL without query or fragment',
    );
    expect(() => settingsFor({ region: "moon" }, { env })).toThrowError(InvalidArgumentError);
  });

  it("never puts a secret in a configuration error", () => {
    try {
      settingsFor(
        {},
        { env: { HW_ACCESS_KEY: "AK_VISIBLE", HW_SECRET_KEY: "SK_SECRET", HW_REGION_NAME: "bad region" } },
      );
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("SK_SECRET");
      expect(String(error)).not.toContain("AK_VISIBLE");
    }
  });
});
