import type { GetOffsiteRecoveryReadinessResult, InstanceReadiness } from "../core/dataSources/types";
import { retentionWindowStart } from "../core/readiness/assessReadiness";
import { iso } from "./output";
import { formatCoverage, formatDuration } from "./readinessReport";

/** Outside text (names, ids, messages) as HTML text or a quoted attribute value. */
export function escapeHtml(text: string | number | undefined): string {
  return (
    String(text ?? "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "\uFFFD")
  );
}

const WIDTH = 1000;
const STYLE = `
*{box-sizing:border-box}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
header{padding:20px 28px;background:#fff;border-bottom:1px solid #d0d7de}
h1{font-size:20px;margin:0 0 6px}
.meta{color:#57606a;margin:0 0 12px}
.verdict{font-weight:600;font-size:16px;margin:0 0 12px}
.verdict.ready{color:#1a7f37}.verdict.not-ready{color:#cf222e}
.counts{display:flex;gap:8px;flex-wrap:wrap;margin:0;padding:0;list-style:none}
.counts li{border:1px solid #d0d7de;border-radius:6px;padding:4px 10px;background:#fff}
.counts b{font-size:16px;margin-right:4px}
.legend{display:flex;gap:16px;color:#57606a;margin-top:12px;font-size:12px}
.legend i{display:inline-block;width:18px;height:10px;margin-right:4px;vertical-align:middle}
main{padding:12px 28px 28px}
.instance{display:grid;grid-template-columns:330px 1fr;gap:4px 16px;background:#fff;border:1px solid #d0d7de;border-left-width:6px;border-radius:6px;padding:10px 14px;margin:8px 0}
.instance[data-status=ok]{border-left-color:#1a7f37}.instance[data-status=gaps]{border-left-color:#d4a72c}
.instance[data-status=stale]{border-left-color:#e16f24}.instance[data-status=unprotected]{border-left-color:#cf222e}
.instance[data-status=error]{border-left-color:#8250df}
.status{display:inline-block;font-weight:700;text-transform:uppercase;font-size:11px;letter-spacing:.04em;padding:1px 6px;border-radius:4px;color:#fff;margin-right:6px}
.s-ok{background:#1a7f37}.s-gaps{background:#9a6700}.s-stale{background:#bc4c00}.s-unprotected{background:#cf222e}.s-error{background:#8250df}
.name{font-weight:600;word-break:break-all}
.id{display:block;color:#57606a;font:12px ui-monospace,SFMono-Regular,Menlo,monospace}
.facts{display:block;color:#57606a;font-size:12px}
.timeline{width:100%;height:34px;display:block}
.axis{display:flex;justify-content:space-between;color:#57606a;font-size:11px;grid-column:2}
.problem{color:#8250df;font-size:13px;align-self:center;word-break:break-word}
.empty{color:#cf222e;font-size:13px;align-self:center}
.track{fill:#eaeef2}.range{fill:#2f81f7}.gap{fill:#cf222e}.lag{fill:#e16f24;fill-opacity:.55}
`;

/** An instance's timeline: its retention window as a track, its ranges as bars, gaps beneath, the lag at the end. */
function timeline(row: InstanceReadiness, asOf: number): string {
  const start = retentionWindowStart(row.keepDays ?? undefined, row.earliestRestorableTime ?? undefined, asOf);
  const span = Math.max(1, asOf + 1 - start);
  const x = (time: number) => ((Math.min(Math.max(time, start), asOf + 1) - start) / span) * WIDTH;
  const bar = (cls: string, from: number, to: number, y: number, height: number, title: string) => {
    const left = x(from);
    const width = Math.max(0.8, x(to + 1) - left);
    return `<rect class="${cls}" x="${left.toFixed(2)}" y="${y}" width="${width.toFixed(2)}" height="${height}" data-start="${from}" data-end="${to}"><title>${escapeHtml(title)}</title></rect>`;
  };
  const ranges = row.ranges
    .filter((range) => range.endTime >= start && range.startTime <= asOf)
    .map((range) =>
      bar("range", range.startTime, range.endTime, 4, 18, `restorable ${iso(range.startTime)} – ${iso(range.endTime)}`),
    );
  const gaps = row.gaps.map((gap) =>
    bar("gap", gap.startTime, gap.endTime, 25, 6, `gap ${iso(gap.startTime)} – ${iso(gap.endTime)}`),
  );
  const lag =
    row.latestRestorableTime === undefined || row.lagMs === undefined || row.lagMs === 0
      ? []
      : [
          bar(
            "lag",
            row.latestRestorableTime + 1,
            asOf,
            4,
            18,
            `lag ${formatDuration(row.lagMs)}: nothing restorable after ${iso(row.latestRestorableTime)}`,
          ),
        ];
  const label = `${row.ranges.length} restore range(s) over ${iso(start)} – ${iso(asOf)}`;
  return [
    `<svg class="timeline" viewBox="0 0 ${WIDTH} 34" preserveAspectRatio="none" role="img" aria-label="${escapeHtml(label)}">`,
    `<rect class="track" x="0" y="4" width="${WIDTH}" height="18"></rect>`,
    ...ranges,
    ...lag,
    ...gaps,
    "</svg>",
    `<div class="axis"><span>${iso(start).slice(0, 16).replace("T", " ")}</span><span>${iso(asOf).slice(0, 16).replace("T", " ")} (as of)</span></div>`,
  ].join("");
}

function instanceSection(row: InstanceReadiness, asOf: number): string {
  const engine = [row.datastore.type, row.datastore.version].filter((part) => part !== undefined).join(" ");
  const kept = row.keepDays === undefined ? "retention not listed" : `kept ${row.keepDays} days`;
  const measures =
    row.status === "error"
      ? "lookup failed"
      : [
          `lag ${row.lagMs === undefined ? "-" : formatDuration(row.lagMs)}`,
          `coverage ${formatCoverage(row.coverage)}`,
          `${row.gaps.length} gap${row.gaps.length === 1 ? "" : "s"}`,
        ].join(" · ");
  const picture =
    row.status === "error"
      ? `<div class="problem">${escapeHtml(row.error?.errorCode)}: ${escapeHtml(row.error?.message)}</div>`
      : row.status === "unprotected"
        ? `<div class="empty">No restorable time at all.</div>`
        : `<div>${timeline(row, asOf)}</div>`;
  return [
    `<section class="instance" data-status="${escapeHtml(row.status)}" data-id="${escapeHtml(row.id)}">`,
    `<div class="label"><span class="status s-${escapeHtml(row.status)}">${escapeHtml(row.status)}</span>`,
    `<span class="name">${escapeHtml(row.name ?? "(no name)")}</span>`,
    `<span class="id">${escapeHtml(row.id)}</span>`,
    `<span class="facts">${escapeHtml([engine, row.sourceRegion, kept].filter(Boolean).join(" · "))}</span>`,
    `<span class="facts measures">${escapeHtml(measures)}</span></div>`,
    picture,
    "</section>",
  ].join("");
}

/**
 * One self-contained HTML page (inline CSS and SVG, no script, nothing fetched): the summary at the head, then a
 * timeline per instance, worst first.
 */
export function readinessPage(result: GetOffsiteRecoveryReadinessResult): string {
  const { summary } = result;
  const notOk = summary.total - summary.ok;
  const verdict = result.ready
    ? `Ready: all ${summary.total} instances ok`
    : `Not ready: ${notOk} of ${summary.total} instances not ok`;
  const counts = (["ok", "gaps", "stale", "unprotected", "error"] as const)
    .map((status) => `<li class="count-${status}"><b>${summary[status]}</b>${status}</li>`)
    .join("");
  const worst = summary.worstLagMs === undefined ? "" : ` · worst lag ${formatDuration(summary.worstLagMs)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Recovery readiness of ${escapeHtml(result.region)}</title><style>${STYLE}</style></head>
<body><header><h1>Recovery readiness of ${escapeHtml(result.region)}</h1>
<p class="meta">As of ${iso(result.asOf)} · max lag ${formatDuration(result.maxLagMs)} · min coverage ${formatCoverage(result.minCoverage)} · gaps longer than ${formatDuration(result.minGapMs)}${worst}</p>
<p class="verdict ${result.ready ? "ready" : "not-ready"}">${verdict}</p>
<ul class="counts">${counts}</ul>
<div class="legend"><span><i style="background:#2f81f7"></i>restorable</span><span><i style="background:#cf222e"></i>gap</span><span><i style="background:#e16f24;opacity:.55"></i>lag (nothing restorable yet)</span><span><i style="background:#eaeef2"></i>retention window</span></div>
</header>
<main>${result.instances.map((row) => instanceSection(row, result.asOf)).join("\n")}</main></body></html>
`;
}
