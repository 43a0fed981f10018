import type { SettingsInput, SettingsSource } from "./settings";

/** Settings passed as function or resource arguments: highest precedence. Every query takes `region` and `projectId`. */
export function explicitSource(values: SettingsInput): SettingsSource {
  const keys = new Set(["region", "projectId", ...Object.keys(values)]);
  const keyNames = Object.fromEntries([...keys].map((key) => [key, [key]]));
  return { description: "arguments", explicit: true, values, keyNames };
}
