import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { EmulatorCredential } from "../../emulator";
import { getOffsiteBackupInstances } from "../../src/core";
import { clearCredentialChains } from "../../src/core/client/credentials/chain";
import { clearProjectIdCache } from "../../src/core/client/iam/resolveProjectId";
import { configure, offsiteBackupInstances } from "../../src/pulumi/provider";
import { emulatorForFile } from "../support/emulator";

// Issue 20: a temporary credential the chain got (here from OIDC federation) and a server then echoes back — in an
// error body, as gateways do with the key they refused — never reaches the user: not in the error, not in a debug
// line, not in a resource's failure output.
const PROVIDER_URN = "iam::0123456789abcdef0123456789abcdef:oidcProvider:GitHubActions";
const AGENCY_URN = "iam::0123456789abcdef0123456789abcdef:agency:rds-reader";
const ID_TOKEN = "eyJ.redaction-job.sig";
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 4 },
  credentialServices: { oidcProviders: { [PROVIDER_URN]: { agencies: [AGENCY_URN], idTokens: [ID_TOKEN] } } },
});
const services = emulator.credentialServices;
const missing = join(mkdtempSync(join(tmpdir(), "credential-redaction-")), "missing");

beforeEach(() => {
  clearCredentialChains();
  clearProjectIdCache();
});
afterEach(() => vi.restoreAllMocks());

/** The next listing answers 400 with a body quoting, in plain text, the temporary credential STS will issue next. */
function echoNextCredential(): EmulatorCredential {
  const credential = services.nextIssued();
  emulator.queueFault({
    operation: "listOffsiteInstances",
    status: 400,
    body: {
      error_code: "DBS.280001",
      error_msg: `Request signed by ${credential.accessKey} (secret ${credential.secretKey}, token ${credential.securityToken}) is malformed`,
    },
  });
  return credential;
}

/** A lookup's environment whose only credential is OIDC federation through the emulator's STS, with ID_TOKEN. */
function oidcJob(): Record<string, string> {
  return {
    HW_REGION_NAME: "ap-southeast-1",
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    HW_PROJECT_ID: emulator.projects["ap-southeast-1"]!,
    HW_MAX_RETRIES: "0",
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: missing,
    HW_SHARED_CONFIG_FILE: missing,
    HW_METADATA_ENDPOINT: "http://127.0.0.1:9",
    HUAWEICLOUD_SDK_STS_ENDPOINT: emulator.url,
    HUAWEICLOUD_OIDC_PROVIDER_URN: PROVIDER_URN,
    HUAWEICLOUD_OIDC_AGENCY_URN: AGENCY_URN,
    HUAWEICLOUD_OIDC_ID_TOKEN: ID_TOKEN,
  };
}

function neverShown(text: string, credential: EmulatorCredential) {
  expect(text).not.toContain(credential.accessKey);
  expect(text).not.toContain(credential.secretKey);
  expect(text).not.toContain(credential.securityToken);
}

describe("a temporary credential a server echoes is never shown", () => {
  it("in a function's error, nor in the debug line", async () => {
    const said: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      said.push(String(chunk));
      return true;
    });
    const env = { ...oidcJob(), HW_DEBUG: "1" };
    const credential = echoNextCredential();
    const error = await getOffsiteBackupInstances({}, { env }).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    vi.restoreAllMocks();
    expect(services.issued.at(-1)?.securityToken).toBe(credential.securityToken);
    // The answer did reach the message, with the credential replaced by what it was.
    expect(error?.message).toContain("Request signed by [access key] (secret [secret key], token [security token])");
    neverShown(`${error?.message}\n${JSON.stringify(error)}\n${error?.stack}`, credential);
    expect(said.join("")).toContain("credentials from OIDC federation (HUAWEICLOUD_OIDC_*)");
    neverShown(said.join(""), credential);
    expect(said.join("")).not.toContain(ID_TOKEN);
  });

  it("nor an earlier one, after the chain refreshed it (a scan outliving its temporary credentials)", async () => {
    services.setLifetime(2_000);
    try {
      const env = oidcJob();
      expect((await getOffsiteBackupInstances({}, { env })).totalCount).toBe(4);
      const first = services.issued.at(-1)!;
      // Past half its 2 s life the chain fetches a fresh one; the gateway then quotes the first (a request that was
      // signed with it while the refresh happened).
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      emulator.queueFault({
        operation: "listOffsiteInstances",
        status: 400,
        body: { error_code: "DBS.280001", error_msg: `Stale key ${first.accessKey}, token ${first.securityToken}` },
      });
      const error = await getOffsiteBackupInstances({}, { env }).then(
        () => undefined,
        (thrown: unknown) => thrown as Error,
      );
      expect(services.issued.at(-1)).not.toBe(first);
      expect(error?.message).toContain("Stale key [access key], token [security token]");
      neverShown(String(error?.message), first);
    } finally {
      services.setLifetime(3_600_000);
    }
  });

  it("in a resource's failure output, with OIDC federation from stack config (huaweicloud-rds-offsite:*)", async () => {
    const key = (name: string) => `huaweicloud-rds-offsite:${name}`;
    await configure({
      config: new Map([
        [key("region"), "ap-southeast-1"],
        [key("rdsEndpoint"), emulator.url],
        [key("iamEndpoint"), emulator.url],
        [key("projectId"), emulator.projects["ap-southeast-1"]!],
        [key("maxRetries"), "0"],
        [key("credentialsFile"), missing],
        [key("sharedConfigFile"), missing],
        [key("metadataEndpoint"), "http://127.0.0.1:9"],
        [key("stsEndpoint"), emulator.url],
        [key("oidcProviderUrn"), PROVIDER_URN],
        [key("oidcAgencyUrn"), AGENCY_URN],
        [key("oidcIdToken"), ID_TOKEN],
      ]),
    } as never);
    const before = services.calls.length;
    const credential = echoNextCredential();
    const read = await offsiteBackupInstances.read("the-id", { args: {}, inProgram: true });
    expect(services.calls.slice(before)).toEqual(["sts:assume-with-oidc"]);
    const failure = String((read.props as { failure?: string }).failure);
    expect(failure).toContain("token [security token]");
    neverShown(JSON.stringify(read), credential);
    expect(JSON.stringify(read)).not.toContain(ID_TOKEN);
  });
});
