import { isConfigurationError } from "../core/client/errors/ConfigurationError";
import { capped } from "../core/client/errors/echoedText";
import { isHuaweiCloudError } from "../core/client/errors/HuaweiCloudError";
import { isIncompleteListingError } from "../core/client/errors/IncompleteListingError";
import { isInvalidArgumentError } from "../core/client/errors/InvalidArgumentError";
import { ENVIRONMENT_KEYS } from "../core/client/settings/environment";
import { PACKAGE_MANIFEST } from "../core/packageManifest";
import { type Command, type CommandIo, ExitCode, type ExitStatus } from "./command";
import { checkCommand } from "./commands/check";
import { instancesCommand } from "./commands/instances";
import { latestCommand } from "./commands/latest";
import { rangesCommand } from "./commands/ranges";
import { readinessCommand } from "./commands/readiness";
import { CONNECTION_FLAGS } from "./connection";
import { describeFlags, type FlagSpecs, flagForArgument, parseFlags, UsageError } from "./flags";
import { type ErrorKind, errorJson, outside } from "./output";

/** The short bin name; `pulumi-huaweicloud-rds-offsite` is the same command. */
export const PROGRAM = "rds-offsite";

const COMMANDS: readonly Command[] = [instancesCommand, rangesCommand, checkCommand, latestCommand, readinessCommand];

const HELP_FLAG: FlagSpecs = { help: { type: "boolean", short: "h", description: "show this help" } };

const EXIT_STATUS_SHARED = "2 usage error (nothing was requested), 3 configuration or API error (no answer)";

/**
 * Runs one command line and returns its exit status: flags become calls of the core queries, results become text
 * or JSON on stdout, and every error becomes one message on stderr with the status that classifies it.
 */
export async function runCli(argv: readonly string[], io: CommandIo): Promise<ExitStatus> {
  const [name, ...rest] = argv;
  // Under --json, every failure is also one JSON object on stdout (the flag as typed: the line may not parse).
  const failure = failureOutput(io, argv.includes("--json"));
  if (name === undefined) return usageError(io, "No command given.", topUsage());
  if (name === "--help" || name === "-h") return printed(io, topHelp());
  if (name === "--version") return printed(io, `${packageVersion()}\n`);
  if (name === "help") {
    const topic = rest[0] === undefined ? undefined : COMMANDS.find((command) => command.name === rest[0]);
    if (rest[0] !== undefined && topic === undefined)
      return failure.usage(`Unknown command "${capped(rest[0], 100)}".`, topUsage());
    return printed(io, topic ? commandHelp(topic) : topHelp());
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) return failure.usage(`Unknown command "${capped(name, 100)}".`, topUsage());
  if (rest.includes("--help") || rest.includes("-h")) return printed(io, commandHelp(command));

  const flags = allFlags(command);
  try {
    return await command.run(parseFlags(rest, flags), io);
  } catch (error) {
    if (error instanceof UsageError) return failure.usage(`${capped(error.message)}.`, commandUsage(command));
    if (isInvalidArgumentError(error)) {
      const flag = flagForArgument(flags, error.argument) ?? error.argument;
      return failure.usage(`Invalid argument "${flag}": ${error.reason}`, commandUsage(command));
    }
    const cause = error instanceof Error && isLibraryError(error.cause) ? error.cause : error;
    if (isLibraryError(cause)) {
      const kind = isConfigurationError(cause)
        ? "configuration"
        : isHuaweiCloudError(cause)
          ? "api"
          : "incompleteListing";
      return failure.noAnswer(kind, (error as Error).message, isHuaweiCloudError(cause) ? cause : {});
    }
    return failure.noAnswer(
      "unexpected",
      `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * How a command's failure is told: the message on stderr (text from outside escaped, see `outside`), and under `--json`
 * the error object on stdout (escaped by `json`).
 */
function failureOutput(io: CommandIo, asJson: boolean) {
  return {
    usage(message: string, usage: string): ExitStatus {
      if (asJson) io.stdout.write(errorJson("usage", message));
      return usageError(io, message, usage);
    },
    noAnswer(kind: ErrorKind, message: string, answer: { errorCode?: string; requestId?: string | undefined } = {}) {
      if (asJson) io.stdout.write(errorJson(kind, message, answer));
      io.stderr.write(`${outside(message)}\n`);
      return ExitCode.failure;
    },
  };
}

/** A failure the library describes itself (a restore decision whose confirmation failed wraps one as its cause). */
function isLibraryError(error: unknown): error is Error {
  return isConfigurationError(error) || isHuaweiCloudError(error) || isIncompleteListingError(error);
}

function allFlags(command: Command): FlagSpecs {
  return { ...command.flags, ...CONNECTION_FLAGS };
}

function printed(io: CommandIo, text: string): ExitStatus {
  io.stdout.write(text);
  return ExitCode.ok;
}

function usageError(io: CommandIo, message: string, usage: string): ExitStatus {
  io.stderr.write(`${outside(message)}\n\n${usage}`);
  return ExitCode.usage;
}

function commandUsage(command: Command): string {
  return `Usage: ${PROGRAM} ${command.name} ${command.synopsis}\nRun "${PROGRAM} ${command.name} --help" for every flag.\n`;
}

function topUsage(): string {
  return `Usage: ${PROGRAM} <${COMMANDS.map((command) => command.name).join("|")}> [flags]\nRun "${PROGRAM} --help" for more.\n`;
}

function commandHelp(command: Command): string {
  return [
    `Usage: ${PROGRAM} ${command.name} ${command.synopsis}`,
    "",
    `${command.summary[0]?.toUpperCase()}${command.summary.slice(1)}.`,
    command.details,
    "",
    "Flags:",
    describeFlags({ ...command.flags, ...HELP_FLAG }),
    "",
    "Connection (overrides the environment; see rds-offsite --help):",
    describeFlags(CONNECTION_FLAGS),
    "",
    `Exit status: ${command.exitStatus},`,
    `${EXIT_STATUS_SHARED}.`,
    "",
  ].join("\n");
}

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const settingWidth = Math.max(...Object.keys(ENVIRONMENT_KEYS).map((setting) => setting.length));
  return [
    `${PROGRAM}: Huawei Cloud RDS cross-region (offsite) backups and their restore times, from a shell or a CI job.`,
    "",
    `Usage: ${PROGRAM} <command> [flags]`,
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    `Run "${PROGRAM} <command> --help" for its flags.`,
    "",
    "Configuration comes from the environment (first variable set wins); --region, --project-id, --endpoint and",
    "--iam-endpoint override it:",
    ...Object.entries(ENVIRONMENT_KEYS).map(
      ([setting, names]) => `  ${setting.padEnd(settingWidth)}  ${names.join(", ")}`,
    ),
    "",
    "Exit status: 0 done (check: restorable), 1 no (check: not restorable; latest: no restorable time;",
    "readiness: an instance not ok),",
    `${EXIT_STATUS_SHARED}.`,
    'With --json, a failure (2, 3) also prints { "error": { "kind", "message", "errorCode"?, "requestId"? } } to stdout.',
    "",
  ].join("\n");
}

function packageVersion(): string {
  if (!PACKAGE_MANIFEST) throw new Error(`no package.json of pulumi-huaweicloud-rds-offsite above ${__dirname}`);
  return PACKAGE_MANIFEST.version;
}
