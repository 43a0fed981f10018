import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorForFile } from "../support/emulator";
import { assertBuilt, runCommand } from "./runCommand";

// Issue 20, where users stand: the CLI with no key anywhere but the (emulated) ECS metadata service, and a CI job with
// only an OIDC token file.
const PROVIDER_URN = "iam::0123456789abcdef0123456789abcdef:oidcProvider:GitHubActions";
const AGENCY_URN = "iam::0123456789abcdef0123456789abcdef:agency:rds-reader";
let metadata: { url: string; close(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), "cli-credentials-"));

const { emulator } = await emulatorForFile({
  regions: { "cn-north-4": 7 },
  credentialServices: {
    oidc: { "gitlab-ci": ["eyJ.gitlab-job.sig"] },
    oidcProviders: { [PROVIDER_URN]: { agencies: [AGENCY_URN], idTokens: ["eyJ.github-job.sig"] } },
  },
});
beforeAll(async () => {
  assertBuilt();
  metadata = await emulator.credentialServices.startMetadata();
});
afterAll(async () => {
  await metadata?.close();
});

/** Only the region and the endpoints; the profile and shared config files point at nothing. */
function base(): Record<string, string> {
  return {
    HW_REGION_NAME: "cn-north-4",
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    HOME: dir,
    HW_DEBUG: "1",
  };
}

function neverShown(text: string) {
  for (const issued of emulator.credentialServices.issued) {
    expect(text).not.toContain(issued.secretKey);
    expect(text).not.toContain(issued.securityToken);
    expect(text).not.toContain(issued.accessKey);
  }
}

describe("the CLI's credentials", () => {
  it("runs with no key anywhere but the ECS metadata service, and says so at debug level", async () => {
    const run = await runCommand(["instances", "--json"], { ...base(), HW_METADATA_ENDPOINT: metadata.url });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).ids ?? JSON.parse(run.stdout)).toBeDefined();
    expect(run.stdout).toContain(emulator.dataset.instances("cn-north-4")[0]!.id);
    expect(run.stderr).toContain(`credentials from ECS metadata (${metadata.url})`);
    neverShown(run.stdout + run.stderr);
  });

  it("a CI job with only an OIDC token file", async () => {
    const tokenFile = join(dir, "oidc-token");
    writeFileSync(tokenFile, "eyJ.gitlab-job.sig");
    const run = await runCommand(["instances", "--json"], {
      ...base(),
      HUAWEICLOUD_OIDC_IDP_ID: "gitlab-ci",
      HUAWEICLOUD_OIDC_TOKEN_FILE: tokenFile,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(emulator.dataset.instances("cn-north-4")[0]!.id);
    expect(run.stderr).toContain("credentials from OIDC federation (HUAWEICLOUD_OIDC_*)");
    neverShown(run.stdout + run.stderr);
  });

  it("a CI job with only an OIDC token file and the provider and agency URNs (STS AssumeAgencyWithOIDC)", async () => {
    const tokenFile = join(dir, "github-token");
    writeFileSync(tokenFile, "eyJ.github-job.sig");
    const run = await runCommand(["instances", "--json"], {
      ...base(),
      HUAWEICLOUD_SDK_STS_ENDPOINT: emulator.url,
      HUAWEICLOUD_OIDC_PROVIDER_URN: PROVIDER_URN,
      HUAWEICLOUD_OIDC_AGENCY_URN: AGENCY_URN,
      HUAWEICLOUD_OIDC_TOKEN_FILE: tokenFile,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(emulator.dataset.instances("cn-north-4")[0]!.id);
    expect(emulator.credentialServices.calls).toContain("sts:assume-with-oidc");
    expect(run.stderr).toContain("credentials from OIDC federation (HUAWEICLOUD_OIDC_*)");
    neverShown(run.stdout + run.stderr);
  });

  it("a temporary credential a server echoes in its error never reaches the --json error", async () => {
    const tokenFile = join(dir, "github-token-echo");
    writeFileSync(tokenFile, "eyJ.github-job.sig");
    const next = emulator.credentialServices.nextIssued();
    emulator.queueFault({
      operation: "listOffsiteInstances",
      status: 400,
      body: {
        error_code: "DBS.280001",
        error_msg: `Request signed by ${next.accessKey} (secret ${next.secretKey}, token ${next.securityToken}) is malformed`,
      },
    });
    const run = await runCommand(["instances", "--json"], {
      ...base(),
      HW_MAX_RETRIES: "0",
      HUAWEICLOUD_SDK_STS_ENDPOINT: emulator.url,
      HUAWEICLOUD_OIDC_PROVIDER_URN: PROVIDER_URN,
      HUAWEICLOUD_OIDC_AGENCY_URN: AGENCY_URN,
      HUAWEICLOUD_OIDC_TOKEN_FILE: tokenFile,
    });
    expect(run.status).not.toBe(0);
    expect(emulator.credentialServices.issued.at(-1)?.securityToken).toBe(next.securityToken);
    expect(JSON.parse(run.stdout).error.message).toContain(
      "Request signed by [access key] (secret [secret key], token [security token])",
    );
    neverShown(run.stdout + run.stderr);
  });

  it("nothing anywhere: the error lists each place tried, in order, within ~2 s", async () => {
    const started = Date.now();
    const run = await runCommand(["instances"], base());
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      "Tried after them, in order: profile file ~/.huaweicloud/credentials: not found; shared config file ~/.hcloud/config.json: not found; OIDC federation (HUAWEICLOUD_OIDC_*): not configured; ECS metadata (http://127.0.0.1:9): session token: no connection.",
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
