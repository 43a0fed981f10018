// Types for provision.mjs (plain ESM so that `node scripts/pulumi-cli.mjs` needs no TypeScript loader).

export declare const DEFAULT_CLI_VERSION: string;
export declare const DEV_PASSPHRASE: string;

export declare class PulumiCliProvisionError extends Error {
  constructor(step: string, detail: string, extra?: { module?: string; logFile?: string });
  /** The provisioning step that failed, e.g. "go mod tidy", "go build", "language host go build". */
  readonly step: string;
  /** The Go module (or package) the failure names, when Go's output names one. */
  readonly module?: string;
  /** Full output of the failed command. */
  readonly logFile?: string;
}

export interface PulumiCli {
  /** Absolute path of the `pulumi` binary. */
  pulumiPath: string;
  /** Directory of the binary. */
  binDir: string;
  /** Directory with `bin/pulumi`, for `PulumiCommand.get({ root })`. */
  root: string;
  /** e.g. "v3.259.0" */
  version: string;
  /** The Node language host that runs directory projects; null only for a CLI on PATH whose installation lacks it. */
  languageHostPath: string | null;
  /** "path" (found on PATH), "cache" (earlier build), or "built" (the CLI was built by this call). */
  source: "path" | "cache" | "built";
  /** Version of the installed @pulumi/pulumi SDK. */
  sdkVersion: string;
  /** Directory of the installed @pulumi/pulumi; holds the `pulumi-resource-pulumi-nodejs` shim. */
  sdkDir: string;
  /** Plugin shims found in sdkDir, e.g. ["pulumi-resource-pulumi-nodejs"]. */
  shims: string[];
}

export interface EnsureOptions {
  version?: string;
  allowPath?: boolean;
  log?: (line: string) => void;
}

export declare function ensurePulumiCli(opts?: EnsureOptions): Promise<PulumiCli>;
export declare function repoRoot(): string;
export declare function cacheBase(env?: NodeJS.ProcessEnv): string;
export declare function cliVersionDir(version?: string, env?: NodeJS.ProcessEnv): string;
export declare function sdkInfo(): { dir: string; version: string; shims: string[] };
export declare function isCompatibleCliVersion(cliVersion: string, sdkVersion: string): boolean;

export interface EnvOptions {
  cli: Pick<PulumiCli, "binDir" | "sdkDir" | "source">;
  env?: NodeJS.ProcessEnv;
  home?: string;
  backendDir?: string;
  passphrase?: string;
  /** The project directory the CLI runs in: its Pulumi.yaml `tsconfig` runtime option reaches the provisioned host. */
  projectDir?: string;
}
export declare function pulumiEnvOverrides(opts: EnvOptions): Record<string, string>;
export declare function pulumiEnv(opts: EnvOptions): Record<string, string | undefined>;
