import type * as pulumi from "@pulumi/pulumi";
import { isConfigurationError } from "../../core/client/errors/ConfigurationError";
import { isHuaweiCloudError } from "../../core/client/errors/HuaweiCloudError";
import { isIncompleteListingError } from "../../core/client/errors/IncompleteListingError";
import { isInvalidArgumentError } from "../../core/client/errors/InvalidArgumentError";
import type { ConfigurationLookup } from "../../core/dataSources/configurationLookup";
import { FAILURE, IN_PROGRAM, INVALID_ARGUMENTS } from "../resources/readProtocol";
import { providerConfiguration } from "./configuration";

/**
 * The provider side of a data source: the engine only ever `read`s it (by the id the program derived from its
 * arguments), in `preview`, `up` and `refresh` alike. The arguments travel in state under their own key, `args`,
 * apart from the outputs, so a `refresh` (which reads with the stored outputs) reads with the same arguments.
 */
export function dataSourceReader<Args, Result extends object>(
  query: (args: Args, lookup: ConfigurationLookup) => Promise<Result>,
) {
  return {
    async read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
      const args = (props.args ?? {}) as Args;
      // Arguments the program refused once known (see dataSourceRegistration): the program fails with the message;
      // the read answers at once, without any request.
      if (id.startsWith(INVALID_ARGUMENTS)) return { id, props: { args } };
      let result: Result;
      try {
        result = await query(args, providerConfiguration());
      } catch (error) {
        if (props[IN_PROGRAM] !== true || !isDescribedFailure(error)) throw error;
        return { id, props: { args, [FAILURE]: error.message } };
      }
      // Pulumi state cannot hold `undefined`; absent fields stay absent, as the API gave them. `failure` is always set
      // (empty: none): an output a read leaves out is unknown during preview, and so would every output waiting on it.
      return { id, props: JSON.parse(JSON.stringify({ ...result, args, [FAILURE]: "" })) as Record<string, unknown> };
    },
  };
}

/** A failure the package describes itself (a restore decision whose confirmation failed wraps one as its cause). */
function isDescribedFailure(error: unknown): error is Error {
  const described = (candidate: unknown) =>
    isConfigurationError(candidate) ||
    isHuaweiCloudError(candidate) ||
    isIncompleteListingError(candidate) ||
    isInvalidArgumentError(candidate);
  return described(error) || (error instanceof Error && described(error.cause));
}
