import { homedir } from "node:os";
import { credentialChainGeneration } from "../client/credentials/chain";
import { environmentSource } from "../client/settings/environment";
import { explicitSource } from "../client/settings/explicitSource";
import { resolveSettings } from "../client/settings/resolveSettings";
import type { ClientSettings, SettingsInput, SettingsSource } from "../client/settings/settings";
import {
  type ConfigGet,
  PACKAGE_CONFIG_KEYS,
  PROVIDER_CONFIG_KEYS,
  packageConfigSource,
  providerConfigSource,
} from "../client/settings/stackConfigKeys";
import { ENVIRONMENT_KEYS } from "../client/settings/table";

/**
 * Where settings come from besides explicit arguments: the program's stack config (program side), the `configure`
 * request (provider side), and an environment. Keeping this a plain lookup keeps the queries free of Pulumi.
 */
export interface ConfigurationLookup {
  /**
   * Settings the caller gives outright, beyond the data source's arguments (the command line's `--endpoint`): ahead of
   * every source below, each named in errors by its `keyNames` (e.g. `--endpoint`).
   */
  overrides?: SettingsSource | undefined;
  /** This package's namespace: `huaweicloud-rds-offsite:<key>` → value. */
  stackConfig?: ConfigGet | undefined;
  /** The huaweicloud provider's namespace: `huaweicloud:<key>` → value (asked only for keys that provider defines). */
  providerConfig?: ConfigGet | undefined;
  /** @default process.env */
  env?: NodeJS.ProcessEnv | undefined;
}

/**
 * Arguments → overrides → `huaweicloud-rds-offsite:*` → `huaweicloud:*` → environment.
 *
 * Every lookup reads its sources afresh (stack config, the environment), but the settings resolved from the same
 * values are the same object (frozen): resolving them again cost about as much as reading them, and the per-settings
 * caches of the HTTP layer (the dispatcher, the credential fingerprint of shared requests) then hit for every lookup
 * of a program instead of being rebuilt for each. Callers build a new lookup per call, so the values, not the lookup
 * object, are the key.
 */
export function settingsFor(explicit: SettingsInput, lookup: ConfigurationLookup): ClientSettings {
  const read = readSources(explicit, lookup);
  if (read === undefined) return resolveFrom(explicit, lookup, lookup.env ?? process.env);
  const cached = resolved.get(read.key);
  if (cached !== undefined) return cached;
  const recorded = read.recorded();
  const settings = resolveFrom(explicit, recorded, recorded.env);
  if (resolved.size >= MAX_RESOLVED) resolved.delete(resolved.keys().next().value as string);
  resolved.set(read.key, Object.freeze({ ...settings, settingKeys: Object.freeze({ ...settings.settingKeys }) }));
  return resolved.get(read.key) as ClientSettings;
}

function resolveFrom(explicit: SettingsInput, lookup: ConfigurationLookup, env: NodeJS.ProcessEnv): ClientSettings {
  const sources = [explicitSource(explicit)];
  if (lookup.overrides) sources.push(lookup.overrides);
  if (lookup.stackConfig) sources.push(packageConfigSource(lookup.stackConfig));
  if (lookup.providerConfig) sources.push(providerConfigSource(lookup.providerConfig));
  sources.push(environmentSource(env));
  return resolveSettings(sources, env);
}

/** Settings by the values they were resolved from; a program has one or a few configurations (regions, arguments). */
const resolved = new Map<string, ClientSettings>();
const MAX_RESOLVED = 64;

/** Every environment variable resolving the settings may read, set or not: all are part of the key. */
const ENVIRONMENT_NAMES: readonly string[] = [...Object.values(ENVIRONMENT_KEYS).flat(), "HOME", "HW_DEBUG"];
/**
 * Read from the process's environment by the HTTP layer once per settings object (`dispatcherFor`): part of the key so
 * that a proxy set between two lookups is still used by the second, as when every lookup had its own settings.
 */
const PROXY_NAMES = ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"] as const;

/**
 * Every value resolving the settings reads, read once, and the key they make; undefined when a value is of a kind the
 * key cannot tell apart (anything but text, a finite number, a boolean or nothing), which is then resolved uncached.
 * The resolution runs on the values recorded here (`recorded`, built only when the key is new), so the key is exactly
 * what it was resolved from.
 */
function readSources(
  explicit: SettingsInput,
  lookup: ConfigurationLookup,
): { key: string; recorded: () => ConfigurationLookup & { env: NodeJS.ProcessEnv } } | undefined {
  const parts: unknown[] = [credentialChainGeneration()];
  for (const name of Object.keys(explicit)) {
    const value = explicit[name as keyof SettingsInput];
    if (!plain(value)) return undefined;
    parts.push(name, value ?? null);
  }
  parts.push("|");
  const { overrides, stackConfig, providerConfig } = lookup;
  if (overrides) {
    for (const name of Object.keys(overrides.values)) {
      const value = overrides.values[name as keyof SettingsInput];
      if (!plain(value)) return undefined;
      parts.push(name, value ?? null);
    }
    parts.push(overrides.description, overrides.explicit === true, overrides.keyNames);
  }
  const packageAt = parts.push(stackConfig !== undefined);
  if (stackConfig && !readText(stackConfig, PACKAGE_CONFIG_KEYS, parts)) return undefined;
  const providerAt = parts.push(providerConfig !== undefined);
  if (providerConfig && !readText(providerConfig, PROVIDER_CONFIG_KEYS, parts)) return undefined;
  const env = lookup.env ?? process.env;
  const envAt = parts.length;
  if (!readText((name) => env[name], ENVIRONMENT_NAMES, parts)) return undefined;
  // The default credential files are under the user's home when the lookup's environment names none.
  const home = parts[envAt + ENVIRONMENT_NAMES.indexOf("HOME")];
  if (typeof home !== "string" || home.trim() === "") parts.push(homedir());
  for (const name of PROXY_NAMES) parts.push(process.env[name] ?? null);
  const recordedText = (keys: readonly string[], at: number) => {
    const values = new Map(keys.map((key, index) => [key, (parts[at + index] ?? undefined) as string | undefined]));
    return (key: string) => values.get(key);
  };
  return {
    key: JSON.stringify(parts),
    recorded: () => ({
      overrides,
      stackConfig: stackConfig && recordedText(PACKAGE_CONFIG_KEYS, packageAt),
      providerConfig: providerConfig && recordedText(PROVIDER_CONFIG_KEYS, providerAt),
      env: Object.fromEntries(
        ENVIRONMENT_NAMES.map((name, index) => [name, (parts[envAt + index] ?? undefined) as string | undefined]),
      ),
    }),
  };
}

function plain(value: unknown): boolean {
  return (
    value === undefined ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/** Appends `get(key)` of every key to `parts` (nothing as null); false when one is not text. */
function readText(get: ConfigGet, keys: readonly string[], parts: unknown[]): boolean {
  for (const key of keys) {
    const value: unknown = get(key);
    if (value !== undefined && typeof value !== "string") return false;
    parts.push(value ?? null);
  }
  return true;
}
