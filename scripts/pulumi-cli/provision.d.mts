// Types for provision.mjs (plain ESM so that `node scripts/pulumi-cli.mjs` needs no TypeScript loader).

export declare const DEFAULT_CLI_VERSION: string;
export declare const PKG_MODULE: string;
export declare const SDK_MODULE: string;
export declare const CLI_PACKAGE: string;
export declare const LANGUAGE_HOST_MODULE: string;
export declare const DEV_PASSPHRASE: string;

export declare class PulumiCliProvisionError extends Error {
  constructor(step: string, detail: string, extra?: { module?: string; logFile?: string });
  /** The provisioning step that failed, e.g. "go mod tidy", "go build", "download pulumi modules". */
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
  /** True when `pulumi-language-nodejs` is available (needed for directory programs; inline programs work without). */
  languageHost: boolean;
  /** Where the language host is, or why it is missing (the exact refusal). */
  languageHostDetail: string;
  /** "path" (found on PATH), "cache" (earlier build), or "built" (built by this call). */
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
  allowBuild?: boolean;
  log?: (line: string) => void;
}

export declare function ensurePulumiCli(opts?: EnsureOptions): Promise<PulumiCli>;
export declare function repoRoot(): string;
export declare function cacheBase(env?: NodeJS.ProcessEnv): string;
export declare function cliVersionDir(version?: string, env?: NodeJS.ProcessEnv): string;
export declare function sdkInfo(): { dir: string; version: string; shims: string[] };
export declare function isCompatibleCliVersion(cliVersion: string, sdkVersion: string): boolean;
export declare function moduleFromGoOutput(text: string): string | undefined;
export declare function parseReplaces(
  goMod: string,
): { from: string; fromVersion?: string; to: string; toVersion?: string }[];
export declare function attemptLanguageHost(
  versionDir: string,
  version: string,
  log?: (line: string) => void,
): Promise<{ available: boolean; module: string; version?: string; error?: string }>;

export interface EnvOptions {
  cli: Pick<PulumiCli, "binDir" | "sdkDir">;
  env?: NodeJS.ProcessEnv;
  home?: string;
  backendDir?: string;
  passphrase?: string;
}
export declare function pulumiEnvOverrides(opts: EnvOptions): Record<string, string>;
export declare function pulumiEnv(opts: EnvOptions): Record<string, string | undefined>;
