import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { isInvalidArgumentError } from "../../core/client/errors/InvalidArgumentError";
import { PACKAGE_CONFIG_NAMESPACE, unknownPackageSetting } from "../../core/client/settings/stackConfigKeys";
import { checkArguments, type DataSourceDefinition } from "../../core/dataSources/definition";
import { programError, stopProgram } from "../program/programError";
import { type DataSourceKind, providerHandle } from "./providerHandle";
import { FAILURE, IN_PROGRAM, INVALID_ARGUMENTS } from "./readProtocol";

// One provider object per data-source type, serialized once per process.
const handles: Partial<Record<DataSourceKind, pulumi.dynamic.ResourceProvider>> = {};

/** Resource type tokens read `pulumi-nodejs:dynamic/huaweicloud-rds-offsite:<Type>`. */
export const TOKEN_MODULE = PACKAGE_CONFIG_NAMESPACE;

/** How a data source becomes a resource: what is not in its definition. */
export interface DataSourceResourceScheme {
  /** The resource's type: its class name, its token (`…:OffsiteBackupInstances`), how messages name it. */
  readonly typeName: string;
  /** Its reader, by the name the provider module exports it under (stored in state: never renamed). */
  readonly kind: DataSourceKind;
  /**
   * The reading's id, from the arguments as the definition's checks hand them on (`checked`) and as given (`plain`):
   * equal arguments give equal ids (docs/engine-facts.md, "Stable ids").
   */
  readonly id: (checked: ReturnType<typeof checkArguments>, plain: Record<string, unknown>) => string;
  /** The arguments as registered, when some must be converted first (a `Date` becomes epoch milliseconds). */
  readonly registeredArgs?: (args: pulumi.Inputs) => pulumi.Inputs;
}

/** How messages name a resource and whom a failure blames, when not the resource itself (RestoreGate's check). */
export interface Reporting {
  readonly label: string;
  readonly blame?: pulumi.Resource | undefined;
}

/** The constructor {@link defineDataSourceResource} returns; each public class narrows `args` to its own type. */
export type DataSourceResourceClass = (new (
  name: string,
  args: pulumi.Inputs,
  opts?: pulumi.CustomResourceOptions,
  reporting?: Reporting,
) => pulumi.dynamic.Resource) &
  // The statics a `pulumi.dynamic.Resource` subclass has (`isInstance`), as when each class extended it directly.
  Omit<typeof pulumi.dynamic.Resource, "prototype">;

/**
 * A data source as a resource class: its outputs are the definition's results, its arguments are checked by the
 * definition's validators (see {@link dataSourceRegistration}), and its id follows `scheme`. A public resource is
 * `class X extends defineDataSourceResource(definition, scheme)` with its own constructor signature.
 */
export function defineDataSourceResource(
  definition: DataSourceDefinition,
  scheme: DataSourceResourceScheme,
): DataSourceResourceClass {
  const outputNames = Object.keys(definition.result);
  return class extends pulumi.dynamic.Resource {
    constructor(name: string, args: pulumi.Inputs, opts?: pulumi.CustomResourceOptions, reporting?: Reporting) {
      const label = reporting?.label ?? `${scheme.typeName} "${name}"`;
      const [provider, props, options] = dataSourceRegistration(
        {
          kind: scheme.kind,
          label,
          args: scheme.registeredArgs?.(args) ?? args,
          outputNames,
          identify: (plain) => scheme.id(checkArguments(definition, plain), plain),
        },
        opts,
      );
      super(provider, name, props, options, TOKEN_MODULE, scheme.typeName);
      withheldOnFailure(this, label, outputNames, reporting?.blame ?? this);
    }
  };
}

/** `region/projectId` of the arguments given, or "" : where an id says the reading asks. */
export function placeOf(where: { region?: string | undefined; projectId?: string | undefined }): string {
  return [where.region, where.projectId].filter((part) => part !== undefined).join("/");
}

/** How a data source registers itself. */
export interface DataSourceRegistration {
  readonly kind: DataSourceKind;
  /** How a message names the resource the user wrote, e.g. `OffsiteRestoreTimeRanges "ranges"`. */
  readonly label: string;
  readonly args: pulumi.Inputs;
  /** The output properties (they must be present in the props to become outputs). */
  readonly outputNames: readonly string[];
  /** Validates plain arguments (throwing InvalidArgumentError) and derives the reading's id from them. */
  readonly identify: (plainArgs: Record<string, unknown>) => string;
}

/**
 * The arguments of `pulumi.dynamic.Resource`'s constructor for a data source. It is registered as a *read* of an
 * external resource whose id is derived from its arguments, so the engine runs the provider's `read` in
 * `pulumi preview` too (a created resource would stay unknown until `up`), `refresh` re-reads it, and `destroy`
 * forgets it without any API call.
 *
 * The arguments are kept under their own property, `args`, apart from the outputs: `refresh` reads with the stored
 * outputs, and an output such as `region` (the region actually queried) must never be read back as an argument.
 *
 * Arguments are validated as soon as they are known, before any request: a bad one fails the preview with one
 * message naming the resource and the argument. Arguments unknown during preview (outputs of
 * resources not yet created) make the id unknown; the engine then skips the read in that preview and performs it
 * during `up`.
 */
export function dataSourceRegistration(
  registration: DataSourceRegistration,
  opts: pulumi.CustomResourceOptions | undefined,
): [pulumi.dynamic.ResourceProvider, pulumi.Inputs, pulumi.CustomResourceOptions] {
  const { kind, label, args, outputNames, identify } = registration;
  // The settings are read in the provider process, which cannot list the stack's keys: a misspelt one is named here.
  const misspelt = unknownPackageSetting(Object.keys(pulumi.runtime.allConfig()));
  if (misspelt !== undefined) throw programError(`${label}: ${misspelt.message}`);
  const checked = (plain: Record<string, unknown>) => {
    try {
      return { id: identify(plain) };
    } catch (error) {
      if (!isInvalidArgumentError(error)) throw error;
      return { invalid: invalidArgumentMessage(label, error.argument, error.reason) };
    }
  };
  // Plain arguments are checked here: the program stops with the message before anything is registered.
  const known = Object.values(args).every((value) => !pulumi.Output.isInstance(value) && !(value instanceof Promise));
  if (known) {
    const verdict = checked(args as Record<string, unknown>);
    if (verdict.invalid !== undefined) throw programError(verdict.invalid);
  }
  // Arguments known later are checked then, and the program fails with the same message. A rejected id would leave
  // the read's outputs pending forever (a program exporting them would hang), so a refused reading still gets an id,
  // which `read` answers without any request; failing that read instead would print the provider process's stack
  // trace into the preview.
  const id = pulumi.output(args).apply((plain) => {
    const verdict = checked(plain as Record<string, unknown>);
    if (verdict.invalid === undefined) return verdict.id;
    void stopProgram(verdict.invalid);
    return `${INVALID_ARGUMENTS}${verdict.invalid}`;
  });
  handles[kind] ??= providerHandle(kind);
  const props: pulumi.Inputs = { args, [IN_PROGRAM]: true };
  for (const output of [...outputNames, FAILURE]) props[output] = undefined;
  return [handles[kind], props, { ...opts, id }];
}

/**
 * Called by a data source after `super(...)`: its outputs as the program sees them. A read that failed for a reason
 * the package describes answers with the message (see readProtocol.ts); the program then stops with it, naming the
 * data source (`label`), once, on one line, under `blame` (the data source itself, or the component it serves), and
 * every output stays withheld, so nothing fed from the data source is registered.
 */
export function withheldOnFailure(
  resource: pulumi.dynamic.Resource,
  label: string,
  outputNames: readonly string[],
  blame: pulumi.Resource = resource,
): void {
  const outputs = resource as unknown as Record<string, pulumi.Output<unknown>>;
  const stopped = (outputs[FAILURE] as pulumi.Output<string | undefined>).apply((failure) =>
    failure === undefined || failure === "" ? undefined : stopProgram(`${label}: ${failure}`, blame),
  );
  for (const name of outputNames) outputs[name] = pulumi.all([stopped, outputs[name]]).apply(([, value]) => value);
}

/** `Invalid argument "date" of OffsiteRestoreTimeRanges "ranges": …`: the resource, the argument, the reason. */
export function invalidArgumentMessage(label: string, argument: string, reason: string): string {
  return `Invalid argument "${argument}" of ${label}: ${reason}`;
}

/** A short digest of arguments in canonical (sorted) form: equal arguments give equal ids, different ones never collide. */
export function argumentsDigest(args: object): string {
  const canonical = JSON.stringify(
    Object.entries(args)
      .filter(([, value]) => value !== undefined)
      .sort(),
  );
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}
