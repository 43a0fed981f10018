import { environmentSource } from "../client/config/environment";
import { explicitSource } from "../client/config/explicitSource";
import { resolveSettings } from "../client/config/resolveSettings";
import type { ClientSettings, SettingsInput } from "../client/config/settings";
import { stackConfigSource } from "../client/config/stackConfigKeys";

/**
 * Where settings come from besides explicit arguments: the program's stack config (program side), the `configure`
 * request (provider side), and an environment. Keeping this a plain lookup keeps the queries free of Pulumi.
 */
export interface ConfigurationLookup {
  /** `huaweicloud:<key>` → value. */
  stackConfig?: ((key: string) => string | undefined) | undefined;
  /** @default process.env */
  env?: NodeJS.ProcessEnv | undefined;
}

export function settingsFor(explicit: SettingsInput, lookup: ConfigurationLookup): ClientSettings {
  const sources = [explicitSource(explicit)];
  if (lookup.stackConfig) sources.push(stackConfigSource(lookup.stackConfig));
  sources.push(environmentSource(lookup.env ?? process.env));
  return resolveSettings(sources);
}
