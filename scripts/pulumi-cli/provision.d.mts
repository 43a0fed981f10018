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
  /** "path" (found on PATH), "cache" (earlier build), or "built" (this call built the CLI or its language host). */
  source: "path" | "cache" | "built";
  /** Version of the installed @pulumi/pulumi SDK. */
  sdkVersion: string;
  /** Directory of the installed @pulumi/pulumi; holds the `pulumi-resource-pulumi-nodejs` shim. */
  sdkDir: string;
  /** Plugin shims found in sdkDir, e.g. ["pulumi-resource-pulumi-nodejs"]. */
  shims: string[];
}

/** A Go `main` package to build from the Go module proxy (see goBinary.mjs). */
export interface GoBinarySpec {
  /** Go module path, e.g. "github.com/pulumi/pulumi/sdk/v3". */
  module: string;
  /** Module version, e.g. "v3.68.0". */
  version: string;
  /** The `main` package inside the module. */
  pkg: string;
  /** File name of the binary (default: the package's last path element). */
  name?: string;
  /** What it is, for progress lines and errors (default: the name). */
  what?: string;
  /** `replace` lines the module's own go.mod has, which a wrapper module must repeat. */
  replaces?: string[];
}
export interface GoBinaryPlace {
  /** Where the binary goes. */
  binDir: string;
  /** Holds the wrapper module, `logs/` and the build lock. */
  workDir: string;
  log: (line: string) => void;
}
/** The Node language host this repository provisions (sdk/v3 v3.68.0). */
export declare const NODEJS_LANGUAGE_HOST: GoBinarySpec;
/** Builds `spec` into `<binDir>/<name>`; rejects with a PulumiCliProvisionError naming the step and module. */
export declare function buildGoBinary(spec: GoBinarySpec, place: GoBinaryPlace): Promise<void>;
/** `<binDir>/<name>`, built under the build lock of `workDir` only when missing. */
export declare function ensureGoBinary(
  spec: GoBinarySpec,
  place: GoBinaryPlace,
): Promise<{ path: string; built: boolean }>;

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
