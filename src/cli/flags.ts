import { parseArgs } from "node:util";
import { quoted } from "../core/client/errors/echoedText";
import { InvalidArgumentError } from "../core/client/errors/InvalidArgumentError";
import type {
  ArgumentDefinition,
  Arguments,
  DataSourceDefinition,
  FieldDefinition,
} from "../core/dataSources/definition";
import { iso } from "./output";

/** A command-line flag: how it parses, how help shows it, and which core argument or setting it feeds. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  /** Placeholder for the value in help, e.g. `ID`. */
  readonly value?: string;
  readonly description: string;
  /** The core argument or setting this flag feeds (`instanceId`, `rdsEndpoint`), so an error naming it names the flag. */
  readonly argument?: string;
  /** Refused before any request when absent. */
  readonly required?: boolean;
  readonly short?: string;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;
export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

/** The command line itself is wrong: exit 2, with the message and how to get help. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** `keepDays` → `keep-days`: the flag of a core argument. */
export function flagName(argument: string): string {
  return argument.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * Parses with `util.parseArgs` in strict mode (unknown flags, positionals and missing values are refused), then
 * refuses what it lets through: a flag given twice (the last would silently win) and a required flag left out.
 */
export function parseFlags(args: readonly string[], specs: FlagSpecs): FlagValues {
  const parsed = strictParse(args, specs);
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    if (seen.has(token.name)) throw new UsageError(`Option '--${token.name}' is given more than once`);
    seen.add(token.name);
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && parsed.values[name] === undefined) throw new UsageError(`Option '--${name}' is required`);
  }
  return parsed.values as FlagValues;
}

function strictParse(args: readonly string[], specs: FlagSpecs) {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      spec.short ? { type: spec.type, short: spec.short } : { type: spec.type },
    ]),
  );
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    if (isParseArgsError(error)) throw new UsageError(error.message);
    throw error;
  }
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as { code?: unknown }).code).startsWith("ERR_PARSE_ARGS_");
}

/** The flag that feeds a core argument, as the user typed it (`--time` for `restoreTime`), if any flag does. */
export function flagForArgument(specs: FlagSpecs, argument: string): string | undefined {
  const entry = Object.entries(specs).find(([, spec]) => spec.argument === argument);
  return entry && `--${entry[0]}`;
}

/** Aligned `  --name VALUE   description` lines. */
export function describeFlags(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : "";
    return [`${short}--${name}${spec.value ? ` ${spec.value}` : ""}`, spec.description] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, description]) => `  ${left.padEnd(width)}  ${description}`).join("\n");
}

/**
 * A help line from an argument's definition: its `summary`, else its description, as help text reads (no Markdown
 * code marks, lower case first unless it starts an acronym, no final period).
 */
export function helpText(field: FieldDefinition): string {
  const text = (field.summary ?? field.description).replaceAll("`", "").replace(/\.$/, "");
  const acronym = /^[A-Z]{2}/.test(text);
  return acronym ? text : `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** The flag of a data source's argument, from its definition: placeholder, help line, required or not. */
export function argumentFlag<A extends Arguments>(
  source: DataSourceDefinition<A>,
  argument: keyof A & string,
): FlagSpec {
  const field: ArgumentDefinition | undefined = source.arguments[argument];
  if (field === undefined) throw new Error(`${source.name} has no argument ${argument}`);
  return {
    type: "string",
    argument,
    value: field.placeholder ?? argument.toUpperCase(),
    description: helpText(field),
    ...(field.required ? { required: true } : {}),
  };
}

/** Machine-readable output instead of text. */
export const JSON_FLAG: FlagSpec = { type: "boolean", description: "print JSON (to stdout) instead of text" };

/** The first instant a time flag's digits may name: fewer are epoch seconds (`date +%s`), a day of 1970 as milliseconds. */
const EARLIEST_EPOCH_MILLISECONDS = Date.UTC(2001, 0, 1);

/**
 * Refuses epoch digits that read as a time before 2001 (`--time`, `--as-of`): almost surely seconds, where milliseconds
 * are taken.
 */
export function refuseEpochSeconds(argument: string, time: string): void {
  const text = time.trim();
  if (!/^\d+$/.test(text) || Number(text) >= EARLIEST_EPOCH_MILLISECONDS) return;
  throw new InvalidArgumentError(
    argument,
    `${quoted(text, 100)} is epoch milliseconds of ${iso(Number(text))}, before 2001: probably epoch seconds. Give epoch milliseconds (${text}000) or ISO-8601 (${iso(Number(text) * 1000)})`,
  );
}
