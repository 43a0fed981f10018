import type { PACKAGE_CONFIG_KEYS } from "../client/settings/stackConfigKeys";
import type { FieldDefinition } from "./definition";

type PackageConfigKey = (typeof PACKAGE_CONFIG_KEYS)[number];

const string = { type: "string" } as const;
const integer = { type: "integer" } as const;
const setting = (type: FieldDefinition["type"], description: string, secret = false): FieldDefinition => ({
  type,
  required: false,
  description,
  ...(secret ? { secret: true } : {}),
});

/**
 * The provider's settings: stack config `huaweicloud-rds-offsite:<key>` (the default provider) or the arguments of an
 * explicit provider. Keyed by every setting this package reads from its namespace, no more, no less.
 */
export const CONFIGURATION: Readonly<Record<PackageConfigKey, FieldDefinition>> = {
  region: setting(
    string,
    "Region called, e.g. `ap-southeast-1`: for offsite backups, the backup (destination) region. Falls back to `HW_REGION_NAME`.",
  ),
  accessKey: setting(
    string,
    "Access key (AK) of the credential used to sign requests. Falls back to `HW_ACCESS_KEY`, then `HUAWEICLOUD_SDK_AK`.",
  ),
  secretKey: setting(
    string,
    "Secret key (SK). Never logged, never stored in plain text. Falls back to `HW_SECRET_KEY`, then `HUAWEICLOUD_SDK_SK`.",
    true,
  ),
  securityToken: setting(
    string,
    "Security token of a temporary AK/SK. Falls back to `HW_SECURITY_TOKEN`, then `HUAWEICLOUD_SDK_SECURITY_TOKEN`.",
    true,
  ),
  projectId: setting(
    string,
    "Project id of `region`; looked up through IAM when absent. Falls back to `HW_PROJECT_ID`, then `HUAWEICLOUD_SDK_PROJECT_ID`.",
  ),
  rdsEndpoint: setting(
    string,
    "Override of the RDS endpoint for every region, e.g. a private endpoint. Falls back to `HW_RDS_ENDPOINT`.",
  ),
  iamEndpoint: setting(
    string,
    "Override of the IAM endpoint used for project lookups. Falls back to `HW_IAM_ENDPOINT`, then `HUAWEICLOUD_SDK_IAM_ENDPOINT`.",
  ),
  maxRetries: setting(integer, "Retries after the first attempt for throttling, 5xx and network failures (default 3)."),
  maxConcurrency: setting(integer, "Requests in flight at once in the provider process (default 16)."),
  attemptTimeoutMs: setting(integer, "Timeout of one HTTP attempt, in milliseconds (default 15000)."),
  totalTimeoutMs: setting(
    integer,
    "Timeout of one call including all retries and waits, in milliseconds (default 60000).",
  ),
  retryBaseDelayMs: setting(
    integer,
    "First retry delay in milliseconds; doubles each retry, with jitter, capped at 5 s (default 250).",
  ),
  maxResponseBytes: setting(
    integer,
    "Largest response body read, in decoded bytes; a larger answer is refused (default 8388608, 8 MiB).",
  ),
  insecure: setting(
    { type: "boolean" },
    "Skip TLS certificate verification, with a warning every run. Falls back to `huaweicloud:insecure`, then `HW_INSECURE`.",
  ),
  cacertFile: setting(
    string,
    "A PEM CA bundle (path or PEM text) trusted instead of the default roots. Falls back to `huaweicloud:cacertFile`, then `HW_CACERT_FILE`.",
  ),
};
