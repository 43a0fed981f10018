// Runs a Pulumi project directory (its Pulumi.yaml and entry module) with the real Pulumi engine.
//
// The Node language host cannot be provisioned on machines without access to get.pulumi.com (see
// docs/engine-facts.md), so `pulumi preview` in a directory cannot start a Node program. This runner loads the
// project's entry module itself and hands it to the engine as an Automation API inline program: the same engine,
// the same steps, the same output. Used by `npm start`, the examples' tests, and `npm run program`:
//
//   npm run program -- <dir> [preview|up|refresh|destroy] [--stack dev] [--config key=value] [--secret key=value]
//                          [--state-dir <dir>]
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LocalWorkspace, PulumiCommand, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { DEV_PASSPHRASE, ensurePulumiCli, type PulumiCli, pulumiEnvOverrides } from "./pulumi-cli/provision.mjs";

export type Operation = "preview" | "up" | "refresh" | "destroy";

export interface RunProgramOptions {
  dir: string;
  operation: Operation;
  stackName?: string;
  config?: Record<string, { value: string; secret?: boolean }>;
  /** Environment of the engine and provider processes (credentials may go here instead of config). */
  envVars?: Record<string, string>;
  /** Where state lives; default: a directory under the CLI cache, kept between runs so `up` then `preview` works. */
  stateDir?: string;
  onOutput?: (text: string) => void;
}

/** Pulumi.yaml's `main`, else package.json's `main`, else index.ts / index.js / index.mjs. */
export function entryOf(dir: string): string {
  const project = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
  const main = /^main:\s*(\S+)\s*$/m.exec(project)?.[1];
  const packageJson = path.join(dir, "package.json");
  const packageMain = fs.existsSync(packageJson)
    ? (JSON.parse(fs.readFileSync(packageJson, "utf8")) as { main?: string }).main
    : undefined;
  const candidates = [main, packageMain, "index.ts", "index.js", "index.mjs"].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    const file = path.resolve(dir, candidate);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
    for (const index of ["index.ts", "index.js", "index.mjs"]) {
      if (fs.existsSync(path.join(file, index))) return path.join(file, index);
    }
  }
  throw new Error(`${dir}: no entry module (tried ${candidates.join(", ")})`);
}

function projectName(dir: string): string {
  const name = /^name:\s*(\S+)\s*$/m.exec(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"))?.[1];
  if (!name) throw new Error(`${dir}/Pulumi.yaml has no name`);
  return name;
}

/** Loads the entry like the language host does: its exports are the stack outputs; a default function is called. */
function programOf(entry: string): PulumiFn {
  return async () => {
    // A fresh URL per run, so a second operation in the same process runs the program again.
    const module = (await import(`${pathToFileURL(entry).href}?run=${Date.now()}`)) as Record<string, unknown>;
    const exported = (module.default ?? module) as unknown;
    return (typeof exported === "function" ? await exported() : exported) as Record<string, unknown>;
  };
}

export interface OpenStackOptions {
  cli: PulumiCli;
  projectName: string;
  stackName: string;
  program: PulumiFn;
  workDir: string;
  /** Holds the stack's file backend (`backend/`) and PULUMI_HOME (`home/`). */
  stateDir: string;
  /** Environment of the engine and provider processes, over the offline defaults. */
  envVars?: Record<string, string>;
}

const pulumiCommands = new Map<string, Promise<PulumiCommand>>();

/**
 * A stack of the provisioned CLI for an inline program, offline: a file backend and PULUMI_HOME under `stateDir`,
 * the development passphrase, no update check, no plugin downloads. Shared by this runner and the benchmarks.
 */
export async function openStack(options: OpenStackOptions): Promise<Stack> {
  const { cli, stateDir } = options;
  let pulumiCommand = pulumiCommands.get(cli.root);
  if (!pulumiCommand) {
    pulumiCommand = PulumiCommand.get({ root: cli.root, skipVersionCheck: true });
    pulumiCommands.set(cli.root, pulumiCommand);
  }
  const envVars = {
    ...pulumiEnvOverrides({
      cli,
      home: path.join(stateDir, "home"),
      backendDir: path.join(stateDir, "backend"),
      passphrase: DEV_PASSPHRASE,
    }),
    ...options.envVars,
  };
  return LocalWorkspace.createOrSelectStack(
    { stackName: options.stackName, projectName: options.projectName, program: options.program },
    { workDir: options.workDir, pulumiCommand: await pulumiCommand, envVars },
  );
}

export async function runProgram(options: RunProgramOptions) {
  const dir = path.resolve(options.dir);
  const cli = await ensurePulumiCli();
  const stack = await openStack({
    cli,
    projectName: projectName(dir),
    stackName: options.stackName ?? "dev",
    program: programOf(entryOf(dir)),
    workDir: dir,
    stateDir:
      options.stateDir ?? path.join(path.dirname(cli.binDir), "..", "state", projectName(dir).replace(/[^\w-]/g, "_")),
    envVars: options.envVars,
  });
  // Config given here belongs to this run: a stack config file it creates in the project is removed afterwards.
  const stackConfigFile = path.join(dir, `Pulumi.${stack.name}.yaml`);
  const createdConfigFile = options.config !== undefined && !fs.existsSync(stackConfigFile);
  if (options.config) await stack.setAllConfig(options.config);
  const onOutput = options.onOutput ?? ((text: string) => process.stdout.write(text));
  try {
    switch (options.operation) {
      case "preview":
        return await stack.preview({ onOutput, color: "never" });
      case "up":
        return await stack.up({ onOutput, color: "never" });
      case "refresh":
        return await stack.refresh({ onOutput, color: "never" });
      case "destroy":
        return await stack.destroy({ onOutput, color: "never" });
    }
  } finally {
    if (createdConfigFile) fs.rmSync(stackConfigFile, { force: true });
  }
}

function parseArguments(argv: string[]): RunProgramOptions {
  const [dir, ...rest] = argv;
  if (!dir)
    throw new Error(
      "usage: npm run program -- <dir> [preview|up|refresh|destroy] [--stack s] [--config k=v] [--secret k=v]",
    );
  const options: RunProgramOptions = { dir, operation: "preview", config: {} };
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index] as string;
    if (["preview", "up", "refresh", "destroy"].includes(argument)) options.operation = argument as Operation;
    else if (argument === "--stack") options.stackName = rest[++index];
    else if (argument === "--state-dir") options.stateDir = rest[++index];
    else if (argument === "--config" || argument === "--secret") {
      const pair = rest[++index] ?? "";
      const equals = pair.indexOf("=");
      if (equals < 1) throw new Error(`${argument} takes key=value, got "${pair}"`);
      options.config![pair.slice(0, equals)] = { value: pair.slice(equals + 1), secret: argument === "--secret" };
    } else throw new Error(`unknown argument "${argument}"`);
  }
  return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  runProgram(parseArguments(process.argv.slice(2))).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
