import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/core/client/errors/ConfigurationError";
import { InvalidArgumentError } from "../../src/core/client/errors/InvalidArgumentError";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";

const stack = (values: Record<string, string>) => (key: string) => values[key];

describe("settings precedence: arguments → huaweicloud-rds-offsite:* → huaweicloud:* → environment", () => {
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

  it("names every key to set when credentials or region are missing", async () => {
    // Issue 20: with no key in the settings, the rest of the chain is looked at on the first request.
    // The lookup's environment (not the process's) places the chain's files and services.
    const nowhere = {
      HUAWEICLOUD_SDK_CREDENTIALS_FILE: "/nonexistent/credentials",
      HW_SHARED_CONFIG_FILE: "/nonexistent/config.json",
      HW_METADATA_ENDPOINT: "http://127.0.0.1:9",
    };
    const settings = settingsFor({ region: "cn-north-4" }, { env: nowhere, stackConfig: stack({}) });
    const error = await settings.credentials!.credentials().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(
      "No Huawei Cloud credentials are set. Set huaweicloud-rds-offsite:accessKey and huaweicloud-rds-offsite:secretKey (stack config), or HW_ACCESS_KEY and HW_SECRET_KEY (environment). Tried after them, in order: profile file /nonexistent/credentials: not found; shared config file /nonexistent/config.json: not found;",
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
      'Invalid huaweicloud-rds-offsite:rdsEndpoint in stack config: "ftp://x" must be an http(s) URL without query or fragment',
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

describe("the huaweicloud provider's keys, with that provider's meaning", () => {
  const credentials = { accessKey: "HW_AK", secretKey: "HW_SK", region: "cn-north-4" };

  it("reads region, credentials, project id and maxRetries from huaweicloud:*, after this package's namespace", () => {
    const provider = stack({ ...credentials, securityToken: "HW_TOKEN", projectId: "hwproject", maxRetries: "7" });
    expect(settingsFor({}, { env: {}, providerConfig: provider })).toMatchObject({
      region: "cn-north-4",
      accessKey: "HW_AK",
      secretKey: "HW_SK",
      securityToken: "HW_TOKEN",
      projectId: "hwproject",
      maxRetries: 7,
    });
    const own = stack({ region: "ap-southeast-1", accessKey: "OWN_AK", secretKey: "OWN_SK", maxRetries: "1" });
    expect(
      settingsFor({}, { env: { HW_REGION_NAME: "la-north-2" }, stackConfig: own, providerConfig: provider }),
    ).toMatchObject({ region: "ap-southeast-1", accessKey: "OWN_AK", securityToken: undefined, maxRetries: 1 });
    expect(
      settingsFor({}, { env: { HW_ACCESS_KEY: "ENV_AK", HW_SECRET_KEY: "ENV_SK" }, providerConfig: provider }),
    ).toMatchObject({ accessKey: "HW_AK" });
  });

  it("takes authUrl as Terraform's IAM URL with /v3, and the endpoints map's rds and iam entries", () => {
    expect(
      settingsFor({}, { env: {}, providerConfig: stack({ ...credentials, authUrl: "https://iam.example.test/v3" }) }),
    ).toMatchObject({
      iamEndpoint: "https://iam.example.test",
      rdsEndpoint: "https://rds.cn-north-4.myhuaweicloud.com",
    });
    const endpoints = JSON.stringify({ rds: "http://127.0.0.1:9000/", iam: "http://127.0.0.1:9001/v3/", ecs: "x" });
    expect(
      settingsFor(
        {},
        { env: {}, providerConfig: stack({ ...credentials, endpoints, authUrl: "https://iam.example.test/v3" }) },
      ),
    ).toMatchObject({ rdsEndpoint: "http://127.0.0.1:9000", iamEndpoint: "http://127.0.0.1:9001" });
  });

  it("builds default endpoints from cloud, the domain suffix", () => {
    expect(
      settingsFor({}, { env: {}, providerConfig: stack({ ...credentials, cloud: "myhuaweicloud.eu" }) }),
    ).toMatchObject({
      rdsEndpoint: "https://rds.cn-north-4.myhuaweicloud.eu",
      iamEndpoint: "https://iam.cn-north-4.myhuaweicloud.eu",
    });
    expect(() =>
      settingsFor({}, { env: {}, providerConfig: stack({ ...credentials, cloud: "https://x" }) }),
    ).toThrowError(
      'Invalid huaweicloud:cloud in stack config: "https://x" is not a domain name such as "myhuaweicloud.com"',
    );
  });

  it("names the key for a bad endpoints map or a bad entry", () => {
    expect(() =>
      settingsFor({}, { env: {}, providerConfig: stack({ ...credentials, endpoints: "rds=x" }) }),
    ).toThrowError(
      'Invalid huaweicloud:endpoints in stack config: must be a map of service name to URL, e.g. {"rds":"https://rds.ap-southeast-1.myhuaweicloud.com"}',
    );
    expect(() =>
      settingsFor({}, { env: {}, providerConfig: stack({ ...credentials, endpoints: '{"rds":"ftp://x"}' }) }),
    ).toThrowError(
      'Invalid huaweicloud:endpoints.rds in stack config: "ftp://x" must be an http(s) URL without query or fragment',
    );
  });
});

describe("a project id is used only for its region", () => {
  const keys = { HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" };

  it("never pairs a configured project id with an explicit region that differs from the configured one", () => {
    // The reported case: HW_PROJECT_ID, huaweicloud:region=ap-southeast-1, region: "cn-north-4".
    const lookup = {
      env: { ...keys, HW_PROJECT_ID: "envproject" },
      providerConfig: stack({ region: "ap-southeast-1" }),
    };
    expect(settingsFor({ region: "cn-north-4" }, lookup).projectId).toBeUndefined();
    // Even when the project id's own source names that region: the explicit region is not the configured one.
    const named = {
      env: { ...keys, HW_REGION_NAME: "cn-north-4", HW_PROJECT_ID: "cnproject" },
      providerConfig: stack({ region: "ap-southeast-1" }),
    };
    expect(settingsFor({ region: "cn-north-4" }, named).projectId).toBeUndefined();
  });

  it("gives a project id from a source that names no region to the configured region", () => {
    const lookup = {
      env: { ...keys, HW_PROJECT_ID: "envproject" },
      providerConfig: stack({ region: "ap-southeast-1" }),
    };
    expect(settingsFor({}, lookup)).toMatchObject({ region: "ap-southeast-1", projectId: "envproject" });
    expect(settingsFor({ region: "ap-southeast-1" }, lookup).projectId).toBe("envproject");
  });

  it("uses a project id from a source that names a region only for that region", () => {
    const lookup = {
      env: keys,
      stackConfig: stack({ region: "ap-southeast-1" }),
      providerConfig: stack({ region: "cn-north-4", projectId: "cnproject" }),
    };
    expect(settingsFor({}, lookup)).toMatchObject({ region: "ap-southeast-1", projectId: undefined });
    const same = { env: keys, providerConfig: stack({ region: "cn-north-4", projectId: "cnproject" }) };
    expect(settingsFor({}, same).projectId).toBe("cnproject");
  });

  it("uses an explicit projectId argument with any region", () => {
    const lookup = {
      env: { ...keys, HW_PROJECT_ID: "envproject" },
      providerConfig: stack({ region: "ap-southeast-1" }),
    };
    expect(settingsFor({ region: "cn-north-4", projectId: "argproject" }, lookup).projectId).toBe("argproject");
    expect(settingsFor({ projectId: "argproject" }, lookup).projectId).toBe("argproject");
  });
});

describe("body cap and TLS settings, with the huaweicloud provider's keys", () => {
  const env = { HW_REGION_NAME: "cn-north-4", HW_ACCESS_KEY: "ENV_AK", HW_SECRET_KEY: "ENV_SK" };

  it("defaults to an 8 MiB body cap, verification on and the default roots", () => {
    expect(settingsFor({}, { env })).toMatchObject({
      maxResponseBytes: 8 * 1024 * 1024,
      insecure: false,
      cacertFile: undefined,
    });
  });

  it("reads HW_INSECURE and HW_CACERT_FILE, huaweicloud:insecure and huaweicloud:cacertFile, and names the key read", () => {
    expect(settingsFor({}, { env: { ...env, HW_INSECURE: "1", HW_CACERT_FILE: "/etc/ca.pem" } })).toMatchObject({
      insecure: true,
      cacertFile: "/etc/ca.pem",
      settingKeys: { insecure: "HW_INSECURE (environment)", cacertFile: "HW_CACERT_FILE (environment)" },
    });
    const providerConfig = stack({ insecure: "false", cacertFile: "/srv/ca.pem" });
    expect(settingsFor({}, { env: { ...env, HW_INSECURE: "true" }, providerConfig })).toMatchObject({
      insecure: false,
      cacertFile: "/srv/ca.pem",
      settingKeys: {
        insecure: "huaweicloud:insecure (stack config)",
        cacertFile: "huaweicloud:cacertFile (stack config)",
      },
    });
  });

  it("names the key of the security token (never its value)", () => {
    const settings = settingsFor({}, { env: { ...env, HUAWEICLOUD_SDK_SECURITY_TOKEN: "TOKEN" } });
    expect(settings.settingKeys?.securityToken).toBe("HUAWEICLOUD_SDK_SECURITY_TOKEN (environment)");
  });

  it("refuses an insecure value that is not true or false, and a body cap out of range", () => {
    expect(() => settingsFor({}, { env: { ...env, HW_INSECURE: "yes please" } })).toThrow(
      new ConfigurationError("insecure", 'Invalid HW_INSECURE in environment: must be true or false, got "yes please"'),
    );
    expect(() => settingsFor({ maxResponseBytes: 10 }, { env })).toThrow(
      new InvalidArgumentError("maxResponseBytes", "must be an integer from 1024 to 1073741824, got 10"),
    );
  });
});
