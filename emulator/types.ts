import type { RateLimitOptions } from "./rateLimit";
import type { ClientTurnaround } from "./requestStats";
/** The operations the emulator serves; "unknown" marks requests that matched no API. */
export type Operation = "listOffsiteInstances" | "listRestoreTimes" | "listProjects" | "unknown";

/** One item of `offsite_backup_instances`, exactly as the RDS API sends it (every field but `id` may be absent). */
export interface OffsiteBackupInstance {
  readonly id: string;
  readonly name?: string;
  readonly source_region?: string;
  readonly source_project_id?: string;
  readonly datastore?: { readonly type: string; readonly version: string };
  readonly destination_region?: string;
  readonly destination_project_id?: string;
  readonly keep_days?: number;
}

/** One item of `restore_time`: epoch milliseconds, UTC. */
export interface RestoreTimeRange {
  readonly start_time: number;
  readonly end_time: number;
}

/** One IAM project as `GET /v3/projects` returns it. */
export interface IamProject {
  readonly id: string;
  readonly name: string;
  readonly domain_id: string;
  readonly enabled: true;
  readonly parent_id: string;
  readonly description: string;
  readonly is_domain: false;
}

/** The emulator's data: read access for assertions, and mutation for tests that change the cloud mid-run. */
export interface Dataset {
  /** The instances whose offsite backups live in `region`, in the order the API pages them. */
  instances(region: string): OffsiteBackupInstance[];
  /** All restore ranges of an instance, ascending; throws for an unknown instance id. */
  restoreRanges(instanceId: string): RestoreTimeRange[];
  /** Appends `n` new instances to `region` (which must have been configured) and returns them. */
  addInstances(region: string, n: number): OffsiteBackupInstance[];
  /** Removes an instance; returns false when there was none with that id. */
  removeInstance(id: string): boolean;
}

/** What the emulator remembers about one request. Never holds the Authorization value, an access key or a secret. */
export interface RequestLogEntry {
  /** Epoch ms when the request arrived. */
  at: number;
  /** The `X-Request-Id` the response carried. */
  requestId: string;
  method: string;
  /** The path exactly as received (still percent-encoded). */
  path: string;
  /** Query parameters after decoding; repeated keys keep every value in order. */
  query: Record<string, string[]>;
  operation: Operation;
  /** The HTTP status answered; 0 while pending, and for a `reset` fault. */
  status: number;
  /** `error_code` of an error body. */
  errorCode?: string;
  /** The `X-Project-Id` header as received. */
  projectIdHeader?: string;
  /** The SignedHeaders list of the Authorization header. */
  signedHeaders?: string[];
  /** The fault served instead of (or before) the normal answer. */
  fault?: Fault;
}

/** Answer this status instead; without a body, the gateway's or RDS's error for that status (see errors.ts). */
export interface StatusFault {
  status: number;
  /** A string is sent as is (e.g. an HTML error page), anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A one-shot misbehaviour, served to the next request of `operation` (any operation when absent):
 * a status answer, `reset` (the socket is destroyed without a response), or `delayMs` (then the normal answer).
 */
export type Fault = { operation?: Operation } & (StatusFault | { reset: true } | { delayMs: number });

export interface EmulatorCredential {
  accessKey: string;
  secretKey: string;
  /** Set for a temporary credential: requests must then carry it, signed, in `X-Security-Token`. */
  securityToken?: string;
  /** Issue 20: epoch ms after which this (issued, temporary) credential is refused. */
  expiresAt?: number;
}

export interface EmulatorOptions {
  /** @default 0 (an ephemeral port); the host is always 127.0.0.1 */
  port?: number;
  /** Same seed and options give byte-identical data. @default 1 */
  seed?: number;
  /**
   * Destination (backup) region -> number of instances whose offsite backups live there.
   * @default {"cn-north-4": 12, "ap-southeast-1": 237, "eu-west-101": 3}
   */
  regions?: Record<string, number>;
  /**
   * A region that also lists the readiness cases, after its generated instances (created with one project if not in
   * `regions`): an instance whose backups stopped 3 days before the anchor, one whose ranges have holes, one with no
   * range (its name holds markup and a terminal escape), one whose every restore-time lookup answers 500, one kept
   * 1,825 days and one ready. Ids start with `ca5e000`. @default none
   */
  readinessCases?: string;
  /** Region -> number of IAM projects named after it; 0 or 2 make the project lookup fail. @default 1 each */
  projectsPerRegion?: Record<string, number>;
  /** Epoch ms treated as "now" for restore ranges. @default Date.now() floored to the hour */
  anchorTime?: number;
  /** Latency added to every request. @default 0 */
  latencyMs?: number;
  /** Accepted difference between `X-Sdk-Date` and the clock. @default 15 minutes */
  maxClockSkewMs?: number;
  /** @default one fixed emulator-only pair */
  credentials?: EmulatorCredential[];
  /**
   * The gateway's throttling: a token bucket per project and API; past it, 429 APIG.0308 with Retry-After.
   * @default none (never throttles)
   * @example { requestsPerSecond: 500, burst: 50 }
   */
  rateLimit?: RateLimitOptions;
  /** Issue 20: OIDC identity providers, agencies and the lifetime of the temporary credentials issued. */
  credentialServices?: import("./credentialServices").CredentialServiceOptions;
}

export interface Emulator {
  /** "http://127.0.0.1:<port>", serving RDS and IAM on the same origin. */
  readonly url: string;
  /** The first credential. */
  readonly credentials: EmulatorCredential;
  /** Region -> its first project id (regions without a project are absent). */
  readonly projects: Record<string, string>;
  readonly dataset: Dataset;
  readonly requests: RequestLogEntry[];
  /** The highest number of requests handled at once since start or the last resetStats(). */
  readonly maxInFlight: number;
  readonly inFlight: number;
  /** The clients' turnaround since start or the last resetStats(): see ClientTurnaround. */
  readonly clientTurnaround: ClientTurnaround;
  resetStats(): void;
  setLatency(ms: number): void;
  queueFault(fault: Fault): void;
  readonly faultsPending: number;
  /** Called after authentication, before the answer is computed; awaited. `undefined` removes it. */
  onRequest(hook: ((entry: RequestLogEntry) => void | Promise<void>) | undefined): void;
  /** Issue 20: IAM's temporary-credential exchanges (on `url`) and the ECS metadata service. */
  readonly credentialServices: import("./credentialServices").CredentialServices;
  close(): Promise<void>;
}
