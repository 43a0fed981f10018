import {
  checkRestoreTime,
  queryRestoreTime,
  validateCheckRestoreTimeArgs,
} from "../../core/dataSources/checkRestoreTime";
import { type Command, ExitCode } from "../command";
import { connect, regionArguments } from "../connection";
import { argumentFlag, JSON_FLAG, refuseEpochSeconds } from "../flags";
import { iso, json, rangeJson } from "../output";

export const checkCommand: Command = {
  name: "check",
  summary: "gate: is a point in time restorable? (exit 0 yes, 1 no)",
  synopsis: "--instance-id ID --time TIME [--json]",
  details:
    "Asks for the restore ranges of TIME's UTC day and decides as checkRestoreTime does. When TIME is not\n" +
    "restorable, prints the nearest available ranges, as RestoreGate's refusal does.\n" +
    "With --json: { instanceId, restorable, restoreTime, restoreTimeIso, range?, ranges, nearestRanges?, message? }.",
  exitStatus: "0 restorable, 1 not restorable",
  flags: {
    "instance-id": argumentFlag(checkRestoreTime, "instanceId"),
    time: argumentFlag(checkRestoreTime, "restoreTime"),
    json: JSON_FLAG,
  },
  async run(values, io) {
    const where = regionArguments(values);
    const instanceId = values["instance-id"] as string;
    const args = { ...where, instanceId, restoreTime: values.time as string };
    validateCheckRestoreTimeArgs(args);
    refuseEpochSeconds("restoreTime", args.restoreTime);
    const { lookup } = connect(values, io.env);
    const check = await queryRestoreTime(args, lookup);
    const decision = {
      instanceId,
      restorable: check.restorable,
      restoreTime: check.restoreTime,
      restoreTimeIso: iso(check.restoreTime),
      ...(check.range && { range: rangeJson(check.range) }),
      ranges: check.ranges.map(rangeJson),
    };
    if (check.restorable) {
      const range = check.range!;
      io.stdout.write(
        values.json
          ? json(decision)
          : `Restorable: DB instance ${instanceId} can be restored to ${iso(check.restoreTime)} (${check.restoreTime}), ` +
              `within ${iso(range.startTime)} – ${iso(range.endTime)}.\n`,
      );
      return ExitCode.ok;
    }
    // The refusal as checkRestoreTime words it (RestoreGate's), with the nearest ranges it names.
    const message = check.message ?? "";
    const nearestRanges = check.nearestRanges.map(rangeJson);
    io.stdout.write(values.json ? json({ ...decision, nearestRanges, message }) : `${message}\n`);
    return ExitCode.no;
  },
};
