import type { GetOffsiteRecoveryReadinessResult, InstanceReadiness } from "../core/dataSources/types";
import { iso, printable, table } from "./output";

const UNITS = [
  ["d", 86_400_000],
  ["h", 3_600_000],
  ["m", 60_000],
  ["s", 1000],
] as const;

/**
 * A duration in its two largest units, as the flags write them, to the nearest second from one second up: `3d 4h`,
 * `15m`, `1m 30s`, `250ms`, `0s`.
 */
export function formatDuration(exactMs: number): string {
  if (exactMs === 0) return "0s";
  if (exactMs < 1000) return `${exactMs}ms`;
  const ms = Math.round(exactMs / 1000) * 1000;
  const index = UNITS.findIndex(([, size]) => ms >= size);
  const [unit, size] = UNITS[index] as (typeof UNITS)[number];
  const whole = Math.floor(ms / size);
  const next = UNITS[index + 1];
  const rest = next === undefined ? 0 : Math.floor((ms - whole * size) / next[1]);
  return next !== undefined && rest > 0 ? `${whole}${unit} ${rest}${next[0]}` : `${whole}${unit}`;
}

/** A fraction as a percent, rounded down so that anything short of full never reads 100%. */
export function formatCoverage(coverage: number | undefined): string {
  if (coverage === undefined) return "-";
  return `${Math.floor(coverage * 10_000) / 100}%`;
}

const STATUSES = ["ok", "gaps", "stale", "unprotected", "error"] as const;

/** `2 of 6 instances ok; 1 stale, 1 gaps, 1 unprotected, 1 error; worst lag 3d`. */
function summaryLine(result: GetOffsiteRecoveryReadinessResult): string {
  const { summary } = result;
  const others = STATUSES.filter((status) => status !== "ok" && summary[status] > 0).map(
    (status) => `${summary[status]} ${status}`,
  );
  const worst = summary.worstLagMs === undefined ? "" : `; worst lag ${formatDuration(summary.worstLagMs)}`;
  return `${summary.ok} of ${summary.total} instances ok${others.length ? `; ${others.join(", ")}` : ""}${worst}`;
}

function thresholdsLine(result: GetOffsiteRecoveryReadinessResult): string {
  return `max lag ${formatDuration(result.maxLagMs)}, min coverage ${formatCoverage(result.minCoverage)}, gaps longer than ${formatDuration(result.minGapMs)}`;
}

const notReady = (result: GetOffsiteRecoveryReadinessResult) => result.instances.filter((row) => row.status !== "ok");

/** What a gap column says: how many stretches, and the longest. */
function gapsCell(row: InstanceReadiness): string {
  if (row.gaps.length === 0) return row.status === "error" ? "-" : "0";
  const longest = Math.max(...row.gaps.map((gap) => gap.endTime - gap.startTime + 1));
  return `${row.gaps.length} (longest ${formatDuration(longest)})`;
}

/**
 * The terminal report: a summary, then every instance that is not ok, worst first, and what failed for each error
 * row. Text from the API (names, error messages) is made printable.
 */
export function readinessText(result: GetOffsiteRecoveryReadinessResult): string {
  const head = [
    `Recovery readiness of ${printable(result.region)} as of ${iso(result.asOf)}: ${summaryLine(result)}.`,
    `Thresholds: ${thresholdsLine(result)}.`,
  ];
  const rows = notReady(result);
  if (rows.length === 0) return `${head.join("\n")}\n`;
  const cells = rows.map((row) => [
    row.status,
    row.lagMs === undefined ? "-" : formatDuration(row.lagMs),
    formatCoverage(row.coverage),
    row.latestRestorableTime === undefined ? "-" : iso(row.latestRestorableTime),
    gapsCell(row),
    printable(row.id),
    printable(row.name),
  ]);
  const failures = rows
    .filter((row) => row.error !== undefined)
    .map((row) => `${printable(row.id)}: ${printable(row.error?.message)}`);
  const body = table(["STATUS", "LAG", "COVERAGE", "LATEST RESTORABLE (UTC)", "GAPS", "ID", "NAME"], cells);
  return `${head.join("\n")}\n\n${body}${failures.length ? `\n${failures.join("\n")}\n` : ""}`;
}

/** Rows beyond this are counted, not listed: a CI summary has a size limit (1 MiB on GitHub). */
export const MARKDOWN_MAX_ROWS = 200;

const STATUS_MARK: Record<string, string> = { ok: "✅", gaps: "🟡", stale: "🟠", unprotected: "🔴", error: "⚠️" };

/**
 * Outside text as one Markdown table cell: markup characters become entities or backslash escapes, control
 * characters and line breaks cannot end the row.
 */
export function markdownCell(text: string | undefined): string {
  return printable(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\\`*_[\]|~#!()]/g, (character) => `\\${character}`);
}

/** A Markdown report for a CI job's summary (`$GITHUB_STEP_SUMMARY`): the counts, then the instances not ok. */
export function readinessMarkdown(result: GetOffsiteRecoveryReadinessResult): string {
  const rows = notReady(result);
  const verdict = result.ready ? `✅ **Ready**: ${summaryLine(result)}.` : `❌ **Not ready**: ${summaryLine(result)}.`;
  const lines = [
    `### Recovery readiness of ${markdownCell(result.region)}`,
    "",
    verdict,
    "",
    `As of ${iso(result.asOf)}; ${thresholdsLine(result)}.`,
    "",
    "| ok | gaps | stale | unprotected | error | total |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    `| ${STATUSES.map((status) => result.summary[status]).join(" | ")} | ${result.summary.total} |`,
  ];
  if (rows.length > 0) {
    lines.push(
      "",
      "| Status | Instance | Engine | Lag | Coverage | Latest restorable (UTC) | Gaps |",
      "| --- | --- | --- | ---: | ---: | --- | --- |",
    );
    for (const row of rows.slice(0, MARKDOWN_MAX_ROWS)) {
      const engine = [row.datastore.type, row.datastore.version].filter((part) => part !== undefined).join(" ");
      const problem = row.error === undefined ? "" : `<br>${markdownCell(row.error.message)}`;
      lines.push(
        `| ${STATUS_MARK[row.status] ?? ""} ${row.status} | ${markdownCell(row.name)}<br>${markdownCell(row.id)}${problem} | ${markdownCell(engine || undefined)} | ${row.lagMs === undefined ? "-" : formatDuration(row.lagMs)} | ${formatCoverage(row.coverage)} | ${row.latestRestorableTime === undefined ? "-" : iso(row.latestRestorableTime)} | ${gapsCell(row)} |`,
      );
    }
    if (rows.length > MARKDOWN_MAX_ROWS) {
      lines.push("", `… and ${rows.length - MARKDOWN_MAX_ROWS} more instances not ok (run with --json for all).`);
    }
  }
  return `${lines.join("\n")}\n`;
}
