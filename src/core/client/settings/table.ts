import type { SettingsInput } from "./settings";

/**
 * One setting, every fact of it in one row: what it is, where a user sets it (stack config keys, environment
 * variables, first match wins), its default and bounds. The stack config keys a program and the provider read, the
 * environment variables, the defaults, the provider's configuration schema (hence every SDK's docs) and the command
 * line's help are all derived from this table.
 */
export interface SettingSpec {
  /** Its type in the provider's configuration schema. */
  readonly type: "string" | "integer" | "boolean";
  /** What it is, for the schema and the SDKs; where it falls back to, and its default, are appended from the row. */
  readonly doc: string;
  /** Read as `huaweicloud-rds-offsite:<setting>` (the provider's own configuration). */
  readonly packageConfig: boolean;
  /** The `huaweicloud:<key>` keys of the huaweicloud provider read for it, with that provider's meaning. */
  readonly providerConfig: readonly string[];
  /** Environment variables, first match wins: `HW_*` as the Terraform provider names them, `HUAWEICLOUD_SDK_*` as the official SDKs do. */
  readonly environment: readonly string[];
  /** Marked secret in the schema: SDKs and the engine keep it out of logs and plain-text state. */
  readonly secret?: boolean;
  /** An integer setting's default and bounds. */
  readonly integer?: { readonly default: number; readonly min: number; readonly max: number };
}

const text = <const R extends Partial<SettingSpec>>(doc: string, row?: R): SettingSpec & R =>
  ({ type: "string", doc, packageConfig: true, providerConfig: [], environment: [], ...row }) as SettingSpec & R;

const integer = <const R extends Partial<SettingSpec>>(
  doc: string,
  bounds: NonNullable<SettingSpec["integer"]>,
  row?: R,
): SettingSpec & R & { readonly integer: NonNullable<SettingSpec["integer"]> } =>
  ({ ...text(doc, row), type: "integer", integer: bounds }) as SettingSpec &
    R & {
      readonly integer: NonNullable<SettingSpec["integer"]>;
    };

/** Every setting of the wire client. */
export const SETTINGS = {
  region: text("Region called, e.g. `ap-southeast-1`: for offsite backups, the backup (destination) region.", {
    providerConfig: ["region"],
    environment: ["HW_REGION_NAME"],
  }),
  accessKey: text("Access key (AK) of the credential used to sign requests.", {
    providerConfig: ["accessKey"],
    environment: ["HW_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
  }),
  secretKey: text("Secret key (SK). Never logged, never stored in plain text.", {
    providerConfig: ["secretKey"],
    environment: ["HW_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
    secret: true,
  }),
  securityToken: text("Security token of a temporary AK/SK.", {
    providerConfig: ["securityToken"],
    environment: ["HW_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
    secret: true,
  }),
  projectId: text("Project id of `region`; looked up through IAM when absent.", {
    providerConfig: ["projectId"],
    environment: ["HW_PROJECT_ID", "HUAWEICLOUD_SDK_PROJECT_ID"],
  }),
  rdsEndpoint: text("Override of the RDS endpoint for every region, e.g. a private endpoint.", {
    providerConfig: ["endpoints.rds"],
    environment: ["HW_RDS_ENDPOINT"],
  }),
  iamEndpoint: text("Override of the IAM endpoint used for project lookups.", {
    providerConfig: ["endpoints.iam", "authUrl"],
    environment: ["HW_IAM_ENDPOINT", "HUAWEICLOUD_SDK_IAM_ENDPOINT", "HW_AUTH_URL"],
  }),
  maxRetries: integer(
    "Retries after the first attempt for throttling, 5xx and network failures.",
    { default: 3, min: 0, max: 10 },
    { providerConfig: ["maxRetries"], environment: ["HW_MAX_RETRIES"] },
  ),
  maxConcurrency: integer(
    "Requests in flight at once in the provider process.",
    { default: 16, min: 1, max: 256 },
    { environment: ["HW_MAX_CONCURRENCY"] },
  ),
  cloud: text(
    "Domain suffix of the default endpoints (`rds.{region}.{cloud}`, `iam.{region}.{cloud}`), as the huaweicloud provider's `cloud`.",
    { packageConfig: false, providerConfig: ["cloud"], environment: ["HW_CLOUD"] },
  ),
  attemptTimeoutMs: integer("Timeout of one HTTP attempt, in milliseconds.", {
    default: 15_000,
    min: 100,
    max: 600_000,
  }),
  totalTimeoutMs: integer("Timeout of one call including all retries and waits, in milliseconds.", {
    default: 60_000,
    min: 100,
    max: 3_600_000,
  }),
  retryBaseDelayMs: integer("First retry delay in milliseconds; doubles each retry, with jitter, capped at 5 s.", {
    default: 250,
    min: 0,
    max: 60_000,
  }),
  maxResponseBytes: integer(
    "Largest response body read, in decoded bytes (after gzip/deflate); a larger answer is refused.",
    {
      default: 8 * 1024 * 1024,
      min: 1024,
      max: 1024 * 1024 * 1024,
    },
  ),
  insecure: text("Skip TLS certificate verification, with a warning every run.", {
    type: "boolean",
    providerConfig: ["insecure"],
    environment: ["HW_INSECURE"],
  }),
  cacertFile: text("A PEM CA bundle (path or PEM text) trusted instead of the default roots.", {
    providerConfig: ["cacertFile"],
    environment: ["HW_CACERT_FILE"],
  }),
  // --- issue 20: where the credential chain looks after the credentials above (see credentials/chain.ts) ---
  credentialsFile: text(
    "The official SDKs' profile file (INI, section `[basic]`: `ak`, `sk`, `security_token`), read when no access key is set. Default `~/.huaweicloud/credentials`.",
    { environment: ["HUAWEICLOUD_SDK_CREDENTIALS_FILE"] },
  ),
  sharedConfigFile: text(
    "KooCLI's shared config file (`accessKeyId`, `secretAccessKey`, `securityToken` of a profile in mode AKSK), read after the profile file. Default `~/.hcloud/config.json`.",
    { providerConfig: ["sharedConfigFile"], environment: ["HW_SHARED_CONFIG_FILE"] },
  ),
  profile: text("The profile of the shared config file to read. Default the file's `current` profile.", {
    providerConfig: ["profile"],
    environment: ["HW_PROFILE"],
  }),
  oidcProviderUrn: text(
    "OIDC federation through STS `AssumeAgencyWithOIDC`: the URN of the IAM identity provider, e.g. `iam::<account id>:oidcProvider:<name>`; with `oidcAgencyUrn` and an id token.",
    { environment: ["HUAWEICLOUD_OIDC_PROVIDER_URN"] },
  ),
  oidcAgencyUrn: text(
    "OIDC federation through STS: the URN of the trust agency assumed, e.g. `iam::<account id>:agency:<name>`.",
    { environment: ["HUAWEICLOUD_OIDC_AGENCY_URN"] },
  ),
  oidcIdpId: text(
    "OIDC federation through IAM (id token → unscoped token → temporary credential), used when no provider URN is set: the identity provider's id.",
    { environment: ["HUAWEICLOUD_OIDC_IDP_ID", "HUAWEICLOUD_SDK_IDP_ID"] },
  ),
  oidcTokenFile: text(
    "OIDC federation: a file holding the id token, read again at every refresh (CI systems rotate it).",
    {
      environment: ["HUAWEICLOUD_OIDC_TOKEN_FILE", "HUAWEICLOUD_SDK_ID_TOKEN_FILE"],
    },
  ),
  oidcIdToken: text("OIDC federation: the id token itself; taken before the token file, as the official SDKs do.", {
    environment: ["HUAWEICLOUD_OIDC_ID_TOKEN"],
    secret: true,
  }),
  oidcSessionName: text("OIDC federation through STS: the agency session's name. Default `oidc-sts-session`.", {
    environment: ["HUAWEICLOUD_OIDC_SESSION_NAME"],
  }),
  // STS `AssumeAgencyWithOIDC` takes `duration_seconds` from 900 to the agency's maximum session, at most 12 h; the
  // official SDKs read this variable for that call only. IAM's id-token path would take up to 24 h, but one variable
  // has one range: the call it was named for.
  oidcDurationSeconds: integer(
    "OIDC federation: lifetime asked for the temporary credential, in seconds (STS allows up to the agency's maximum, at most 43200).",
    { default: 3600, min: 900, max: 43_200 },
    { environment: ["HUAWEICLOUD_OIDC_DURATION_SECONDS"] },
  ),
  oidcPolicy: text("OIDC federation through STS: a session policy (JSON text) narrowing the agency's permissions.", {
    environment: ["HUAWEICLOUD_OIDC_POLICY"],
  }),
  oidcPolicyIds: text(
    "OIDC federation through STS: ids of identity policies narrowing the agency's permissions, comma-separated.",
    {
      environment: ["HUAWEICLOUD_OIDC_POLICY_IDS"],
    },
  ),
  stsEndpoint: text(
    "The STS endpoint of OIDC federation through STS. Default `https://sts.{region}.myhuaweicloud.com` in the regions the official SDKs list, else `https://sts.cn-north-4.myhuaweicloud.com`.",
    { environment: ["HUAWEICLOUD_SDK_STS_ENDPOINT"] },
  ),
  metadataEndpoint: text(
    "The ECS metadata service, read last (an instance's agency). Default `http://169.254.169.254`.",
    { environment: ["HW_METADATA_ENDPOINT"] },
  ),
  assumeAgencyName: text(
    "An agency assumed with whichever credential was found (IAM `assume_role`, 1 h); with `assumeDomainName`.",
    { providerConfig: ["assumeRole.agencyName"], environment: ["HW_ASSUME_ROLE_AGENCY_NAME"] },
  ),
  assumeDomainName: text("The account (domain) name owning the agency of `assumeAgencyName`.", {
    providerConfig: ["assumeRole.domainName"],
    environment: ["HW_ASSUME_ROLE_DOMAIN_NAME"],
  }),
  // --- end issue 20 ---
} as const satisfies Record<keyof SettingsInput, SettingSpec>;

export type SettingName = keyof typeof SETTINGS;

/** The integer settings, by name. */
export type IntegerSetting = {
  [K in SettingName]: (typeof SETTINGS)[K] extends { readonly integer: object } ? K : never;
}[SettingName];

/** Settings readable as `huaweicloud-rds-offsite:<key>`: every one but those only the huaweicloud provider names. */
export type PackageConfigKey = {
  [K in SettingName]: (typeof SETTINGS)[K] extends { readonly packageConfig: false } ? never : K;
}[SettingName];

const names = Object.keys(SETTINGS) as SettingName[];

export const PACKAGE_CONFIG_KEYS: readonly PackageConfigKey[] = names.filter(
  (name): name is PackageConfigKey => SETTINGS[name].packageConfig,
);

/** Environment variable names of each setting that has any, first match wins. */
export const ENVIRONMENT_KEYS: Readonly<Partial<Record<SettingName, readonly string[]>>> = Object.fromEntries(
  names.filter((name) => SETTINGS[name].environment.length > 0).map((name) => [name, SETTINGS[name].environment]),
);

/** The `huaweicloud:<key>` top-level keys read (a map key such as `endpoints.rds` is read as `endpoints`). */
export const PROVIDER_CONFIG_KEYS: readonly string[] = [
  ...new Set(names.flatMap((name) => SETTINGS[name].providerConfig.map((key) => key.split(".")[0] as string))),
];

/** A setting's documentation with where it falls back to and its default, as the schema and the SDKs show it. */
export function settingDoc(name: SettingName): string {
  const row: SettingSpec = SETTINGS[name];
  const quoted = (keys: readonly string[]) => keys.map((key) => `\`${key}\``).join(", then ");
  const environment = row.environment.length === 0 ? "" : ` Falls back to ${quoted(row.environment)}.`;
  // The engine hands a provider plugin only its own namespace: huaweicloud:* reaches programs, never the plugin.
  const program =
    row.providerConfig.length === 0
      ? ""
      : ` In programs, ${quoted(row.providerConfig.map((key) => `huaweicloud:${key}`))} first.`;
  const byDefault = row.integer === undefined ? "" : ` Default ${row.integer.default}.`;
  return `${row.doc}${environment}${program}${byDefault}`;
}
