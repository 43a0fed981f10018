import type { RestoreTimeRange } from "../sdk/queries/types";

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

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Text from the API made safe for a terminal: control characters (which could move the cursor or inject escape
 * sequences) become U+FFFD, and an absent value becomes "-" so columns stay countable.
 */
export function printable(value: string | number | undefined): string {
  if (value === undefined) return "-";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  return String(value).replace(/[\u0000-\u001f\u007f-\u009f]/g, "\uFFFD");
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
