import { environmentSource } from "../client/settings/environment";
import { explicitSource } from "../client/settings/explicitSource";
import { resolveSettings } from "../client/settings/resolveSettings";
import type { ClientSettings, SettingsInput, SettingsSource } from "../client/settings/settings";
import { type ConfigGet, packageConfigSource, providerConfigSource } from "../client/settings/stackConfigKeys";

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

/** Arguments → overrides → `huaweicloud-rds-offsite:*` → `huaweicloud:*` → environment. */
export function settingsFor(explicit: SettingsInput, lookup: ConfigurationLookup): ClientSettings {
  const sources = [explicitSource(explicit)];
  if (lookup.overrides) sources.push(lookup.overrides);
  if (lookup.stackConfig) sources.push(packageConfigSource(lookup.stackConfig));
  if (lookup.providerConfig) sources.push(providerConfigSource(lookup.providerConfig));
  const env = lookup.env ?? process.env;
  sources.push(environmentSource(env));
  return resolveSettings(sources, env);
}
