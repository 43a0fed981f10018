import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getOffsiteBackupInstances as coreInstances } from "../../src/core";
import { clearCredentialChains } from "../../src/core/client/credentials/chain";
import { clearProjectIdCache } from "../../src/core/client/iam/resolveProjectId";
import { getOffsiteBackupInstances } from "../../src/pulumi";
import { emulatorForFile, requestsOf } from "../support/emulator";

// Issue 20: the credential chain's places are settings like any other (rows of src/core/client/settings/table.ts),
// read from the lookup's own environment, and OIDC federation speaks STS AssumeAgencyWithOIDC as the official SDKs do.
const PROVIDER_URN = "iam::0123456789abcdef0123456789abcdef:oidcProvider:GitLabCI";
const AGENCY_URN = "iam::0123456789abcdef0123456789abcdef:agency:rds-reader";
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 9 },
  credentialServices: {
    oidcProviders: { [PROVIDER_URN]: { agencies: [AGENCY_URN], idTokens: ["eyJ.gitlab-job.sig"] } },
  },
});
const services = emulator.credentialServices;
const dir = mkdtempSync(join(tmpdir(), "credential-settings-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const missing = join(dir, "missing");
const { accessKey, secretKey } = emulator.credentials;

/** What every environment here holds: the emulator's endpoints, no key, every chain source pointed at nothing. */
function nothing(): Record<string, string> {
  return {
    HW_ACCESS_KEY: "",
    HW_SECRET_KEY: "",
    HUAWEICLOUD_SDK_AK: "",
    HUAWEICLOUD_SDK_SK: "",
    HW_REGION_NAME: "ap-southeast-1",
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    HW_MAX_RETRIES: "0",
    HOME: dir,
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: missing,
    HW_SHARED_CONFIG_FILE: missing,
    HW_METADATA_ENDPOINT: "http://127.0.0.1:9",
  };
}

/** A CI job set up for OIDC federation (no id token yet): `nothing()`, STS at the emulator, the provider and agency. */
function oidcJob(): Record<string, string> {
  return {
    ...nothing(),
    HUAWEICLOUD_SDK_STS_ENDPOINT: emulator.url,
    HUAWEICLOUD_OIDC_PROVIDER_URN: PROVIDER_URN,
    HUAWEICLOUD_OIDC_AGENCY_URN: AGENCY_URN,
  };
}

/** Sets each variable in this process's environment (undone after each test). */
function stubProcessEnv(env: Record<string, string>) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
}

beforeEach(() => {
  clearCredentialChains();
  clearProjectIdCache();
});
afterEach(() => vi.unstubAllEnvs());

describe("OIDC federation through STS (AssumeAgencyWithOIDC)", () => {
  it("a CI job with only an id token file and the provider and agency URNs", async () => {
    stubProcessEnv({ ...oidcJob(), HUAWEICLOUD_OIDC_TOKEN_FILE: file("gitlab-token", "eyJ.gitlab-job.sig\n") });
    const before = services.calls.length;
    expect((await getOffsiteBackupInstances()).ids).toHaveLength(9);
    expect(services.calls.slice(before)).toEqual(["sts:assume-with-oidc"]);
    // Exactly the body Huawei's Python SDK 3.1.219 sends (test/contract/officialSdkCredentials.test.ts checks its).
    expect(services.stsRequests.at(-1)).toEqual({
      provider_urn: PROVIDER_URN,
      agency_urn: AGENCY_URN,
      agency_session_name: "oidc-sts-session",
      id_token: "eyJ.gitlab-job.sig",
      duration_seconds: 3600,
    });
    expect(requestsOf(emulator, "listOffsiteInstances").at(-1)!.signedHeaders).toContain("x-security-token");
  });

  it("sends the session name, lifetime and session policies the SDK's variables set", async () => {
    const env = {
      ...oidcJob(),
      HUAWEICLOUD_OIDC_ID_TOKEN: "eyJ.gitlab-job.sig",
      HUAWEICLOUD_OIDC_SESSION_NAME: "pipeline-42",
      HUAWEICLOUD_OIDC_DURATION_SECONDS: "900",
      HUAWEICLOUD_OIDC_POLICY: '{"Version":"5.0","Statement":[]}',
      HUAWEICLOUD_OIDC_POLICY_IDS: "p1, p2",
    };
    expect((await coreInstances({}, { env })).ids).toHaveLength(9);
    expect(services.stsRequests.at(-1)).toEqual({
      provider_urn: PROVIDER_URN,
      agency_urn: AGENCY_URN,
      agency_session_name: "pipeline-42",
      id_token: "eyJ.gitlab-job.sig",
      duration_seconds: 900,
      policy: '{"Version":"5.0","Statement":[]}',
      policy_ids: ["p1", "p2"],
    });
  });

  it("takes the id token given inline before the token file, as the official SDKs do", async () => {
    const env = {
      ...oidcJob(),
      HUAWEICLOUD_OIDC_ID_TOKEN: "eyJ.gitlab-job.sig",
      HUAWEICLOUD_OIDC_TOKEN_FILE: file("stale-token", "eyJ.stale.sig"),
    };
    expect((await coreInstances({}, { env })).ids).toHaveLength(9);
    expect(services.stsRequests.at(-1)?.id_token).toBe("eyJ.gitlab-job.sig");
  });

  it("a refused id token: the error says what STS answered, never the token", async () => {
    const env = {
      ...oidcJob(),
      HUAWEICLOUD_OIDC_ID_TOKEN: "eyJ.forged.sig",
    };
    const error = await coreInstances({}, { env }).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toContain(
      "OIDC federation (HUAWEICLOUD_OIDC_*): STS /v5/agencies/assume-with-oidc answered HTTP 400 STS5.0403",
    );
    expect(error?.message).not.toContain("eyJ.forged.sig");
  });

  it("an id token lifetime out of range is refused by name before any request", async () => {
    const env = { ...nothing(), HUAWEICLOUD_OIDC_DURATION_SECONDS: "60" };
    const before = emulator.requests.length;
    await expect(coreInstances({}, { env })).rejects.toThrow(
      "Invalid HUAWEICLOUD_OIDC_DURATION_SECONDS in environment: must be an integer from 900 to 43200, got",
    );
    expect(emulator.requests.length).toBe(before);
  });

  // STS AssumeAgencyWithOIDC takes 900 to 43200 seconds (the agency's maximum session, at most 12 h): a value STS would
  // refuse is refused here first, by name.
  it("a lifetime past STS's 12 hours is refused by name before any request", async () => {
    const env = {
      ...oidcJob(),
      HUAWEICLOUD_OIDC_ID_TOKEN: "eyJ.gitlab-job.sig",
      HUAWEICLOUD_OIDC_DURATION_SECONDS: "43201",
    };
    const calls = services.calls.length;
    const requests = emulator.requests.length;
    await expect(coreInstances({}, { env })).rejects.toThrow(
      'Invalid HUAWEICLOUD_OIDC_DURATION_SECONDS in environment: must be an integer from 900 to 43200, got "43201"',
    );
    expect(services.calls.slice(calls)).toEqual([]);
    expect(emulator.requests.length).toBe(requests);
  });

  it("12 hours is asked of STS as is, and STS grants it", async () => {
    const env = {
      ...oidcJob(),
      HUAWEICLOUD_OIDC_ID_TOKEN: "eyJ.gitlab-job.sig",
      HUAWEICLOUD_OIDC_DURATION_SECONDS: "43200",
    };
    expect((await coreInstances({}, { env })).ids).toHaveLength(9);
    expect(services.stsRequests.at(-1)?.duration_seconds).toBe(43_200);
  });
});

describe("the lookup's own environment decides the chain, not the process's", () => {
  // The process's environment points every source at something that would work (or fail differently): a profile
  // file with the emulator's key, OIDC URNs. The lookup's environment, which the call passes, must win.
  function processHasOtherSources() {
    stubProcessEnv({
      ...nothing(),
      HUAWEICLOUD_SDK_CREDENTIALS_FILE: file("process-profile", `[basic]\nak = ${accessKey}\nsk = ${secretKey}\n`),
    });
  }

  it("the profile file", async () => {
    processHasOtherSources();
    const env = { ...nothing(), HUAWEICLOUD_SDK_CREDENTIALS_FILE: missing };
    await expect(coreInstances({}, { env })).rejects.toThrow("profile file ~/missing: not found");
    const good = {
      ...nothing(),
      HUAWEICLOUD_SDK_CREDENTIALS_FILE: file("lookup-profile", `[basic]\nak = ${accessKey}\nsk = ${secretKey}\n`),
    };
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", missing);
    expect((await coreInstances({}, { env: good })).ids).toHaveLength(9);
  });

  it("OIDC federation", async () => {
    processHasOtherSources();
    const env = {
      ...oidcJob(),
      HUAWEICLOUD_OIDC_ID_TOKEN: "eyJ.gitlab-job.sig",
    };
    const before = services.calls.length;
    expect((await coreInstances({}, { env })).ids).toHaveLength(9);
    expect(services.calls.slice(before)).toEqual(["sts:assume-with-oidc"]);
  });

  it("the ECS metadata service", async () => {
    processHasOtherSources();
    const metadata = await services.startMetadata();
    try {
      const before = services.calls.length;
      const env = { ...nothing(), HW_METADATA_ENDPOINT: metadata.url };
      expect((await coreInstances({}, { env })).ids).toHaveLength(9);
      expect(services.calls.slice(before)).toEqual(["metadata:token", "metadata:securitykey"]);
    } finally {
      await metadata.close();
    }
  });

  it("the home directory of the default profile file", async () => {
    processHasOtherSources();
    const home = mkdtempSync(join(tmpdir(), "lookup-home-"));
    // A profile file in the process's home that would work; the lookup's home has none.
    const processHome = mkdtempSync(join(tmpdir(), "process-home-"));
    mkdirSync(join(processHome, ".huaweicloud"));
    writeFileSync(join(processHome, ".huaweicloud", "credentials"), `[basic]\nak = ${accessKey}\nsk = ${secretKey}\n`);
    vi.stubEnv("HOME", processHome);
    vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", "");
    const env = { ...nothing(), HOME: home, HUAWEICLOUD_SDK_CREDENTIALS_FILE: "", HW_SHARED_CONFIG_FILE: "" };
    // Named `~/…` in the lookup's home: the user name is not shown.
    await expect(coreInstances({}, { env })).rejects.toThrow(
      "Tried after them, in order: profile file ~/.huaweicloud/credentials: not found; shared config file ~/.hcloud/config.json: not found;",
    );
  });
});
