import * as pulumi from "@pulumi/pulumi";
import type { RestoreTimeInput } from "../queries/types";

/**
 * `pulumi.output()` copies objects field by field and turns a Date into `{}`; convert Dates to epoch milliseconds
 * before a restore time enters an Output.
 */
export function restoreTimeOutput(input: pulumi.Input<RestoreTimeInput>): pulumi.Output<string | number> {
  if (input instanceof Date) return pulumi.output(input.getTime());
  return pulumi.output(input).apply((value) => (value instanceof Date ? value.getTime() : value) as string | number);
}
