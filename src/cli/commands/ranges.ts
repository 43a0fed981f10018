import {
  getOffsiteRestoreTimeRanges,
  queryOffsiteRestoreTimeRanges,
  validateOffsiteRestoreTimeRangesArgs,
} from "../../core/dataSources/getOffsiteRestoreTimeRanges";
import { type Command, ExitCode } from "../command";
import { connect, regionArguments } from "../connection";
import { argumentFlag, JSON_FLAG } from "../flags";
import { iso, json, rangeJson, table } from "../output";

export const rangesCommand: Command = {
  name: "ranges",
  summary: "restore time ranges of an instance's cross-region backup",
  synopsis: "--instance-id ID [--date yyyy-mm-dd] [--json]",
  details:
    "Prints each range (both ends inclusive) in ISO-8601 UTC and in epoch milliseconds.\n" +
    "With --json: { instanceId, date?, ranges: [{ startTime, endTime, startTimeIso, endTimeIso }] }.",
  exitStatus: "0 listed (also when there is no range)",
  flags: {
    "instance-id": argumentFlag(getOffsiteRestoreTimeRanges, "instanceId"),
    date: argumentFlag(getOffsiteRestoreTimeRanges, "date"),
    json: JSON_FLAG,
  },
  async run(values, io) {
    const args = {
      ...regionArguments(values),
      instanceId: values["instance-id"] as string,
      date: values.date as string | undefined,
    };
    validateOffsiteRestoreTimeRangesArgs(args);
    const result = await queryOffsiteRestoreTimeRanges(args, connect(values, io.env).lookup);
    if (values.json) {
      io.stdout.write(json({ ...result, ranges: result.ranges.map(rangeJson) }));
    } else if (result.ranges.length === 0) {
      const day = result.date === undefined ? "" : ` overlapping ${result.date}`;
      io.stderr.write(`The cross-region backup of DB instance ${result.instanceId} has no restore time range${day}.\n`);
    } else {
      const rows = result.ranges.map((range) => [
        iso(range.startTime),
        iso(range.endTime),
        String(range.startTime),
        String(range.endTime),
      ]);
      io.stdout.write(table(["START (UTC)", "END (UTC)", "START (EPOCH MS)", "END (EPOCH MS)"], rows));
    }
    return ExitCode.ok;
  },
};
