import { environmentSource } from "../core/client/settings/environment";
import { resolveSettings } from "../core/client/settings/resolveSettings";
import type { SettingsInput, SettingsSource } from "../core/client/settings/settings";
import { SETTINGS } from "../core/client/settings/table";
import type { ConfigurationLookup } from "../core/dataSources/configurationLookup";
import { REGION_ARGUMENTS } from "../core/dataSources/definition";
import type { RegionArgs } from "../core/dataSources/types";
import { type FlagSpecs, type FlagValues, helpText } from "./flags";

/** The environment variable a setting defaults to, with "…" when others are read too (the settings table lists them). */
function environmentDefault(setting: keyof typeof SETTINGS): string {
  const [first, ...others] = SETTINGS[setting].environment;
  return others.length === 0 ? `${first}` : `${first}, …`;
}

/** Flags that override the environment's connection settings; every command takes them. */
export const CONNECTION_FLAGS = {
  region: {
    type: "string",
    value: REGION_ARGUMENTS.region.placeholder,
    argument: "region",
    description: `${helpText(REGION_ARGUMENTS.region)} (default: ${environmentDefault("region")})`,
  },
  "project-id": {
    type: "string",
    value: REGION_ARGUMENTS.projectId.placeholder,
    argument: "projectId",
    description: `${helpText(REGION_ARGUMENTS.projectId)} (default: ${environmentDefault("projectId")}, else looked up in IAM)`,
  },
  endpoint: {
    type: "string",
    value: "URL",
    argument: "rdsEndpoint",
    description: `RDS endpoint (default: ${environmentDefault("rdsEndpoint")}, else https://rds.<region>.myhuaweicloud.com)`,
  },
  "iam-endpoint": {
    type: "string",
    value: "URL",
    argument: "iamEndpoint",
    description: `IAM endpoint for the project lookup (default: ${environmentDefault("iamEndpoint")}, else the global one)`,
  },
} as const satisfies FlagSpecs;

/** The configuration a command's queries run on. */
export interface Connection {
  /** The environment, and the endpoint flags as overrides ahead of it. */
  readonly lookup: ConfigurationLookup;
  /** The region the queries will call, for progress messages. */
  readonly region: string;
}

type ConnectionSetting = "region" | "projectId" | "rdsEndpoint" | "iamEndpoint";

/**
 * Flags first, then the environment (`HW_*`, `HUAWEICLOUD_SDK_*`). The settings are resolved once here, with the
 * flags as a source named by their flags, so a missing region says "Set --region … or HW_REGION_NAME" and a bad
 * `--endpoint` is refused naming `--endpoint` (the "arguments" source reports InvalidArgumentError), before any
 * request. The queries take `region` and `projectId` as arguments but have no argument for endpoints, so those
 * reach them as the lookup's overrides (named by their flags in errors too); the environment is passed untouched.
 */
export function connect(values: FlagValues, env: NodeJS.ProcessEnv): Connection {
  const flags: Partial<Record<ConnectionSetting, string>> = {};
  const keyNames: Partial<Record<keyof SettingsInput, readonly string[]>> = {};
  for (const [name, spec] of Object.entries(CONNECTION_FLAGS)) {
    keyNames[spec.argument] = [`--${name}`];
    const value = values[name];
    if (typeof value === "string") flags[spec.argument] = value;
  }
  const flagSource: SettingsSource = { description: "arguments", values: flags, keyNames };
  const settings = resolveSettings([flagSource, environmentSource(env)]);

  const { rdsEndpoint, iamEndpoint } = flags;
  const endpoints: SettingsSource = {
    ...flagSource,
    values: {
      ...(rdsEndpoint === undefined ? {} : { rdsEndpoint }),
      ...(iamEndpoint === undefined ? {} : { iamEndpoint }),
    },
  };
  return { lookup: { env, overrides: endpoints }, region: settings.region };
}

/** `--region` and `--project-id`, as the explicit `region` and `projectId` arguments every query takes. */
export function regionArguments(values: FlagValues): RegionArgs {
  const where: RegionArgs = {};
  for (const name of ["region", "project-id"] as const) {
    const value = values[name];
    if (typeof value === "string") where[CONNECTION_FLAGS[name].argument] = value;
  }
  return where;
}
