import type { CredentialProvider } from "../credentials/types";
import type { HttpTime } from "../http/httpTime";

/** Connection settings as a caller may give them: every field optional, numbers may arrive as config strings. */
export interface SettingsInput {
  /** Region called, e.g. `ap-southeast-1`: for offsite backups, the backup (destination) region. */
  region?: string | undefined;
  /** Access key (AK) of the credential used to sign requests. */
  accessKey?: string | undefined;
  /** Secret key (SK). Never logged, never stored in Pulumi state. */
  secretKey?: string | undefined;
  /** Security token of a temporary AK/SK; sent and signed as `X-Security-Token`. */
  securityToken?: string | undefined;
  /** Project id of `region`. Looked up through IAM when absent. */
  projectId?: string | undefined;
  /** Override of the RDS endpoint for every region, e.g. a local emulator or a private endpoint. */
  rdsEndpoint?: string | undefined;
  /** Override of the IAM endpoint used for project lookups. */
  iamEndpoint?: string | undefined;
  /** Domain suffix of the default endpoints (`rds.{region}.{cloud}`, `iam.{region}.{cloud}`), as the huaweicloud provider's `cloud`. */
  cloud?: string | undefined;
  /** Retries after the first attempt for throttling, 5xx and network failures. @default 3 */
  maxRetries?: number | string | undefined;
  /** Requests in flight at once in this process. @default 16 */
  maxConcurrency?: number | string | undefined;
  /** Timeout of one HTTP attempt, in ms. @default 15000 */
  attemptTimeoutMs?: number | string | undefined;
  /** Timeout of one call including all retries and waits, in ms. @default 60000 */
  totalTimeoutMs?: number | string | undefined;
  /** First retry delay in ms; doubles each retry, with jitter, capped at 5 s. @default 250 */
  retryBaseDelayMs?: number | string | undefined;
  /**
   * Largest response body read, in decoded bytes (after gzip/deflate): a larger answer is refused as
   * `CLIENT.BadResponse`. A listing page of 100 instances is about 40 KB. @default 8388608 (8 MiB)
   */
  maxResponseBytes?: number | string | undefined;
  /** Skip TLS certificate verification (`true`/`false`), as the huaweicloud provider's `insecure`; warns every run. @default false */
  insecure?: boolean | string | undefined;
  /**
   * A PEM CA bundle (a path, or the PEM text) trusted instead of the default roots, as the huaweicloud provider's
   * `cacertFile`, e.g. `/etc/ssl/corp-ca.pem`. Without it, Node's roots plus `NODE_EXTRA_CA_CERTS` are trusted.
   */
  cacertFile?: string | undefined;
  // --- issue 20: where the credential chain looks when no access key is set (rows of table.ts say each one's keys) ---
  /** The official SDKs' profile file. @default ~/.huaweicloud/credentials */
  credentialsFile?: string | undefined;
  /** KooCLI's shared config file. @default ~/.hcloud/config.json */
  sharedConfigFile?: string | undefined;
  /** The shared config file's profile. @default the file's `current` */
  profile?: string | undefined;
  /** OIDC through STS `AssumeAgencyWithOIDC`: the identity provider's URN. */
  oidcProviderUrn?: string | undefined;
  /** OIDC through STS: the trust agency's URN. */
  oidcAgencyUrn?: string | undefined;
  /** OIDC through IAM (`/v3.0/OS-AUTH/id-token/tokens`): the identity provider's id. */
  oidcIdpId?: string | undefined;
  /** OIDC: a file holding the id token, read again at every refresh. */
  oidcTokenFile?: string | undefined;
  /** OIDC: the id token itself. */
  oidcIdToken?: string | undefined;
  /** OIDC through STS: the agency session's name. @default oidc-sts-session */
  oidcSessionName?: string | undefined;
  /** OIDC: lifetime asked for, in seconds. @default 3600 */
  oidcDurationSeconds?: number | string | undefined;
  /** OIDC through STS: a session policy (JSON text). */
  oidcPolicy?: string | undefined;
  /** OIDC through STS: identity policy ids, comma-separated. */
  oidcPolicyIds?: string | undefined;
  /** The STS endpoint of OIDC through STS. */
  stsEndpoint?: string | undefined;
  /** The ECS metadata service. @default http://169.254.169.254 */
  metadataEndpoint?: string | undefined;
  /** An agency assumed on top of the credential found, with `assumeDomainName`. */
  assumeAgencyName?: string | undefined;
  /** The account (domain) owning `assumeAgencyName`. */
  assumeDomainName?: string | undefined;
  // --- end issue 20 ---
}

/** Settings after precedence, defaults and validation: what the wire client runs on. */
export interface ClientSettings {
  readonly region: string;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken: string | undefined;
  // --- issue 20: the credential chain ---
  /**
   * Where each attempt's credential comes from (the chain: settings, profile file, shared config, OIDC, ECS metadata,
   * then an agency). When set, it wins over the three fields above, which then hold only a credential given as a value.
   */
  readonly credentials?: CredentialProvider | undefined;
  // --- end issue 20 ---
  /** Known project id, or undefined to look it up through IAM. */
  readonly projectId: string | undefined;
  /** How a user gives the project id of `region` (where they may), for an IAM lookup that finds none or several. */
  readonly projectIdHelp: string;
  readonly rdsEndpoint: string;
  readonly iamEndpoint: string;
  readonly maxRetries: number;
  readonly maxConcurrency: number;
  readonly attemptTimeoutMs: number;
  readonly totalTimeoutMs: number;
  readonly retryBaseDelayMs: number;
  readonly maxResponseBytes: number;
  /** @default false */
  readonly insecure?: boolean | undefined;
  readonly cacertFile?: string | undefined;
  /** The key each of these settings was read from (e.g. `HW_SECURITY_TOKEN`), for messages that must not show the value. */
  readonly settingKeys?: Readonly<Partial<Record<"securityToken" | "insecure" | "cacertFile", string>>> | undefined;
  /** Clock, timers and jitter of the HTTP layer; never configured, injected by tests. @default systemTime */
  readonly time?: HttpTime | undefined;
}

/** A named place settings come from (explicit arguments, stack config, environment), in precedence order. */
export interface SettingsSource {
  /** Set on the explicit arguments of a call: their region may differ from the configured one. */
  readonly explicit?: boolean;
  /** How a user would name this place in an error message, e.g. `stack config (huaweicloud:<key>)`. */
  readonly description: string;
  readonly values: SettingsInput;
  /** For each setting, the exact key(s) a user sets in this source, e.g. `huaweicloud:accessKey`. */
  readonly keyNames: Partial<Record<keyof SettingsInput, readonly string[]>>;
}
