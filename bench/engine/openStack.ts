import path from "node:path";
import { LocalWorkspace, PulumiCommand, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { DEV_PASSPHRASE, type PulumiCli, pulumiEnvOverrides } from "../../scripts/pulumi-cli/provision.mjs";

export interface OpenStackOptions {
  cli: PulumiCli;
  projectName: string;
  stackName: string;
  program: PulumiFn;
  workDir: string;
  /** Holds the stack's file backend (`backend/`) and PULUMI_HOME (`home/`). */
  stateDir: string;
}

const pulumiCommands = new Map<string, Promise<PulumiCommand>>();

/**
 * A stack of the provisioned CLI for an inline program (timed without the program's load and type-check), offline:
 * a file backend and PULUMI_HOME under `stateDir`, the development passphrase, no update check, no plugin downloads.
 */
export async function openStack(options: OpenStackOptions): Promise<Stack> {
  const { cli, stateDir } = options;
  let pulumiCommand = pulumiCommands.get(cli.root);
  if (!pulumiCommand) {
    pulumiCommand = PulumiCommand.get({ root: cli.root, skipVersionCheck: true });
    pulumiCommands.set(cli.root, pulumiCommand);
  }
  const envVars = pulumiEnvOverrides({
    cli,
    home: path.join(stateDir, "home"),
    backendDir: path.join(stateDir, "backend"),
    passphrase: DEV_PASSPHRASE,
  });
  return LocalWorkspace.createOrSelectStack(
    { stackName: options.stackName, projectName: options.projectName, program: options.program },
    { workDir: options.workDir, pulumiCommand: await pulumiCommand, envVars },
  );
}
