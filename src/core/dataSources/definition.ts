import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { describe, validateProjectId, validateRegion } from "../client/validation";
import type { ConfigurationLookup } from "./configurationLookup";

/**
 * The shape of one value, in the terms of a Pulumi package schema: every surface that needs a type (the plugin's
 * schema, hence the Python and Go SDKs) derives it from here.
 */
export type ValueType =
  | { readonly type: "string" | "integer" | "number" | "boolean" }
  | { readonly type: "array"; readonly items: ValueType }
  | { readonly ref: ObjectTypeName };

/**
 * Milliseconds, epoch instants or durations: schema `number`, never `integer`. Pulumi's Java and .NET SDKs map `integer`
 * to a 32-bit int, which clamps anything past 2^31 (every epoch instant after January 1970, any duration over 24.8
 * days); a float64 holds every integer below 2^53 exactly, so each language keeps the value as the wire carries it.
 */
export const milliseconds = { type: "number" } as const satisfies ValueType;

/**
 * The schema name of an object type: a key of `OBJECT_TYPES`, each defined in the module of the data source that
 * returns it. Every name a definition refers to is checked there at compile time (see src/core/dataSources/index.ts).
 */
export type ObjectTypeName = string;

/** The object type names a value type refers to (an array's items included), from its literal type. */
export type RefsOf<V> = V extends { readonly ref: infer Name }
  ? Name
  : V extends { readonly items: infer Items }
    ? RefsOf<Items>
    : never;

/** The object type names the fields of `F` refer to. */
export type RefsIn<F> = { [K in keyof F]: F[K] extends { readonly type: infer V } ? RefsOf<V> : never }[keyof F];

/**
 * An object type results are made of, written in the module of the data source that returns it: its properties, and
 * for the command line's tables, which of them are columns (a path into the object, `datastore.type`, → the column's
 * heading, in table order; free text such as names last, as it is not padded).
 */
export interface ObjectTypeDefinition {
  readonly description: string;
  readonly properties: Fields;
  readonly columns?: Readonly<Record<string, string>>;
}

/** A documented, typed field of arguments, results or an object type. */
export interface FieldDefinition {
  readonly type: ValueType;
  readonly description: string;
  /** Present in every value (results), or required of every caller (arguments). */
  readonly required: boolean;
  /** Marked secret in the schema, so SDKs and the engine keep it out of logs and plain-text state. */
  readonly secret?: boolean;
  /**
   * A one-line paraphrase for terse surfaces (the CLI's help), where `description` is too long or carries markup; the
   * description's own text serves when it is short.
   */
  readonly summary?: string;
  /** The value placeholder of an argument's command-line flag, e.g. `ID` in `--instance-id ID`. */
  readonly placeholder?: string;
  /**
   * The TypeScript type of the field where TypeScript callers may pass more than the wire carries (a `Date`, a
   * number): a hand-written type the generated src/core/dataSources/types.ts re-exports (see scripts/typescriptTypes.ts).
   */
  readonly tsType?: "RestoreTimeInput" | "DurationInput" | "OnUnavailable";
}

/**
 * An argument: a field with its check. `validate` receives the value given (also when absent, if the argument is
 * required) and returns it as the core uses it, or throws an `InvalidArgumentError` naming `argument`; it is one of
 * the validation functions of the client or the core, named here so a data source's whole contract is its definition.
 */
export interface ArgumentDefinition extends FieldDefinition {
  readonly validate: (value: unknown, argument: string) => unknown;
}

/** Fields by name: the results of a data source, or the properties of an object type. */
export type Fields = Readonly<Record<string, FieldDefinition>>;

/** Arguments by name, each with its check. */
export type Arguments = Readonly<Record<string, ArgumentDefinition>>;

/**
 * The plain TypeScript value a field's schema type holds (without `tsType`'s wider inputs): what a check that passed
 * hands on, e.g. the listing's filters. Object types are left as `object`; their TypeScript types are generated.
 */
export type PlainValue<V extends ValueType> = V extends { readonly type: "string" }
  ? string
  : V extends { readonly type: "integer" | "number" }
    ? number
    : V extends { readonly type: "boolean" }
      ? boolean
      : V extends { readonly type: "array"; readonly items: infer Items extends ValueType }
        ? PlainValue<Items>[]
        : object;

/**
 * One data source, described once: its name, its arguments and its results (names, types, docs). The definition is
 * the source: the core's validation accepts exactly these arguments, each checked by the validator it names; the
 * schema (hence every generated SDK), the generated TypeScript types with their TSDoc (src/core/dataSources/types.ts,
 * for the surfaces users see), the Pulumi resources' outputs and the CLI's flags and help are derived from it. It is
 * typed by nothing generated (see {@link defineDataSource}), so no definition waits on its own derived output.
 */
export interface DataSourceDefinition<A extends Arguments = Arguments, R extends Fields = Fields> {
  /** The function name every surface uses: `getOffsiteBackupInstances`, `checkRestoreTime`. */
  readonly name: string;
  readonly description: string;
  readonly arguments: A;
  readonly result: R;
}

/** A definition as written, its argument and result names kept as literal keys for the code that derives from it. */
export function defineDataSource<const A extends Arguments, const R extends Fields>(
  definition: DataSourceDefinition<A, R>,
): DataSourceDefinition<A, R> {
  return definition;
}

/**
 * Any data source with its query, for the surfaces that treat them alike (the plugin, the schema). The query takes
 * what arrives on the wire and validates it itself (refusing bad arguments, naming them, before any request).
 */
export interface DataSource extends DataSourceDefinition {
  /** `warn` receives what the query reports as a warning (`checkRestoreTime` with `onUnavailable: "warn"`). */
  query(args: unknown, lookup: ConfigurationLookup, warn?: (message: string) => void): Promise<object>;
}

/** The names of a data source's arguments: what its validation accepts. */
export function argumentNames<A extends Arguments>(definition: DataSourceDefinition<A>): (keyof A & string)[] {
  return Object.keys(definition.arguments) as (keyof A & string)[];
}

/** Documentation of the `RegionArgs` type every data source's arguments extend. */
export const REGION_ARGUMENTS_DESCRIPTION =
  "Where to ask: the backup region, and optionally its project id (looked up through IAM when absent).";

/** Where every data source asks: the backup region and its project. */
export const REGION_ARGUMENTS = {
  region: {
    type: { type: "string" },
    required: false,
    validate: validateRegion,
    description:
      "Backup (destination) region to query, e.g. `ap-southeast-1`. Defaults to the provider's `region`, then `HW_REGION_NAME`.",
    summary: "Backup (destination) region to query",
    placeholder: "REGION",
  },
  projectId: {
    type: { type: "string" },
    required: false,
    validate: validateProjectId,
    description:
      "Project id of `region`. Defaults to the provider's `projectId` (for its own region), then an IAM lookup (cached per process).",
    summary: "Project id of the region",
    placeholder: "ID",
  },
} as const satisfies Arguments;

/**
 * Refuses anything but a plain object with known keys: a misspelt `instanceID` silently ignored would return every
 * instance where the user asked for one.
 */
export function validateArgsObject(args: unknown, allowed: readonly string[], what: string): Record<string, unknown> {
  if (args === undefined || args === null) return {};
  if (typeof args !== "object" || Array.isArray(args)) {
    throw new InvalidArgumentError("args", `${what} takes an object of arguments, got ${describe(args)}`);
  }
  for (const key of Object.keys(args)) {
    if (!allowed.includes(key) && (args as Record<string, unknown>)[key] !== undefined) {
      const hint = allowed.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
      throw new InvalidArgumentError(
        key,
        `unknown argument of ${what}${hint ? `; did you mean "${hint}"?` : `; known arguments: ${allowed.join(", ")}`}`,
      );
    }
  }
  return args as Record<string, unknown>;
}

/**
 * Each argument given (or required) checked by the validator its definition names, in definition order (so the first
 * bad one is the one named); the result holds the checked values of the arguments given, and no other key.
 */
function validateArguments(definitions: Arguments, args: Record<string, unknown>): Record<string, unknown> {
  const checked: Record<string, unknown> = {};
  for (const [key, definition] of Object.entries(definitions)) {
    if (args[key] !== undefined || definition.required) checked[key] = definition.validate(args[key], key);
  }
  return checked;
}

/** Where a data source asks: its `region` and `projectId` arguments. */
export type Where = { region?: string; projectId?: string };

/** `region` and `projectId`, as keys only when given. */
function whereOf({ region, projectId }: Record<string, unknown>): Where {
  return { ...(region === undefined ? {} : { region }), ...(projectId === undefined ? {} : { projectId }) } as Where;
}

/**
 * A data source's arguments checked as its definition declares (a plain object of known keys, each value by its
 * validator): where to ask, and the checked values of the others by name. The functions, the resources, the dynamic
 * provider, the plugin and the CLI all pass what they received through this before any request, so bad input is
 * refused with the argument's name wherever it enters.
 */
export function checkArguments(
  definition: { readonly name: string; readonly arguments: Arguments },
  args: unknown,
): { where: Where; values: Record<string, unknown> } {
  const given = validateArgsObject(args, Object.keys(definition.arguments), definition.name);
  const { region, projectId, ...values } = validateArguments(definition.arguments, given);
  return { where: whereOf({ region, projectId }), values };
}
