import * as pulumi from "@pulumi/pulumi";
import type { RestoreTimeInput } from "../core/dataSources/types";

/**
 * `pulumi.output()` copies objects field by field and turns a Date into `{}`; convert Dates to epoch milliseconds
 * before a restore time enters an Output.
 */
export function restoreTimeOutput(input: pulumi.Input<RestoreTimeInput>): pulumi.Output<string | number> {
  if (input instanceof Date) return pulumi.output(input.getTime());
  return pulumi.output(input).apply((value) => (value instanceof Date ? value.getTime() : value) as string | number);
}

/**
 * A restore time as a resource argument: a Date becomes epoch milliseconds (it would become `{}` inside an Output), an
 * Output or a Promise is converted once known, and a plain value stays plain (checked at once by the resource).
 */
export function restoreTimeArgument(time: pulumi.Input<RestoreTimeInput>): pulumi.Input<string | number> {
  if (time instanceof Date) return time.getTime();
  if (pulumi.Output.isInstance(time) || time instanceof Promise) return restoreTimeOutput(time);
  return time;
}
