import type { FieldDefinition, ObjectTypeDefinition } from "../core/dataSources/definition";
import { OBJECT_TYPES } from "../core/dataSources/objectTypes";
import type { RestoreTimeRange } from "../core/dataSources/types";

/** An instant as ISO-8601 UTC text, the form `--time` accepts back. */
export function iso(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString();
}

/** A restore range for `--json`: the library's epoch milliseconds plus the same instants as ISO-8601 UTC text. */
export interface RangeJson {
  readonly startTime: number;
  readonly endTime: number;
  readonly startTimeIso: string;
  readonly endTimeIso: string;
}

export function rangeJson(range: RestoreTimeRange): RangeJson {
  return {
    startTime: range.startTime,
    endTime: range.endTime,
    startTimeIso: iso(range.startTime),
    endTimeIso: iso(range.endTime),
  };
}

/**
 * JSON for stdout. `JSON.stringify` escapes C0 controls; DEL, C1 controls (`\u009b` is a CSI on some terminals),
 * line separators and bidirectional overrides in outside text are escaped too, so the JSON is the same value and
 * prints no control character.
 */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (char) => `\\u${hex4(char)}`)}\n`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from outside (a server's message, an id, a name, an argument quoted in an error) as the command line prints it
 * in a message: every control character, line break, and bidirectional override is shown as an escape (`\x1b`,
 * `\n`, `\u202e`), so no answer can move the cursor, retitle the terminal, clear the screen or fake a second line.
 */
export function outside(text: string): string {
  return text.replace(
    UNSAFE,
    (char) => ESCAPES[char] ?? (char < "\u0100" ? `\\x${hex4(char).slice(2)}` : `\\u${hex4(char)}`),
  );
}

const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

function hex4(char: string): string {
  return char.charCodeAt(0).toString(16).padStart(4, "0");
}

/**
 * Text from the API made safe for a terminal: control characters (which could move the cursor or inject escape
 * sequences), line separators and bidirectional overrides become U+FFFD, and an absent value becomes "-" so columns stay countable.
 */
export function printable(value: string | number | undefined): string {
  if (value === undefined) return "-";
  return String(value).replace(UNSAFE, "\uFFFD");
}

/**
 * Columns separated by two spaces, each padded to its widest cell. Put free text (names, which may be CJK and
 * twice as wide on a terminal) in the last column: it is not padded, so it cannot misalign the others.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return `${[header, ...rows].map(line).join("\n")}\n`;
}

const OBJECT_TYPE_BY_NAME: Readonly<Record<string, ObjectTypeDefinition>> = OBJECT_TYPES;

/**
 * The table of objects of a type, with the columns its definition names (`columns`: a path into the object → the
 * heading, in order); each cell made printable. Missing columns are a definition error, refused at once.
 */
export function objectTable(type: ObjectTypeDefinition, rows: readonly object[]): string {
  const columns = Object.entries(type.columns ?? {});
  if (columns.length === 0) throw new Error(`"${type.description}" names no columns`);
  // A column whose path names no field would print "-" in every row: refused instead, naming the path.
  for (const [path] of columns) {
    let fields: ObjectTypeDefinition["properties"] | undefined = type.properties;
    for (const key of path.split(".")) {
      const field: FieldDefinition | undefined = fields?.[key];
      if (field === undefined) throw new Error(`column "${path}" of "${type.description}" names no field`);
      fields = "ref" in field.type ? OBJECT_TYPE_BY_NAME[field.type.ref]?.properties : undefined;
    }
  }
  const cell = (row: object, path: string) =>
    path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], row);
  return table(
    columns.map(([, heading]) => heading),
    rows.map((row) => columns.map(([path]) => printable(cell(row, path) as string | number | undefined))),
  );
}

/** What kind of failure a `--json` error object reports; the exit status says the same. */
export type ErrorKind = "usage" | "configuration" | "api" | "incompleteListing" | "unexpected";

/**
 * The one JSON object a failed command prints on stdout under `--json`, so a job parsing stdout always has something
 * to parse: `{ "error": { "kind", "message", "errorCode"?, "requestId"? } }` (the last two from Huawei's answer).
 */
export function errorJson(
  kind: ErrorKind,
  message: string,
  answer: { errorCode?: string | undefined; requestId?: string | undefined } = {},
): string {
  const { errorCode, requestId } = answer;
  return json({
    error: {
      kind,
      message,
      ...(errorCode === undefined ? {} : { errorCode }),
      ...(requestId === undefined ? {} : { requestId }),
    },
  });
}
