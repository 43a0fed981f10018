import type * as pulumi from "@pulumi/pulumi";
import type { ConfigurationLookup } from "../sdk/queries/configurationLookup";
import { INVALID_ARGUMENTS } from "../sdk/resources/readProtocol";
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
      const result = await query(args, providerConfiguration());
      // Pulumi state cannot hold `undefined`; absent fields stay absent, as the API gave them.
      return { id, props: JSON.parse(JSON.stringify({ ...result, args })) as Record<string, unknown> };
    },
  };
}
