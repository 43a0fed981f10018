import type { SettingsInput, SettingsSource } from "./settings";
import { withoutVersion } from "./stackConfigKeys";
import { ENVIRONMENT_KEYS } from "./table";

export { ENVIRONMENT_KEYS };

export function environmentSource(env: NodeJS.ProcessEnv = process.env): SettingsSource {
  const values: SettingsInput = {};
  const keyNames: Partial<Record<keyof SettingsInput, readonly string[]>> = { ...ENVIRONMENT_KEYS };
  for (const [setting, names] of Object.entries(ENVIRONMENT_KEYS) as [keyof SettingsInput, readonly string[]][]) {
    const name = names.find((candidate) => nonEmpty(env[candidate]) !== undefined);
    const value = name === undefined ? undefined : nonEmpty(env[name]);
    values[setting] = name === "HW_AUTH_URL" ? withoutVersion(value) : value;
    // The variable actually read comes first: messages name it (never its value).
    if (name !== undefined && name !== names[0]) keyNames[setting] = [name, ...names.filter((other) => other !== name)];
  }
  return { description: "environment", values, keyNames };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}
