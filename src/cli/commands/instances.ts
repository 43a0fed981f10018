import {
  FILTER_KEYS,
  getOffsiteBackupInstances,
  INSTANCE_OBJECT_TYPES,
  queryOffsiteBackupInstances,
  validateOffsiteBackupInstancesArgs,
} from "../../core/dataSources/getOffsiteBackupInstances";
import type { GetOffsiteBackupInstancesArgs } from "../../core/dataSources/types";
import { type Command, ExitCode } from "../command";
import { connect, regionArguments } from "../connection";
import { argumentFlag, type FlagSpecs, type FlagValues, flagName, JSON_FLAG } from "../flags";
import { json, objectTable } from "../output";
import { withProgress } from "../progress";

/** One flag per listing filter, from the filter's definition: every command over the listing takes them. */
export const FILTER_FLAGS: FlagSpecs = Object.fromEntries(
  FILTER_KEYS.map((key) => [flagName(key), argumentFlag(getOffsiteBackupInstances, key)]),
);

export const instancesCommand: Command = {
  name: "instances",
  summary: "list DB instances with cross-region backups in the backup region",
  synopsis: "[filters] [--json]",
  details:
    "Lists every page (concurrently), then keeps the instances matching every filter given (exact match).\n" +
    "Prints a table, or with --json the result of getOffsiteBackupInstances: { region, instances, ids, totalCount }.",
  exitStatus: "0 listed (also when nothing matches)",
  flags: {
    ...FILTER_FLAGS,
    json: JSON_FLAG,
  },
  async run(values, io) {
    const args = { ...regionArguments(values), ...filterArguments(values) };
    validateOffsiteBackupInstancesArgs(args);
    const connection = connect(values, io.env);
    const result = await withProgress(
      io.stderr,
      `Listing DB instances with cross-region backups in ${connection.region}`,
      queryOffsiteBackupInstances(args as GetOffsiteBackupInstancesArgs, connection.lookup),
    );
    if (values.json) {
      io.stdout.write(json(result));
    } else if (result.instances.length === 0) {
      io.stderr.write(
        `No DB instance with cross-region backups in ${result.region} matches (${result.totalCount} listed in all).\n`,
      );
    } else {
      io.stdout.write(objectTable(INSTANCE_OBJECT_TYPES.OffsiteBackupInstance, result.instances));
    }
    return ExitCode.ok;
  },
};

/** The filter flags given, as the listing's arguments. */
export function filterArguments(values: FlagValues): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  for (const key of FILTER_KEYS) {
    const value = values[flagName(key)];
    // Flags are text; an integer argument (keepDays) takes a number: digits are converted, anything else is left for
    // the core to refuse.
    const integer = getOffsiteBackupInstances.arguments[key].type.type === "integer";
    if (typeof value === "string") args[key] = integer && /^\d+$/.test(value) ? Number(value) : value;
  }
  return args;
}
