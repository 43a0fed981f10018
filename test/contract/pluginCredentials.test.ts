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

/**
 * The plugin's environment: every place of the chain pointed at this test's files and addresses (never the user's,
 * never a real metadata service), then `extra`.
 */
function pluginEnv(extra: Record<string, string> = {}): Record<string, string> {
  const nowhere = path.join(mkdtempSync(path.join(tmpdir(), "plugin-home-")), "missing");
  return {
    HOME: path.dirname(nowhere),
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: nowhere,
    HW_SHARED_CONFIG_FILE: nowhere,
    HW_METADATA_ENDPOINT: "http://127.0.0.1:9",
    ...extra,
  };
}

function configured(env: Record<string, string> = pluginEnv(), settings: Record<string, unknown> = {}) {
  const provider = pluginProvider("0.1.0", env);
  provider.configure({
    region: REGION,
    rdsEndpoint: emulator.url,
    iamEndpoint: emulator.url,
    maxRetries: 0,
    ...settings,
  });
  return provider;
}

it("invokes with credentials from a profile file only", async () => {
  const { outputs } = await configured(pluginEnv({ HUAWEICLOUD_SDK_CREDENTIALS_FILE: profileFile() })).invoke(
    listing,
    {},
  );
  expect(outputs.totalCount).toBe(12);
  expect(JSON.stringify(outputs)).not.toContain(emulator.credentials.secretKey);
});

it("assumes an agency on top of the profile file", async () => {
  const env = pluginEnv({
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: profileFile(),
    HW_ASSUME_ROLE_AGENCY_NAME: "rds-reader",
    HW_ASSUME_ROLE_DOMAIN_NAME: "acme",
  });
  const before = emulator.credentialServices.calls.length;
  const { outputs } = await configured(env).invoke(listing, {});
  expect(outputs.totalCount).toBe(12);
  expect(emulator.credentialServices.calls.slice(before)).toEqual(["iam:assume_role"]);
  const issued = emulator.credentialServices.issued.at(-1)!;
  expect(JSON.stringify(outputs)).not.toContain(issued.secretKey);
  expect(JSON.stringify(outputs)).not.toContain(issued.securityToken);
});

it("a refused agency names the agency and IAM's code, never a credential", async () => {
  const env = pluginEnv({
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: profileFile(),
    HW_ASSUME_ROLE_AGENCY_NAME: "no-such-agency",
    HW_ASSUME_ROLE_DOMAIN_NAME: "acme",
  });
  const error = await configured(env)
    .invoke(listing, {})
    .then(
      () => undefined,
      (caught: unknown) => caught as Error,
    );
  expect(error?.message).toContain("assuming agency no-such-agency in acme: IAM answered HTTP 403 IAM.0004");
  expect(error?.message).not.toContain(emulator.credentials.secretKey);
});

it("reads the profile a program names in its provider settings (huaweicloud-rds-offsite:profile, :sharedConfigFile)", async () => {
  // KooCLI's config: its current profile holds a key the emulator refuses; the one the settings name works.
  const config = path.join(mkdtempSync(path.join(tmpdir(), "plugin-koocli-")), "config.json");
  writeFileSync(
    config,
    JSON.stringify({
      current: "laptop",
      profiles: [
        { name: "laptop", mode: "AKSK", accessKeyId: "UNKNOWNKEY0000000000", secretAccessKey: "refused" },
        {
          name: "ci",
          mode: "AKSK",
          accessKeyId: emulator.credentials.accessKey,
          secretAccessKey: emulator.credentials.secretKey,
        },
      ],
    }),
  );
  const { outputs } = await configured(pluginEnv(), { sharedConfigFile: config, profile: "ci" }).invoke(listing, {});
  expect(outputs.totalCount).toBe(12);
});

it("assumes the agency a program names in its provider settings", async () => {
  const before = emulator.credentialServices.calls.length;
  const { outputs } = await configured(pluginEnv({ HUAWEICLOUD_SDK_CREDENTIALS_FILE: profileFile() }), {
    assumeAgencyName: "rds-reader",
    assumeDomainName: "acme",
  }).invoke(listing, {});
  expect(outputs.totalCount).toBe(12);
  expect(emulator.credentialServices.calls.slice(before)).toEqual(["iam:assume_role"]);
});
