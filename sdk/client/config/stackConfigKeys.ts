import type { SettingsInput } from "./settings";

/** Pulumi stack config namespace shared with the `huaweicloud` provider (the Terraform bridge). */
export const STACK_CONFIG_NAMESPACE = "huaweicloud";

/** Settings readable from stack config; `huaweicloud:<key>`. Secrets (`secretKey`, `securityToken`) should be set with `--secret`. */
export const STACK_CONFIG_KEYS = [
  "region",
  "accessKey",
  "secretKey",
  "securityToken",
  "projectId",
  "rdsEndpoint",
  "iamEndpoint",
  "maxRetries",
  "maxConcurrency",
  "attemptTimeoutMs",
  "totalTimeoutMs",
  "retryBaseDelayMs",
] as const satisfies readonly (keyof SettingsInput)[];

/** Builds a settings source from any `key -> value` lookup of the `huaweicloud` namespace (program or provider side). */
export function stackConfigSource(get: (key: string) => string | undefined) {
  const values: SettingsInput = {};
  const keyNames: Partial<Record<keyof SettingsInput, readonly string[]>> = {};
  for (const key of STACK_CONFIG_KEYS) {
    const value = get(key);
    values[key] = value === undefined || value.trim() === "" ? undefined : value;
    keyNames[key] = [`${STACK_CONFIG_NAMESPACE}:${key}`];
  }
  return { description: "stack config", values, keyNames };
}
