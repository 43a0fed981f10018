import * as pulumi from "@pulumi/pulumi";
import { validateCheckRestoreTimeArgs } from "../../core/dataSources/checkRestoreTime";
import type { CheckRestoreTimeArgs, RestoreTimeRange } from "../../core/dataSources/types";
import type { InputsOf } from "../derivedTypes";
import { restoreTimeArgument } from "../restoreTimeInput";
import { dataSourceRegistration, TOKEN_MODULE, withheldOnFailure } from "./dataSourceResource";

/** {@link CheckRestoreTimeArgs} with `pulumi.Input` fields. */
export type RestoreTimeCheckArgs = InputsOf<CheckRestoreTimeArgs>;

/**
 * The restore decision (`checkRestoreTime`'s) as a read, made in the dynamic provider process: RestoreGate's source of
 * truth. Every request, the IAM project lookup included, happens in that one process, with its one set of
 * credentials.
 */
export class RestoreTimeCheck extends pulumi.dynamic.Resource {
  declare readonly restorable: pulumi.Output<boolean>;
  declare readonly restoreTime: pulumi.Output<number>;
  declare readonly ranges: pulumi.Output<RestoreTimeRange[]>;

  /** @param label how messages name the resource the user wrote, e.g. `RestoreGate "orders-restore"` */
  constructor(name: string, label: string, args: RestoreTimeCheckArgs, opts?: pulumi.CustomResourceOptions) {
    const outputNames = ["restorable", "restoreTime", "ranges"];
    const [provider, props, options] = dataSourceRegistration(
      {
        kind: "restoreTimeCheck",
        label,
        args: { ...args, restoreTime: restoreTimeArgument(args.restoreTime) },
        outputNames,
        identify: (plain) => {
          const { where, instanceId, restoreTime } = validateCheckRestoreTimeArgs(plain);
          const place = [where.region, where.projectId].filter((part) => part !== undefined).join("/");
          return `restore-time-check:${instanceId}@${restoreTime}${place ? `:${place}` : ""}`;
        },
      },
      opts,
    );
    super(provider, name, props, options, TOKEN_MODULE, "RestoreTimeCheck");
    withheldOnFailure(this, label, outputNames, opts?.parent);
  }
}
