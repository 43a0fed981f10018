import type { FlagSpecs, FlagValues } from "./flags";

/** What a pipeline step reads from the command: the answer, or why there is none. */
export const ExitCode = {
  /** The answer is yes (`check`: restorable), or the command printed what was asked. */
  ok: 0,
  /** The answer is no: `check` found the time unrestorable, `latest` found no restorable time. */
  no: 1,
  /** The command line is wrong: unknown command or flag, a missing or malformed value. Nothing was requested. */
  usage: 2,
  /** No answer: configuration missing or invalid, the API refused or failed, or a listing stayed inconsistent. */
  failure: 3,
} as const;

export type ExitStatus = (typeof ExitCode)[keyof typeof ExitCode];

/** The process streams and environment, passed in so nothing below `main.ts` touches `process` directly. */
export interface CommandIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
}

/** One subcommand: its flags (help and parsing are derived from them) and what it does with their values. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The synopsis after `rds-offsite <name>`, e.g. `--instance-id ID [--date yyyy-mm-dd]`. */
  readonly synopsis: string;
  /** Paragraphs of help shown under the synopsis. */
  readonly details: string;
  /** Its own flags; the connection flags (`--region`, …) and `--help` are added to every command. */
  readonly flags: FlagSpecs;
  /** Exit statuses this command uses besides 2 and 3, for its help. */
  readonly exitStatus: string;
  run(values: FlagValues, io: CommandIo): Promise<ExitStatus>;
}
