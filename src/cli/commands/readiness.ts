import fs from "node:fs";
import { quoted } from "../../core/client/errors/echoedText";
import {
  getOffsiteRecoveryReadiness,
  queryOffsiteRecoveryReadiness,
  READINESS_DEFAULTS,
  validateOffsiteRecoveryReadinessArgs,
} from "../../core/dataSources/getOffsiteRecoveryReadiness";
import { type Command, ExitCode } from "../command";
import { connect, regionArguments } from "../connection";
import { argumentFlag, type FlagValues, refuseEpochSeconds, UsageError } from "../flags";
import { json, printable } from "../output";
import { scanProgress } from "../progress";
import { readinessPage } from "../readinessPage";
import { readinessMarkdown, readinessText } from "../readinessReport";
import { FILTER_FLAGS, filterArguments } from "./instances";

const PERCENT = /^\d{1,3}(\.\d+)?$/;

/**
 * `--min-coverage 99.5` is a percent; the core's `minCoverage` is the fraction 0.995 (the percent divided by 100).
 */
function minCoverageArgument(value: FlagValues[string]): number | undefined {
  if (typeof value !== "string") return undefined;
  const percent = Number(value);
  if (!PERCENT.test(value) || percent > 100) {
    throw new UsageError(
      `Option '--min-coverage' takes a percent from 0 to 100 such as 99.5, got ${quoted(value, 50)}`,
    );
  }
  return percent / 100;
}

export const readinessCommand: Command = {
  name: "readiness",
  summary: "recovery readiness of every instance in the backup region (exit 0 all ok, 1 not)",
  synopsis: "[filters] [--max-lag 15m] [--min-coverage 99.5] [--as-of TIME] [--json | --markdown | --html FILE]",
  details:
    "Lists the region's instances (the filters apply), looks up every one's restore ranges (concurrently, within\n" +
    "the client's limit of requests in flight) and judges each: ok, gaps (coverage of its retention window below\n" +
    "--min-coverage), stale (latest restorable time more than --max-lag ago), unprotected (no range), error (its\n" +
    "lookup failed). Prints the summary and every instance not ok, worst first.\n" +
    "--min-coverage is a percent: 99.5 means the fraction 0.995 of getOffsiteRecoveryReadiness's minCoverage.\n" +
    "--markdown prints a table for a CI job's summary ($GITHUB_STEP_SUMMARY); --json the result of\n" +
    "getOffsiteRecoveryReadiness; --html FILE also writes a page with a timeline per instance.\n" +
    "Progress (412/5,000 instances) is shown on stderr when it is a terminal.",
  exitStatus: "0 every instance ok, 1 any instance not ok (stale, gaps, unprotected or error)",
  flags: {
    ...FILTER_FLAGS,
    "max-lag": argumentFlag(getOffsiteRecoveryReadiness, "maxLag"),
    "min-coverage": {
      type: "string",
      value: "PERCENT",
      argument: "minCoverage",
      description: `percent of each retention window the ranges must cover (default ${READINESS_DEFAULTS.minCoverage * 100})`,
    },
    "min-gap": argumentFlag(getOffsiteRecoveryReadiness, "minGap"),
    "as-of": argumentFlag(getOffsiteRecoveryReadiness, "asOf"),
    json: { type: "boolean", description: "print the result as JSON (to stdout)" },
    markdown: { type: "boolean", description: "print a Markdown report (for $GITHUB_STEP_SUMMARY)" },
    html: {
      type: "string",
      value: "FILE",
      description: "also write a self-contained HTML page with a timeline per instance",
    },
  },
  async run(values, io) {
    if (values.json && values.markdown) throw new UsageError("Options '--json' and '--markdown' exclude each other");
    if (typeof values.html === "string" && values.html === "")
      throw new UsageError("Option '--html' needs a file name");
    const minCoverage = minCoverageArgument(values["min-coverage"]);
    const args = {
      ...regionArguments(values),
      ...filterArguments(values),
      ...(typeof values["max-lag"] === "string" ? { maxLag: values["max-lag"] } : {}),
      ...(minCoverage === undefined ? {} : { minCoverage }),
      ...(typeof values["min-gap"] === "string" ? { minGap: values["min-gap"] } : {}),
      ...(typeof values["as-of"] === "string" ? { asOf: values["as-of"] } : {}),
    };
    validateOffsiteRecoveryReadinessArgs(args);
    if (args.asOf !== undefined) refuseEpochSeconds("asOf", args.asOf);
    const connection = connect(values, io.env);
    const progress = scanProgress(
      io.stderr,
      `Listing DB instances with cross-region backups in ${connection.region}`,
      "instances",
    );
    let result: Awaited<ReturnType<typeof queryOffsiteRecoveryReadiness>>;
    try {
      result = await queryOffsiteRecoveryReadiness(args, connection.lookup, progress.update);
    } finally {
      progress.stop();
    }
    if (typeof values.html === "string") {
      try {
        fs.writeFileSync(values.html, readinessPage(result));
      } catch (error) {
        io.stderr.write(`Cannot write the page to ${printable(values.html)}: ${(error as Error).message}\n`);
        return ExitCode.failure;
      }
    }
    if (values.json) io.stdout.write(json(result));
    else if (values.markdown) io.stdout.write(readinessMarkdown(result));
    else io.stdout.write(readinessText(result));
    return result.ready ? ExitCode.ok : ExitCode.no;
  },
};
