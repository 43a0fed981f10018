import type * as pulumi from "@pulumi/pulumi";

// Homomorphic mappings of the generated argument and result types (src/core/dataSources/types.ts): each field keeps
// the TSDoc its definition gives it, so no surface writes a data source's docs again.

/** A data source's arguments with `pulumi.Input` fields. */
export type InputsOf<Args> = { [K in keyof Args]: pulumi.Input<Args[K]> };

/** A data source's results as resource outputs. */
export type ResultOutputs<Result> = { readonly [K in keyof Result]-?: pulumi.Output<Result[K]> };
