import {
  getOffsiteRestoreTimeRanges,
  queryOffsiteRestoreTimeRanges,
  validateOffsiteRestoreTimeRangesArgs,
} from "../../core/dataSources/getOffsiteRestoreTimeRanges";
import { latestRestorableTime } from "../../core/restore/findRestoreTimeRange";
import { type Command, ExitCode } from "../command";
import { connect, regionArguments } from "../connection";
import { argumentFlag, JSON_FLAG } from "../flags";
import { iso, json } from "../output";

export const latestCommand: Command = {
  name: "latest",
  summary: "the latest point in time an instance's cross-region backup can be restored to",
  synopsis: "--instance-id ID [--json]",
  details:
    "Prints it as ISO-8601 UTC, the form --time of check takes.\n" +
    "With --json: { instanceId, latestRestorableTime, latestRestorableTimeIso } (both null when there is none).",
  exitStatus: "0 printed, 1 the backup has no restorable time",
  flags: { "instance-id": argumentFlag(getOffsiteRestoreTimeRanges, "instanceId"), json: JSON_FLAG },
  async run(values, io) {
    const instanceId = values["instance-id"] as string;
    const args = { ...regionArguments(values), instanceId };
    validateOffsiteRestoreTimeRangesArgs(args);
    const { ranges } = await queryOffsiteRestoreTimeRanges(args, connect(values, io.env).lookup);
    const latest = latestRestorableTime(ranges);
    if (values.json) {
      io.stdout.write(
        json({
          instanceId,
          latestRestorableTime: latest ?? null,
          latestRestorableTimeIso: latest === undefined ? null : iso(latest),
        }),
      );
    } else if (latest !== undefined) {
      io.stdout.write(`${iso(latest)}\n`);
    } else {
      io.stderr.write(`The cross-region backup of DB instance ${instanceId} has no restorable time.\n`);
    }
    return latest === undefined ? ExitCode.no : ExitCode.ok;
  },
};
