import { parseArgs } from "node:util";

/**
 * Every measurement the bench knows, in the order it runs them (cheapest first, the real engine last; `go` before
 * `scan`, whose throttled run leaves the process's scheduler climbing back for seconds, which `go` would charge to the
 * product alone).
 */
export const MEASUREMENTS = ["listing", "lookups", "go", "scan", "provider", "memory", "engine"] as const;
export type Measurement = (typeof MEASUREMENTS)[number];

export interface BenchOptions {
  /** Latency the emulator adds to every request, ms. */
  latencyMs: number;
  /** Timed repetitions of each in-process measurement (the median is reported). */
  reps: number;
  /** Timed repetitions of each `pulumi preview` (each takes seconds, so fewer). */
  previewReps: number;
  only: readonly Measurement[];
  /** Where the figures are written as JSON; undefined: printed only (a run changes no file unless asked to). */
  out: string | undefined;
}

export const DEFAULT_OUT = "bench/results/latest.json";

const usage = `Usage: npm run bench -- [--latency MS] [--reps N] [--preview-reps N] [--only ${MEASUREMENTS.join(",")}] [--record | --out FILE]
  --latency       latency the emulator adds to every request (default 25)
  --reps          timed repetitions of the in-process measurements, median reported (default 5)
  --preview-reps  timed repetitions of each pulumi preview (default 3)
  --only          run only these measurements (comma-separated)
  --record        write the figures to ${DEFAULT_OUT} (without it, or --out, they are only printed)
  --out           write the figures as JSON to this file instead`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      latency: { type: "string" },
      reps: { type: "string" },
      "preview-reps": { type: "string" },
      only: { type: "string" },
      out: { type: "string" },
      record: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const only = (values.only?.split(",") ?? [...MEASUREMENTS]).map((name) => name.trim());
  const unknown = only.filter((name) => !(MEASUREMENTS as readonly string[]).includes(name));
  if (unknown.length > 0) fail(`unknown measurement(s) ${unknown.join(", ")}`);
  return {
    latencyMs: integer(values.latency, "latency", 25, 0),
    reps: integer(values.reps, "reps", 5, 1),
    previewReps: integer(values["preview-reps"], "preview-reps", 3, 1),
    only: MEASUREMENTS.filter((name) => only.includes(name)),
    out: values.out ?? (values.record ? DEFAULT_OUT : undefined),
  };
}

function integer(raw: string | undefined, name: string, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) fail(`--${name} needs an integer >= ${min}, got "${raw}"`);
  return Number(raw);
}

function fail(message: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}
