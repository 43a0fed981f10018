import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { clearCredentialChains } from "../../src/core/client/credentials/chain";
import { pluginProvider } from "../../src/plugin/pluginProvider";
import { emulatorForFile } from "../support/emulator";

// Issue 20: the provider plugin (what a YAML, Python or Go program runs) finds credentials by the same chain: here in
// the official SDKs' profile file, with an agency assumed on top.
const REGION = "ap-southeast-1";
const { emulator } = await emulatorForFile({
  regions: { [REGION]: 12 },
  credentialServices: { agencies: ["acme/rds-reader"] },
});
afterEach(() => {
  vi.unstubAllEnvs();
  clearCredentialChains();
});

const listing = "huaweicloud-rds-offsite:index:getOffsiteBackupInstances";

function profileFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "plugin-profile-")), "credentials");
  writeFileSync(file, `[basic]\nak = ${emulator.credentials.accessKey}\nsk = ${emulator.credentials.secretKey}\n`);
  return file;
}

function configured() {
  const provider = pluginProvider("0.1.0", {});
  provider.configure({ region: REGION, rdsEndpoint: emulator.url, iamEndpoint: emulator.url, maxRetries: 0 });
  return provider;
}

it("invokes with credentials from a profile file only", async () => {
  vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", profileFile());
  const { outputs } = await configured().invoke(listing, {});
  expect(outputs.totalCount).toBe(12);
  expect(JSON.stringify(outputs)).not.toContain(emulator.credentials.secretKey);
});

it("assumes an agency on top of the profile file", async () => {
  vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", profileFile());
  vi.stubEnv("HW_ASSUME_ROLE_AGENCY_NAME", "rds-reader");
  vi.stubEnv("HW_ASSUME_ROLE_DOMAIN_NAME", "acme");
  const before = emulator.credentialServices.calls.length;
  const { outputs } = await configured().invoke(listing, {});
  expect(outputs.totalCount).toBe(12);
  expect(emulator.credentialServices.calls.slice(before)).toEqual(["iam:assume_role"]);
  const issued = emulator.credentialServices.issued.at(-1)!;
  expect(JSON.stringify(outputs)).not.toContain(issued.secretKey);
  expect(JSON.stringify(outputs)).not.toContain(issued.securityToken);
});

it("a refused agency names the agency and IAM's code, never a credential", async () => {
  vi.stubEnv("HUAWEICLOUD_SDK_CREDENTIALS_FILE", profileFile());
  vi.stubEnv("HW_ASSUME_ROLE_AGENCY_NAME", "no-such-agency");
  vi.stubEnv("HW_ASSUME_ROLE_DOMAIN_NAME", "acme");
  const error = await configured()
    .invoke(listing, {})
    .then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
  expect(error?.message).toContain("assuming agency no-such-agency in acme: IAM answered HTTP 403 IAM.0004");
  expect(error?.message).not.toContain(emulator.credentials.secretKey);
});
