import * as pulumi from "@pulumi/pulumi";
import { type DataSourceKind, providerHandle } from "./providerHandle";

// One provider object per data-source type, serialized once per process.
const handles: Partial<Record<DataSourceKind, pulumi.dynamic.ResourceProvider>> = {};

/** Resource type tokens read `pulumi-nodejs:dynamic/huaweicloud-rds-offsite:<Type>`. */
export const TOKEN_MODULE = "huaweicloud-rds-offsite";

/**
 * The arguments of `pulumi.dynamic.Resource`'s constructor for a data source. It is registered as a *read* of an
 * external resource whose id is derived from its arguments, so the engine runs the provider's `read` in
 * `pulumi preview` too (a created resource would stay unknown until `up`), `refresh` re-reads it, and `destroy`
 * forgets it without any API call.
 *
 * Arguments are validated as soon as they are known, before any request: a bad one fails the program with a message
 * naming it. Arguments unknown during preview (outputs of resources not yet created) make the id unknown; the
 * engine then skips the read in that preview and performs it during `up`.
 */
export function dataSourceRegistration(
  kind: DataSourceKind,
  args: pulumi.Inputs,
  outputNames: readonly string[],
  identify: (plainArgs: Record<string, unknown>) => string,
  opts: pulumi.CustomResourceOptions | undefined,
): [pulumi.dynamic.ResourceProvider, pulumi.Inputs, pulumi.CustomResourceOptions] {
  handles[kind] ??= providerHandle(kind);
  const props: pulumi.Inputs = { ...args };
  for (const output of outputNames) props[output] = undefined;
  const id = pulumi.output(args).apply((plain) => identify(plain as Record<string, unknown>));
  return [handles[kind], props, { ...opts, id }];
}
