import type * as pulumi from "@pulumi/pulumi";
import { checkRestoreTime } from "../../core/dataSources/checkRestoreTime";
import type { CheckRestoreTimeArgs, CheckRestoreTimeResult, RestoreTimeInput } from "../../core/dataSources/types";
import type { InputsOf, ResultOutputs } from "../derivedTypes";
import { restoreTimeArgument } from "../restoreTimeInput";
import { defineDataSourceResource, placeOf } from "./dataSourceResource";

/** {@link CheckRestoreTimeArgs} with `pulumi.Input` fields. */
export type RestoreTimeCheckArgs = InputsOf<CheckRestoreTimeArgs>;

/** The outputs: the results of `checkRestoreTime`. */
export interface RestoreTimeCheck extends ResultOutputs<CheckRestoreTimeResult> {}

/**
 * The restore decision (`checkRestoreTime`'s) as a read, made in the dynamic provider process: RestoreGate's source of
 * truth. Every request, the IAM project lookup included, happens in that one process, with its one set of
 * credentials.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the outputs are declared by the interface above, from the data source's result type.
export class RestoreTimeCheck extends defineDataSourceResource(checkRestoreTime, {
  typeName: "RestoreTimeCheck",
  kind: "restoreTimeCheck",
  registeredArgs: (args) => ({
    ...args,
    restoreTime: restoreTimeArgument(args.restoreTime as pulumi.Input<RestoreTimeInput>),
  }),
  id: ({ where, values: { instanceId, restoreTime } }) => {
    const place = placeOf(where);
    return `restore-time-check:${instanceId}@${restoreTime}${place ? `:${place}` : ""}`;
  },
}) {
  /** @param label how messages name the resource the user wrote, e.g. `RestoreGate "orders-restore"` */
  constructor(name: string, label: string, args: RestoreTimeCheckArgs, opts?: pulumi.CustomResourceOptions) {
    super(name, args, opts, { label, blame: opts?.parent });
  }
}
