/**
 * End-to-end harness: drive the real Pulumi engine through `@pulumi/pulumi/automation` with inline programs, an
 * isolated file backend, PULUMI_HOME and working directory per stack.
 *
 * ```ts
 * const s = await createTestStack({
 *   program: async () => { const r = new MyDataSource("x", { ... }); return { value: r.value }; },
 *   config: { "huaweicloud:secretKey": { value: "s3cr3t", secret: true }, "huaweicloud:endpoint": emulatorUrl },
 *   envVars: { SOME_PROVIDER_ENV: "…" },           // seen by the CLI and the provider process, NOT by the program
 * });
 * try {
 *   const p = await s.preview();                   // p.reads: outputs of every read step, known at preview
 *   const u = await s.up();                        // u.outputs: stack outputs as plain values
 *   expect(await s.persistedText()).not.toContain("s3cr3t");
 * } finally { await s.cleanup(); }
 * ```
 *
 * Facts that shape it (see docs/engine-facts.md):
 * - Inline programs run in the test process; dynamic providers run in a separate process started by the engine with
 *   the stack's working directory as cwd. That directory is created under `<repo>/.pulumi-work/` so that
 *   `@pulumi/pulumi` (the provider host shim resolves it from cwd) and the repository's dependencies resolve, and the
 *   packages in `linkPackages` are symlinked into `<workDir>/node_modules` (by default this repository's own package,
 *   so a provider can `require("pulumi-huaweicloud-rds-offsite/provider")` lazily, as a user's project would).
 * - One inline program at a time per process: don't run operations of two stacks concurrently in one test file.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import {
  type ConfigMap,
  type EngineEvent,
  LocalWorkspace,
  type OpMap,
  PulumiCommand,
  type PulumiFn,
  type Stack,
} from "@pulumi/pulumi/automation";
import { inject } from "vitest";
import {
  DEV_PASSPHRASE,
  ensurePulumiCli,
  type PulumiCli,
  pulumiEnvOverrides,
} from "../../../scripts/pulumi-cli/provision.mjs";

export type { PulumiCli };

/** The repository root. */
export const repoRoot = path.resolve(__dirname, "..", "..", "..");
/** Git-ignored parent of every stack's working directory. */
export const workRoot = path.join(repoRoot, ".pulumi-work");
/** The unknown-value sentinel the engine sends for values not known at preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by test/e2e/globalSetup.ts: the provisioned CLI, or the provisioning error message. */
    pulumiCli: { cli?: PulumiCli; error?: string; skipped?: string };
  }
}

let cliPromise: Promise<PulumiCli> | undefined;

/**
 * The provisioned CLI. Uses what globalSetup provided; rethrows its provisioning error (naming the refused step and
 * module) so every e2e test fails loudly; provisions here only if globalSetup did not run.
 */
export function getPulumiCli(): Promise<PulumiCli> {
  if (!cliPromise) {
    let provided: ReturnType<typeof inject<"pulumiCli">> | undefined;
    try {
      provided = inject("pulumiCli");
    } catch {
      provided = undefined;
    }
    if (provided?.error) {
      cliPromise = Promise.reject(new Error(`Pulumi CLI unavailable (from globalSetup): ${provided.error}`));
    } else if (provided?.cli && fs.existsSync(provided.cli.pulumiPath)) {
      cliPromise = Promise.resolve(provided.cli);
    } else {
      cliPromise = ensurePulumiCli();
    }
  }
  return cliPromise;
}

let commandPromise: Promise<PulumiCommand> | undefined;
async function getPulumiCommand(): Promise<PulumiCommand> {
  if (!commandPromise) {
    commandPromise = getPulumiCli().then((cli) => PulumiCommand.get({ root: cli.root }));
  }
  return commandPromise;
}

export type ConfigInput = string | { value: string; secret?: boolean };

export interface TestStackOptions {
  /** The inline program. Replace it later with `setProgram`. */
  program: PulumiFn;
  /** Default "e2e". */
  projectName?: string;
  /** Default "test". */
  stackName?: string;
  /** Stack config with full keys, e.g. `{ "huaweicloud:secretKey": { value, secret: true } }`. */
  config?: Record<string, ConfigInput>;
  /** Extra environment for the CLI and the provider processes (not the in-process program). Wins over defaults. */
  envVars?: Record<string, string>;
  /**
   * Packages symlinked into `<workDir>/node_modules` (name → directory). Default: this repository's package. Pass
   * `{}` for none.
   */
  linkPackages?: Record<string, string>;
}

/** One resource as reported by a `resOutputsEvent`. */
export interface StepOutputs {
  /** "read", "create", "same", "refresh", "delete", "update", … */
  op: string;
  urn: string;
  /** e.g. "pulumi-nodejs:dynamic/rds:OffsiteBackups" */
  type: string;
  /** Logical name (last URN segment). */
  name: string;
  id: string | undefined;
  inputs: Record<string, unknown>;
  /** Outputs as the engine displays them: secrets appear as "[secret]", unknowns as the UNKNOWN sentinel. */
  outputs: Record<string, unknown>;
}

export interface Diagnostic {
  severity: string;
  message: string;
  urn?: string;
}

export interface OperationRun {
  stdout: string;
  stderr: string;
  events: EngineEvent[];
  /** Resource outputs per step, in event order (excluding the stack and provider resources). */
  steps: StepOutputs[];
  /** Only the steps with op "read" (data sources read by id). */
  reads: StepOutputs[];
  diagnostics: Diagnostic[];
  ms: number;
}

export interface PreviewRun extends OperationRun {
  changeSummary: OpMap;
  /** The stack's outputs as displayed in preview (unknown values are the UNKNOWN sentinel). */
  stackOutputs: Record<string, unknown>;
}

export interface UpRun extends OperationRun {
  /** Stack outputs as plain values (secrets unwrapped). */
  outputs: Record<string, unknown>;
  /** Which outputs are secret. */
  secretOutputs: string[];
  summary: { result?: string; resourceChanges?: OpMap };
}

export interface RefreshRun extends OperationRun {
  summary: { result?: string; resourceChanges?: OpMap };
}

export type DestroyRun = RefreshRun;

/** A failed operation: the CLI's message plus what the engine reported before failing. */
export class OperationFailed extends Error {
  constructor(
    readonly operation: string,
    /** The CommandError text: exit code, stdout and stderr of the CLI. */
    readonly output: string,
    readonly events: EngineEvent[],
    readonly diagnostics: Diagnostic[],
    override readonly cause: unknown,
  ) {
    super(`${operation} failed:\n${output}`);
    this.name = "OperationFailed";
  }
  /** All error-severity diagnostic messages joined; the most precise place to look for a program's message. */
  get errorText(): string {
    return this.diagnostics
      .filter((d) => d.severity.startsWith("error"))
      .map((d) => d.message)
      .join("\n");
  }
}

export interface TestStack {
  readonly stack: Stack;
  readonly stackName: string;
  readonly projectName: string;
  /** Working directory (Pulumi.yaml, Pulumi.<stack>.yaml); cwd of the provider processes. */
  readonly workDir: string;
  /** Directory of the file backend (PULUMI_BACKEND_URL=file://…). */
  readonly backendDir: string;
  /** PULUMI_HOME of this stack. */
  readonly homeDir: string;
  /** Environment given to the CLI (the harness defaults plus `envVars`). */
  readonly envVars: Record<string, string>;
  /** Swap the inline program (the stack, config and state stay). */
  setProgram(program: PulumiFn): void;
  /** Set config keys (full keys, e.g. "huaweicloud:secretKey"). */
  setConfig(config: Record<string, ConfigInput>): Promise<void>;
  preview(): Promise<PreviewRun>;
  up(): Promise<UpRun>;
  refresh(): Promise<RefreshRun>;
  destroy(): Promise<DestroyRun>;
  /**
   * `stack.exportStack()` as JSON text. NOTE: the Automation API exports with `--show-secrets`, so secrets appear
   * decrypted here (as `{ "4dabf1…": "1b4706…", plaintext: "…" }` envelopes). Search `persistedText()` instead to
   * prove a secret is not stored in plain text.
   */
  exportedState(): Promise<string>;
  /**
   * The raw text of every file this stack persisted: backend (state, backups, history), PULUMI_HOME and the
   * working directory's Pulumi*.yaml files. Use it to prove a secret is never stored in plain text.
   */
  persistedText(): Promise<string>;
  /** Remove the working directory, backend and home. Safe to call twice. */
  cleanup(): Promise<void>;
}

function toConfigMap(config: Record<string, ConfigInput>): ConfigMap {
  const out: ConfigMap = {};
  for (const [k, v] of Object.entries(config)) {
    out[k] = typeof v === "string" ? { value: v } : { value: v.value, secret: !!v.secret };
  }
  return out;
}

function ownPackageName(): string {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).name as string;
}

function linkPackagesInto(workDir: string, links: Record<string, string>): void {
  for (const [name, dir] of Object.entries(links)) {
    const target = path.join(workDir, "node_modules", ...name.split("/"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.resolve(dir), target, "dir");
  }
}

/** Collect resource outputs from engine events (excluding the stack and provider resources). */
export function stepsFromEvents(events: EngineEvent[]): StepOutputs[] {
  const steps: StepOutputs[] = [];
  for (const e of events) {
    const m = e.resOutputsEvent?.metadata;
    if (!m) continue;
    if (m.type === "pulumi:pulumi:Stack" || m.type.startsWith("pulumi:providers:")) continue;
    const state = m.new ?? m.old;
    steps.push({
      op: m.op,
      urn: m.urn,
      type: m.type,
      name: m.urn.split("::").pop() ?? m.urn,
      id: state?.id,
      inputs: (state?.inputs ?? {}) as Record<string, unknown>,
      outputs: (state?.outputs ?? {}) as Record<string, unknown>,
    });
  }
  return steps;
}

function stackOutputsFromEvents(events: EngineEvent[]): Record<string, unknown> {
  let outputs: Record<string, unknown> = {};
  for (const e of events) {
    const m = e.resOutputsEvent?.metadata;
    if (m?.type === "pulumi:pulumi:Stack" && m.new?.outputs) outputs = m.new.outputs as Record<string, unknown>;
  }
  return outputs;
}

function diagnosticsFromEvents(events: EngineEvent[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of events) {
    const d = e.diagnosticEvent;
    if (d) out.push({ severity: d.severity, message: d.message, ...(d.urn ? { urn: d.urn } : {}) });
  }
  return out;
}

function readTree(dir: string, skip: (p: string) => boolean = () => false): string {
  if (!fs.existsSync(dir)) return "";
  let text = "";
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (skip(p)) continue;
    if (entry.isDirectory()) text += readTree(p, skip);
    else if (entry.isFile()) text += `\n==> ${p}\n${fs.readFileSync(p, "latin1")}`;
  }
  return text;
}

/** Create an isolated stack (fresh backend, PULUMI_HOME and workDir) for an inline program. */
export async function createTestStack(opts: TestStackOptions): Promise<TestStack> {
  const projectName = opts.projectName ?? "e2e";
  fs.mkdirSync(workRoot, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(workRoot, `${projectName}-`));
  linkPackagesInto(workDir, opts.linkPackages ?? { [ownPackageName()]: repoRoot });
  return openTestStack(opts, { workDir, projectName, program: opts.program, ownsWorkDir: true });
}

export interface ProjectTestStackOptions extends Omit<TestStackOptions, "program" | "projectName" | "linkPackages"> {
  /** A project directory (Pulumi.yaml and its entry module), run by the CLI through the Node language host. */
  dir: string;
}

/**
 * A stack of a project directory, run by `pulumi preview|up|refresh|destroy` in that directory through the Node
 * language host, as a user runs it (fresh backend and PULUMI_HOME). Writes `Pulumi.<stack>.yaml` into the directory
 * and removes it in `cleanup`. `setProgram` is not available: the program is the directory's entry module.
 */
export async function createProjectTestStack(opts: ProjectTestStackOptions): Promise<TestStack> {
  const workDir = path.resolve(opts.dir);
  const projectName = /^name:\s*(\S+)/m.exec(fs.readFileSync(path.join(workDir, "Pulumi.yaml"), "utf8"))?.[1];
  if (!projectName) throw new Error(`${workDir}/Pulumi.yaml has no name`);
  return openTestStack(opts, { workDir, projectName, ownsWorkDir: false });
}

async function openTestStack(
  opts: Omit<TestStackOptions, "program">,
  target: { workDir: string; projectName: string; program?: PulumiFn; ownsWorkDir: boolean },
): Promise<TestStack> {
  const cli = await getPulumiCli();
  const pulumiCommand = await getPulumiCommand();
  const { workDir, projectName, program } = target;
  const stackName = opts.stackName ?? "test";
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-e2e-"));
  const backendDir = path.join(tmp, "backend");
  const homeDir = path.join(tmp, "home");

  const envVars: Record<string, string> = {
    ...pulumiEnvOverrides({ cli, home: homeDir, backendDir, passphrase: DEV_PASSPHRASE }),
    ...opts.envVars,
  };
  const stack = program
    ? await LocalWorkspace.createOrSelectStack(
        { stackName, projectName, program },
        { pulumiCommand, workDir, envVars, projectSettings: { name: projectName, runtime: "nodejs" } },
      )
    : await LocalWorkspace.createOrSelectStack({ stackName, workDir }, { pulumiCommand, envVars });
  const stackConfigFile = path.join(workDir, `Pulumi.${stackName}.yaml`);
  if (opts.config) await stack.setAllConfig(toConfigMap(opts.config));

  let cleaned = false;
  const run = async <R extends { stdout: string; stderr: string }>(
    operation: string,
    fn: (onEvent: (e: EngineEvent) => void) => Promise<R>,
  ): Promise<{ result: R; base: OperationRun }> => {
    const events: EngineEvent[] = [];
    const started = Date.now();
    let result: R;
    try {
      result = await fn((e) => events.push(e));
    } catch (e) {
      throw new OperationFailed(
        operation,
        e instanceof Error ? e.message : String(e),
        events,
        diagnosticsFromEvents(events),
        e,
      );
    }
    const steps = stepsFromEvents(events);
    return {
      result,
      base: {
        stdout: result.stdout,
        stderr: result.stderr,
        events,
        steps,
        reads: steps.filter((s) => s.op === "read"),
        diagnostics: diagnosticsFromEvents(events),
        ms: Date.now() - started,
      },
    };
  };

  return {
    stack,
    stackName,
    projectName,
    workDir,
    backendDir,
    homeDir,
    envVars,
    setProgram(newProgram) {
      if (!program) throw new Error(`${workDir} is a project directory: its program is its entry module`);
      stack.workspace.program = newProgram;
    },
    async setConfig(config) {
      await stack.setAllConfig(toConfigMap(config));
    },
    async preview() {
      const { result, base } = await run("preview", (onEvent) => stack.preview({ onEvent }));
      return { ...base, changeSummary: result.changeSummary, stackOutputs: stackOutputsFromEvents(base.events) };
    },
    async up() {
      const { result, base } = await run("up", (onEvent) => stack.up({ onEvent }));
      const outputs: Record<string, unknown> = {};
      const secretOutputs: string[] = [];
      for (const [k, v] of Object.entries(result.outputs)) {
        outputs[k] = v.value;
        if (v.secret) secretOutputs.push(k);
      }
      return {
        ...base,
        outputs,
        secretOutputs,
        summary: { result: result.summary.result, resourceChanges: result.summary.resourceChanges },
      };
    },
    async refresh() {
      const { result, base } = await run("refresh", (onEvent) => stack.refresh({ onEvent }));
      return { ...base, summary: { result: result.summary.result, resourceChanges: result.summary.resourceChanges } };
    },
    async destroy() {
      const { result, base } = await run("destroy", (onEvent) => stack.destroy({ onEvent }));
      return { ...base, summary: { result: result.summary.result, resourceChanges: result.summary.resourceChanges } };
    },
    async exportedState() {
      return JSON.stringify(await stack.exportStack(), null, 2);
    },
    async persistedText() {
      const yamls = fs
        .readdirSync(workDir)
        .filter((f) => /^Pulumi.*\.ya?ml$/.test(f))
        .map((f) => `\n==> ${path.join(workDir, f)}\n${fs.readFileSync(path.join(workDir, f), "latin1")}`)
        .join("");
      return readTree(backendDir) + readTree(homeDir) + yamls;
    },
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      if (target.ownsWorkDir) fs.rmSync(workDir, { recursive: true, force: true });
      else fs.rmSync(stackConfigFile, { force: true });
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Run `fn` with a fresh stack and always clean up (the state is only files; nothing external is destroyed unless `fn`
 * does so).
 */
export async function withTestStack<T>(opts: TestStackOptions, fn: (s: TestStack) => Promise<T>): Promise<T> {
  const s = await createTestStack(opts);
  try {
    return await fn(s);
  } finally {
    await s.cleanup();
  }
}

/** Await an operation that must fail and return its OperationFailed (throws if it succeeded). */
export async function expectFailure(p: Promise<unknown>): Promise<OperationFailed> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OperationFailed) return e;
    throw e;
  }
  throw new Error("expected the operation to fail, but it succeeded");
}

/** Read the dynamic-provider fixtures and other plain CommonJS files without Vite transforming them. */
export function requireNative<T = unknown>(file: string): T {
  return createRequire(path.join(repoRoot, "package.json"))(path.resolve(repoRoot, file)) as T;
}

/** The Pulumi CLI version line, for reports. */
export async function cliVersion(): Promise<string> {
  const cli = await getPulumiCli();
  return spawnSync(cli.pulumiPath, ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  }).stdout.trim();
}
