import type { ConfigurationLookup } from "./configurationLookup";

/**
 * The shape of one value, in the terms of a Pulumi package schema: every surface that needs a type (the plugin's
 * schema, hence the Python and Go SDKs) derives it from here.
 */
export type ValueType =
  | { readonly type: "string" | "integer" | "number" | "boolean" }
  | { readonly type: "array"; readonly items: ValueType }
  | { readonly ref: ObjectTypeName };

/** Object types data sources return, by their schema name. */
export type ObjectTypeName =
  | "OffsiteBackupInstance"
  | "Datastore"
  | "RestoreTimeRange"
  | "InstanceReadiness"
  | "UncoveredTime"
  | "LookupError"
  | "ReadinessSummary";

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

/**
 * The fields of `T`, each described, with `required` matching `T`: an optional key, or one whose value may be
 * `undefined`, must say `required: false`, any other `required: true`. A field added to the TypeScript type without a
 * definition (or the other way round) fails to compile.
 */
export type FieldsOf<T> = {
  readonly [K in keyof T]-?: FieldDefinition & {
    readonly required: object extends Pick<T, K> ? false : undefined extends T[K] ? false : true;
  };
};

/** The arguments of `T`: its fields (see `FieldsOf`), each with its check. */
export type ArgumentsOf<T> = { readonly [K in keyof FieldsOf<T>]: FieldsOf<T>[K] & ArgumentDefinition };

/**
 * One data source, described once: its name, its arguments and its results (names, types, docs). The core's
 * validation accepts exactly these arguments, each checked by the validator it names; the schema (hence every generated SDK), the TypeScript types with their
 * TSDoc (src/core/dataSources/types.ts) and the CLI's help are derived from it.
 */
export interface DataSourceDefinition<Args, Result> {
  /** The function name every surface uses: `getOffsiteBackupInstances`, `checkRestoreTime`. */
  readonly name: string;
  readonly description: string;
  readonly arguments: ArgumentsOf<Args>;
  readonly result: FieldsOf<Result>;
}

/**
 * Any data source with its query, for the surfaces that treat them alike (the plugin, the schema). The query takes
 * what arrives on the wire and validates it itself (refusing bad arguments, naming them, before any request).
 */
export interface DataSource {
  readonly name: string;
  readonly description: string;
  readonly arguments: Readonly<Record<string, ArgumentDefinition>>;
  readonly result: Readonly<Record<string, FieldDefinition>>;
  /** `warn` receives what the query reports as a warning (`checkRestoreTime` with `onUnavailable: "warn"`). */
  query(args: unknown, lookup: ConfigurationLookup, warn?: (message: string) => void): Promise<object>;
}

/** The names of a data source's arguments: what its validation accepts. */
export function argumentNames<Args>(definition: DataSourceDefinition<Args, unknown>): (keyof Args & string)[] {
  return Object.keys(definition.arguments) as (keyof Args & string)[];
}
