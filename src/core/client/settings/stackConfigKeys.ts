import { ConfigurationError } from "../errors/ConfigurationError";
import type { SettingsInput, SettingsSource } from "./settings";
import { PACKAGE_CONFIG_KEYS, PROVIDER_CONFIG_KEYS } from "./table";

/**
 * The Pulumi package name, written once: its stack config namespace (`huaweicloud-rds-offsite:<key>`), its resource
 * type tokens and its schema's name.
 */
export const PACKAGE_CONFIG_NAMESPACE = "huaweicloud-rds-offsite";

/**
 * The namespace of the `huaweicloud` provider (`@pulumi/huaweicloud`, bridged from Terraform), which rejects keys of
 * its namespace it does not define. This package reads only these of its keys, with the provider's meaning.
 */
export const PROVIDER_CONFIG_NAMESPACE = "huaweicloud";

export { PACKAGE_CONFIG_KEYS, PROVIDER_CONFIG_KEYS };

/** A `key -> value` lookup of one namespace; program side (pulumi.Config) or provider side (the configure request). */
export type ConfigGet = (key: string) => string | undefined;

/** `huaweicloud-rds-offsite:<key>`: every setting of this package. */
export function packageConfigSource(get: ConfigGet): SettingsSource {
  const values: SettingsInput = {};
  const keyNames: Partial<Record<keyof SettingsInput, readonly string[]>> = {};
  for (const key of PACKAGE_CONFIG_KEYS) {
    values[key] = nonEmpty(get(key));
    keyNames[key] = [`${PACKAGE_CONFIG_NAMESPACE}:${key}`];
  }
  return { description: "stack config", values, keyNames };
}

/**
 * `huaweicloud:<key>`, read as the bridged provider reads it: `authUrl` is Terraform's IAM URL with its `/v3`,
 * `endpoints` a map of service → URL (its `rds` and `iam` entries; an entry wins over `authUrl`), `cloud` the domain
 * suffix of default endpoints.
 */
export function providerConfigSource(get: ConfigGet): SettingsSource {
  const key = (name: string) => `${PROVIDER_CONFIG_NAMESPACE}:${name}`;
  const endpoints = endpointsMap(nonEmpty(get("endpoints")));
  const authUrl = nonEmpty(get("authUrl"));
  const iamFromEndpoints = endpoints.iam !== undefined;
  const assumeRole = assumeRoleMap(nonEmpty(get("assumeRole")));
  return {
    description: "stack config",
    values: {
      region: nonEmpty(get("region")),
      accessKey: nonEmpty(get("accessKey")),
      secretKey: nonEmpty(get("secretKey")),
      securityToken: nonEmpty(get("securityToken")),
      projectId: nonEmpty(get("projectId")),
      maxRetries: nonEmpty(get("maxRetries")),
      cloud: nonEmpty(get("cloud")),
      insecure: nonEmpty(get("insecure")),
      cacertFile: nonEmpty(get("cacertFile")),
      rdsEndpoint: endpoints.rds,
      iamEndpoint: withoutVersion(iamFromEndpoints ? endpoints.iam : authUrl),
      sharedConfigFile: nonEmpty(get("sharedConfigFile")),
      profile: nonEmpty(get("profile")),
      assumeAgencyName: assumeRole.agencyName,
      assumeDomainName: assumeRole.domainName,
    },
    keyNames: {
      region: [key("region")],
      accessKey: [key("accessKey")],
      secretKey: [key("secretKey")],
      securityToken: [key("securityToken")],
      projectId: [key("projectId")],
      maxRetries: [key("maxRetries")],
      cloud: [key("cloud")],
      insecure: [key("insecure")],
      cacertFile: [key("cacertFile")],
      rdsEndpoint: [key("endpoints.rds")],
      iamEndpoint: [iamFromEndpoints ? key("endpoints.iam") : key("authUrl")],
      sharedConfigFile: [key("sharedConfigFile")],
      profile: [key("profile")],
      assumeAgencyName: [key("assumeRole.agencyName")],
      assumeDomainName: [key("assumeRole.domainName")],
    },
  };
}

/** Terraform's IAM URLs carry the `/v3` version suffix; our requests add their own. */
export function withoutVersion(url: string | undefined): string | undefined {
  return url?.replace(/\/v3\/?$/, "");
}

/** Stack config holds a map as JSON text (`pulumi config set --path 'huaweicloud:endpoints.rds' …` writes one). */
function endpointsMap(text: string | undefined): { rds?: string | undefined; iam?: string | undefined } {
  if (text === undefined) return {};
  const parsed = jsonObject(text);
  if (parsed === undefined || !Object.values(parsed).every((value) => typeof value === "string")) {
    throw new ConfigurationError(
      "endpoints",
      `Invalid huaweicloud:endpoints in stack config: must be a map of service name to URL, e.g. {"rds":"https://rds.ap-southeast-1.myhuaweicloud.com"}`,
    );
  }
  const map = parsed as Record<string, string>;
  return { rds: nonEmpty(map.rds), iam: nonEmpty(map.iam) };
}

/**
 * The huaweicloud provider's `assumeRole` block (`{"agencyName", "domainName"}`, as `pulumi config set --path
 * 'huaweicloud:assumeRole.agencyName' …` writes it): an agency assumed on top of the credential found.
 */
function assumeRoleMap(text: string | undefined): { agencyName?: string | undefined; domainName?: string | undefined } {
  if (text === undefined) return {};
  const map = jsonObject(text);
  if (map === undefined) {
    throw new ConfigurationError(
      "assumeRole",
      `Invalid huaweicloud:assumeRole in stack config: must be a map such as {"agencyName":"rds-reader","domainName":"acme"}`,
    );
  }
  const field = (name: string) => (typeof map[name] === "string" ? nonEmpty(map[name] as string) : undefined);
  return { agencyName: field("agencyName"), domainName: field("domainName") };
}

/** A stack config map's JSON text as an object; undefined when it is not JSON or not an object (an array, a string…). */
function jsonObject(text: string): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

/**
 * Why a key of this package's namespace is not one of its settings (a misspelt `huaweicloud-rds-offsite:regoin` would
 * otherwise be ignored and the region reported missing), or undefined for a setting. `huaweicloud:*` belongs to the
 * huaweicloud provider and is not policed here.
 */
export function unknownSettingReason(key: string): string | undefined {
  const known: readonly string[] = PACKAGE_CONFIG_KEYS;
  if (known.includes(key)) return undefined;
  const hint = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
  return `${PACKAGE_CONFIG_NAMESPACE} has no setting "${key}"${hint ? `; did you mean "${hint}"?` : `; its settings are ${known.join(", ")}`}`;
}

/** The first stack config key of this package's namespace (among `fullKeys`, `namespace:key`) that is no setting of it. */
export function unknownPackageSetting(fullKeys: Iterable<string>): ConfigurationError | undefined {
  for (const fullKey of fullKeys) {
    if (!fullKey.startsWith(`${PACKAGE_CONFIG_NAMESPACE}:`)) continue;
    const key = fullKey.slice(PACKAGE_CONFIG_NAMESPACE.length + 1);
    const reason = unknownSettingReason(key);
    if (reason !== undefined) return new ConfigurationError(key, `Stack config ${fullKey}: ${reason}.`);
  }
  return undefined;
}
