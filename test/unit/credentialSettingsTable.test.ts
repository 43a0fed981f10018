import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SETTINGS, type SettingName } from "../../src/core/client/settings/table";
import { CONFIGURATION } from "../../src/core/dataSources/configuration";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";

// Issue 20: every place of the credential chain is a row of the one settings table, so the provider's configuration
// (schema, SDKs, docs/api) carries it; the README's credential chain table names each row's keys and variables.
const CHAIN_SETTINGS: readonly SettingName[] = [
  "credentialsFile",
  "sharedConfigFile",
  "profile",
  "oidcProviderUrn",
  "oidcAgencyUrn",
  "oidcIdpId",
  "oidcTokenFile",
  "oidcIdToken",
  "oidcSessionName",
  "oidcDurationSeconds",
  "oidcPolicy",
  "oidcPolicyIds",
  "stsEndpoint",
  "metadataEndpoint",
  "assumeAgencyName",
  "assumeDomainName",
];

const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("#### Where credentials come from"), readme.indexOf("### Proxies and TLS"));

describe("the credential chain's settings", () => {
  it("are provider settings, each with its environment variables in its doc", () => {
    for (const name of CHAIN_SETTINGS) {
      const field = CONFIGURATION[name as keyof typeof CONFIGURATION];
      expect(field, name).toBeDefined();
      for (const variable of SETTINGS[name].environment) expect(field.description, name).toContain(variable);
    }
    expect(CONFIGURATION.oidcIdToken.secret).toBe(true);
  });

  it("are each named in the README's credential chain table: stack config key, huaweicloud: key, variables", () => {
    expect(section).toContain("| # | place | stack config | environment | default | credential |");
    for (const name of CHAIN_SETTINGS) {
      expect(section, name).toMatch(new RegExp(`\`(huaweicloud-rds-offsite)?:${name}\``));
      for (const key of SETTINGS[name].providerConfig) {
        expect(section, name).toContain(`huaweicloud:${key.split(".")[0]}`);
      }
      for (const variable of SETTINGS[name].environment) expect(section, name).toContain(`\`${variable}\``);
    }
  });
});

describe("an agency to assume", () => {
  const env = { HW_REGION_NAME: "cn-north-4", HW_ACCESS_KEY: "AK", HW_SECRET_KEY: "SK" };

  it("is read from the huaweicloud provider's assumeRole block in a program, and must name both parts", () => {
    const providerConfig = (key: string) => (key === "assumeRole" ? '{"agencyName":"rds-reader"}' : undefined);
    expect(() => settingsFor({}, { env, providerConfig })).toThrowError(
      "An agency to assume needs both its name and its domain: set huaweicloud:assumeRole.agencyName and huaweicloud:assumeRole.domainName (stack config), or HW_ASSUME_ROLE_AGENCY_NAME and HW_ASSUME_ROLE_DOMAIN_NAME (environment).",
    );
    const listed = (key: string) => (key === "assumeRole" ? "[1]" : undefined);
    expect(() => settingsFor({}, { env, providerConfig: listed })).toThrowError(
      "Invalid huaweicloud:assumeRole in stack config: must be a map such as",
    );
    const both = (key: string) =>
      key === "assumeRole" ? '{"agencyName":"rds-reader","domainName":"acme"}' : undefined;
    expect(settingsFor({}, { env, providerConfig: both }).credentials).toBeDefined();
  });

  it("refuses a line break in its name before any request, naming the key", () => {
    expect(() =>
      settingsFor({}, { env: { ...env, HW_ASSUME_ROLE_AGENCY_NAME: "a\nb", HW_ASSUME_ROLE_DOMAIN_NAME: "acme" } }),
    ).toThrowError(
      "Invalid HW_ASSUME_ROLE_AGENCY_NAME in environment: must be one line of text without control characters",
    );
  });
});
