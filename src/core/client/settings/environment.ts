import type { SettingsInput, SettingsSource } from "./settings";
import { withoutVersion } from "./stackConfigKeys";

/**
 * Environment variable names, first match wins. `HW_*` are the Terraform provider's names, `HUAWEICLOUD_SDK_*` the
 * official SDKs': users already have one set or the other exported in their CI jobs.
 */
export const ENVIRONMENT_KEYS = {
  region: ["HW_REGION_NAME"],
  accessKey: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
  secretKey: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
  securityToken: ["HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
  projectId: ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"],
  rdsEndpoint: ["HW_RDS_ENDPOINT"],
  iamEndpoint: ["HW_IAM_ENDPOINT", "HUAWEICLOUD_SDK_IAM_ENDPOINT", "HW_AUTH_URL"],
  maxRetries: ["HW_MAX_RETRIES"],
  maxConcurrency: ["HW_MAX_CONCURRENCY"],
  cloud: ["HW_CLOUD"],
  insecure: ["HW_INSECURE"],
  cacertFile: ["HW_CACERT_FILE"],
} as const satisfies Partial<Record<keyof SettingsInput, readonly string[]>>;

export function environmentSource(env: NodeJS.ProcessEnv = process.env): SettingsSource {
  const values: SettingsInput = {};
  const keyNames: Partial<Record<keyof SettingsInput, readonly string[]>> = { ...ENVIRONMENT_KEYS };
  for (const [setting, names] of Object.entries(ENVIRONMENT_KEYS) as [
    keyof typeof ENVIRONMENT_KEYS,
    readonly string[],
  ][]) {
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
