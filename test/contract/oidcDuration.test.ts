import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, expect, it } from "vitest";
import { getOffsiteBackupInstances } from "../../src/core";
import { clearCredentialChains } from "../../src/core/client/credentials/chain";
import { clearProjectIdCache } from "../../src/core/client/iam/resolveProjectId";
import { emulatorForFile } from "../support/emulator";

// HUAWEICLOUD_OIDC_DURATION_SECONDS is the lifetime asked of STS AssumeAgencyWithOIDC, which takes 900 to 43200
// seconds (the agency's maximum session, at most 12 h): a value STS would refuse is refused here first, by name.
const PROVIDER_URN = "iam::0123456789abcdef0123456789abcdef:oidcProvider:GitHubActions";
const AGENCY_URN = "iam::0123456789abcdef0123456789abcdef:agency:rds-reader";
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 3 },
  credentialServices: {
    oidcProviders: { [PROVIDER_URN]: { agencies: [AGENCY_URN], idTokens: ["eyJ.github-job.sig"] } },
  },
});
const services = emulator.credentialServices;
const home = mkdtempSync(join(tmpdir(), "oidc-duration-"));

/** A CI job federating its id token through STS at the emulator, no key anywhere, asking for `duration` seconds. */
function ciJob(duration: string): Record<string, string> {
  return {
    HW_REGION_NAME: "ap-southeast-1",
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    HW_MAX_RETRIES: "0",
    HOME: home,
    HW_METADATA_ENDPOINT: "http://127.0.0.1:9",
    HUAWEICLOUD_SDK_STS_ENDPOINT: emulator.url,
    HUAWEICLOUD_OIDC_PROVIDER_URN: PROVIDER_URN,
    HUAWEICLOUD_OIDC_AGENCY_URN: AGENCY_URN,
    HUAWEICLOUD_OIDC_ID_TOKEN: "eyJ.github-job.sig",
    HUAWEICLOUD_OIDC_DURATION_SECONDS: duration,
  };
}

beforeEach(() => {
  clearCredentialChains();
  clearProjectIdCache();
  emulator.resetStats();
});

it("a lifetime past STS's 12 hours is refused by name before any request", async () => {
  const before = services.calls.length;
  await expect(getOffsiteBackupInstances({}, { env: ciJob("43201") })).rejects.toThrow(
    'Invalid HUAWEICLOUD_OIDC_DURATION_SECONDS in environment: must be an integer from 900 to 43200, got "43201"',
  );
  expect(services.calls.slice(before)).toEqual([]);
  expect(emulator.requests).toEqual([]);
});

it("12 hours is asked of STS as is, and STS grants it", async () => {
  const result = await getOffsiteBackupInstances({}, { env: ciJob("43200") });
  expect(result.ids).toHaveLength(3);
  expect(services.stsRequests.at(-1)?.duration_seconds).toBe(43_200);
});
