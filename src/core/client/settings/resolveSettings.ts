import { homedir } from "node:os";
import { join } from "node:path";
import { credentialChain, debugEnabled } from "../credentials/chain";
import { DEFAULT_METADATA_ENDPOINT } from "../credentials/remote";
import type { ChainSettings } from "../credentials/types";
import { ConfigurationError } from "../errors/ConfigurationError";
import { shown } from "../errors/echoedText";
import { InvalidArgumentError } from "../errors/InvalidArgumentError";
import { validateCredential, validateEndpoint, validateProjectId, validateRegion } from "../validation";
import { defaultIamEndpoint, defaultRdsEndpoint, defaultStsEndpoint } from "./endpoints";
import type { ClientSettings, SettingsInput, SettingsSource } from "./settings";
import { type IntegerSetting, SETTINGS } from "./table";

/**
 * Applies precedence (the first source that has a value wins; sources come in the order explicit arguments → stack
 * config `huaweicloud-rds-offsite:*` → stack config `huaweicloud:*` → environment), defaults and validation.
 *
 * Credentials are taken as a group from the first source that has an access key, so a stale `HW_SECURITY_TOKEN` in
 * the environment is never paired with a permanent key from stack config. A project id belongs to exactly one
 * region: see {@link resolveProjectId}.
 *
 * `env` is the lookup's environment (the one `sources` read): its `HOME` places the default credential files and its
 * `HW_DEBUG` turns on the credential chain's debug line.
 */
export function resolveSettings(
  sources: readonly SettingsSource[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): ClientSettings {
  const region = resolveRegion(sources);
  const credentials = resolveCredentials(sources);
  const cloud = domain(sources);
  const iamEndpoint = endpoint(sources, "iamEndpoint") ?? defaultIamEndpoint(region, cloud);
  const insecure = flag(sources, "insecure");
  const cacertFile = sources.find((candidate) => candidate.values.cacertFile !== undefined);
  return {
    region,
    accessKey: credentials.accessKey,
    secretKey: credentials.secretKey,
    securityToken: credentials.securityToken,
    projectId: resolveProjectId(sources, region),
    projectIdHelp: projectIdHelp(sources, region),
    rdsEndpoint: endpoint(sources, "rdsEndpoint") ?? defaultRdsEndpoint(region, cloud),
    iamEndpoint,
    // --- issue 20: the credential chain after the settings sources ---
    credentials: credentialChain({
      given: credentials.found
        ? {
            credential: {
              accessKey: credentials.accessKey,
              secretKey: credentials.secretKey,
              securityToken: credentials.securityToken,
            },
            from: credentials.from,
          }
        : undefined,
      givenKeys: keysToSet(sources, ["accessKey", "secretKey"]),
      sources: chainSettings(sources, region, iamEndpoint, env),
      debug: debugEnabled(env),
      iamEndpoint,
      agency: agencyOf(sources),
    }),
    // --- end issue 20 ---
    maxRetries: numeric(sources, "maxRetries"),
    maxConcurrency: numeric(sources, "maxConcurrency"),
    attemptTimeoutMs: numeric(sources, "attemptTimeoutMs"),
    totalTimeoutMs: numeric(sources, "totalTimeoutMs"),
    retryBaseDelayMs: numeric(sources, "retryBaseDelayMs"),
    maxResponseBytes: numeric(sources, "maxResponseBytes"),
    insecure: insecure?.value ?? false,
    cacertFile: cacertFile?.values.cacertFile,
    settingKeys: {
      securityToken: credentials.securityTokenKey,
      insecure: insecure?.key,
      cacertFile: cacertFile && keyOf(cacertFile, "cacertFile"),
    },
  };
}

/** A `true`/`false` setting (also `1`/`0`, as Terraform reads `HW_INSECURE`), with the key it came from. */
function flag(sources: readonly SettingsSource[], setting: "insecure"): { value: boolean; key: string } | undefined {
  const source = sources.find((candidate) => candidate.values[setting] !== undefined);
  if (!source) return undefined;
  const value = validated(source, setting, (raw) => {
    const text = String(raw).trim().toLowerCase();
    if (raw === true || text === "true" || text === "1") return true;
    if (raw === false || text === "false" || text === "0") return false;
    throw new InvalidArgumentError(setting, `must be true or false, got ${shown(raw)}`);
  });
  return { value, key: keyOf(source, setting) };
}

/** How a message names the place a setting came from: `HW_SECURITY_TOKEN (environment)`. */
function keyOf(source: SettingsSource, setting: keyof SettingsInput): string {
  return `${source.keyNames[setting]?.[0] ?? setting} (${source.description})`;
}

function resolveRegion(sources: readonly SettingsSource[]): string {
  const source = sources.find((candidate) => candidate.values.region !== undefined);
  if (!source) throw new ConfigurationError("region", `No region is set. Set ${keysToSet(sources, ["region"])}.`);
  return validated(source, "region", validateRegion);
}

/**
 * The project id of `region`, or undefined to look it up through IAM. An explicit `projectId` argument is used as
 * given. A configured project id is used only for the configured region (the first region stack config or the
 * environment names): from a source that names a region, only when it is that region; from a source that names none,
 * it belongs to the configured region. So an explicit `region` argument that differs from the configured region never
 * gets a configured project id.
 */
function resolveProjectId(sources: readonly SettingsSource[], region: string): string | undefined {
  const explicit = sources.find((source) => source.explicit === true && source.values.projectId !== undefined);
  if (explicit) return validated(explicit, "projectId", validateProjectId);
  const configured = sources.filter((source) => source.explicit !== true);
  if (region !== configuredRegion(sources)) return undefined;
  const source = configured.find(
    (candidate) =>
      candidate.values.projectId !== undefined &&
      (candidate.values.region === undefined || candidate.values.region === region),
  );
  return source && validated(source, "projectId", validateProjectId);
}

/** The first region stack config or the environment names: the one a configured project id belongs to. */
function configuredRegion(sources: readonly SettingsSource[]): unknown {
  return sources.find((source) => source.explicit !== true && source.values.region !== undefined)?.values.region;
}

/**
 * How to give the project id of `region`, where the rule above lets it be given: the places to set it for the
 * configured region, but only the `projectId` argument for a region passed as an argument.
 */
function projectIdHelp(sources: readonly SettingsSource[], region: string): string {
  const configured = configuredRegion(sources);
  if (region === configured) return `Set ${keysToSet(sources, ["projectId"])}.`;
  const belongs = typeof configured === "string" ? ` (${configured})` : "";
  return `Pass projectId with the region argument: a configured project id belongs to the configured region${belongs}.`;
}

function domain(sources: readonly SettingsSource[]): string | undefined {
  const source = sources.find((candidate) => candidate.values.cloud !== undefined);
  if (!source) return undefined;
  return validated(source, "cloud", (value) => {
    const text = String(value);
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text)) {
      throw new InvalidArgumentError("cloud", `${shown(text)} is not a domain name such as "myhuaweicloud.com"`);
    }
    return text;
  });
}

// --- issue 20: where the credential chain looks, and an agency to assume on top of whichever credential it found ---
function agencyOf(sources: readonly SettingsSource[]): { agencyName: string; domainName: string } | undefined {
  const name = sources.find((candidate) => candidate.values.assumeAgencyName !== undefined);
  const domain = sources.find((candidate) => candidate.values.assumeDomainName !== undefined);
  if (!name && !domain) return undefined;
  if (!name || !domain) {
    throw new ConfigurationError(
      "assumeRole",
      `An agency to assume needs both its name and its domain: set ${keysToSet(sources, ["assumeAgencyName", "assumeDomainName"])}.`,
    );
  }
  return {
    agencyName: validated(name, "assumeAgencyName", (value) => plainText(value, "assumeAgencyName")),
    domainName: validated(domain, "assumeDomainName", (value) => plainText(value, "assumeDomainName")),
  };
}

/** The first source's value of a text setting, or undefined. */
function textOf(sources: readonly SettingsSource[], setting: keyof SettingsInput): string | undefined {
  const source = sources.find((candidate) => candidate.values[setting] !== undefined);
  return source && validated(source, setting, (value) => plainText(value, setting));
}

/** A name, path or URN: one line of printable text (an id token may be long, never a line break). */
function plainText(value: unknown, setting: string): string {
  const text = String(value).trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused.
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new InvalidArgumentError(setting, "must be one line of text without control characters");
  }
  return text;
}

function chainSettings(
  sources: readonly SettingsSource[],
  region: string,
  iamEndpoint: string,
  env: Readonly<Record<string, string | undefined>>,
): ChainSettings {
  const home = env.HOME?.trim() || homedir();
  const stsEndpoint = endpoint(sources, "stsEndpoint") ?? defaultStsEndpoint(region);
  const metadataEndpoint = endpoint(sources, "metadataEndpoint") ?? DEFAULT_METADATA_ENDPOINT;
  const policyIds = textOf(sources, "oidcPolicyIds")
    ?.split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  return {
    home,
    credentialsFile: textOf(sources, "credentialsFile") ?? join(home, ".huaweicloud", "credentials"),
    sharedConfigFile: textOf(sources, "sharedConfigFile") ?? join(home, ".hcloud", "config.json"),
    profile: textOf(sources, "profile"),
    oidc: {
      providerUrn: textOf(sources, "oidcProviderUrn"),
      agencyUrn: textOf(sources, "oidcAgencyUrn"),
      idpId: textOf(sources, "oidcIdpId"),
      tokenFile: textOf(sources, "oidcTokenFile"),
      idToken: textOf(sources, "oidcIdToken"),
      sessionName: textOf(sources, "oidcSessionName") ?? "oidc-sts-session",
      durationSeconds: numeric(sources, "oidcDurationSeconds"),
      policy: textOf(sources, "oidcPolicy"),
      policyIds,
      stsEndpoint: stsEndpoint.replace(/\/+$/, ""),
      iamEndpoint,
    },
    metadataEndpoint: metadataEndpoint.replace(/\/+$/, ""),
  };
}
// --- end issue 20 ---

/**
 * The credential of the first source that has an access key; none found (`found: false`) leaves the lookup to the
 * rest of the chain (profile file, shared config, OIDC, ECS metadata) at the first request (issue 20).
 */
function resolveCredentials(sources: readonly SettingsSource[]) {
  const source = sources.find((candidate) => candidate.values.accessKey !== undefined);
  if (!source) {
    return {
      found: false as const,
      accessKey: "",
      secretKey: "",
      securityToken: undefined,
      securityTokenKey: undefined,
    };
  }
  const { secretKey, securityToken } = source.values;
  if (secretKey === undefined) {
    throw new ConfigurationError(
      "secretKey",
      `An access key is set in ${source.description} but its secret key is not. Set ${keysToSet([source], ["secretKey"])} too.`,
    );
  }
  return {
    found: true as const,
    from: source.description,
    accessKey: validated(source, "accessKey", (value) => validateCredential(value, "accessKey")),
    secretKey: validated(source, "secretKey", (value) => validateCredential(value, "secretKey")),
    securityToken:
      securityToken === undefined
        ? undefined
        : validated(source, "securityToken", (value) => validateCredential(value, "securityToken")),
    securityTokenKey: securityToken === undefined ? undefined : keyOf(source, "securityToken"),
  };
}

function endpoint(
  sources: readonly SettingsSource[],
  setting: "rdsEndpoint" | "iamEndpoint" | "stsEndpoint" | "metadataEndpoint",
): string | undefined {
  const source = sources.find((candidate) => candidate.values[setting] !== undefined);
  if (!source) return undefined;
  return validated(source, setting, (value) => validateEndpoint(value, setting));
}

function numeric(sources: readonly SettingsSource[], setting: IntegerSetting): number {
  const { default: fallback, min, max } = SETTINGS[setting].integer;
  const source = sources.find((candidate) => candidate.values[setting] !== undefined);
  if (!source) return fallback;
  return validated(source, setting, (value) => {
    const number = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== "number" || !Number.isSafeInteger(number) || number < min || number > max) {
      throw new InvalidArgumentError(setting, `must be an integer from ${min} to ${max}, got ${shown(value)}`);
    }
    return number;
  });
}

/** Runs a validator, re-labelling its error with the key the user actually set (`HW_REGION_NAME`, `huaweicloud:region`). */
function validated<T>(source: SettingsSource, setting: keyof SettingsInput, validate: (value: unknown) => T): T {
  try {
    return validate(source.values[setting]);
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    const key = source.keyNames[setting]?.[0] ?? setting;
    if (source.description === "arguments") throw new InvalidArgumentError(key, error.reason);
    throw new ConfigurationError(setting, `Invalid ${key} in ${source.description}: ${error.reason}`);
  }
}

function keysToSet(sources: readonly SettingsSource[], settings: readonly (keyof SettingsInput)[]): string {
  const places = sources
    .map((source) => {
      const keys = settings.flatMap((setting) => source.keyNames[setting]?.slice(0, 1) ?? []);
      return keys.length === 0 ? undefined : `${keys.join(" and ")} (${source.description})`;
    })
    .filter((place): place is string => place !== undefined);
  return places.join(", or ");
}
