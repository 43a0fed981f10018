import type * as pulumi from "@pulumi/pulumi";
import { isInvalidArgumentError } from "../sdk/client/errors/InvalidArgumentError";
import type { ConfigurationLookup } from "../sdk/queries/configurationLookup";
import { providerConfiguration } from "./configuration";
import { UNKNOWN, unknownKeys } from "./unknowns";

/** What a read-only data source needs: its argument names, a validator and the query. */
export interface DataSourceDefinition<Args, Result> {
  /** Keys of the resource's inputs; everything else in the state is output. */
  readonly argumentKeys: readonly string[];
  /** Throws InvalidArgumentError naming the argument; makes no request. */
  readonly validate: (args: Args) => void;
  readonly query: (args: Args, lookup: ConfigurationLookup) => Promise<Result>;
  /** The stable id of a reading: the same arguments always give the same id, so re-reads show no change. */
  readonly idOf: (args: Args) => string;
}

/**
 * A dynamic-provider implementation for a data source. The program registers it as a *read* (a resource with an
 * id), which the engine runs in `preview` as well as `up`, so its outputs are known before anything is deployed.
 * `create`/`update` behave like a read for programs that register it without an id; `delete` makes no call.
 */
export function dataSourceProvider<Args, Result extends object>(definition: DataSourceDefinition<Args, Result>) {
  const argumentsOf = (props: Record<string, unknown>) =>
    Object.fromEntries(
      definition.argumentKeys.filter((key) => props[key] !== undefined).map((key) => [key, props[key]]),
    ) as Args;

  const readNow = async (props: Record<string, unknown>) => {
    const args = argumentsOf(props);
    const pending = unknownKeys(args as Record<string, unknown>);
    if (pending.length > 0) {
      throw new Error(`cannot read while ${pending.join(", ")} ${pending.length > 1 ? "are" : "is"} not known yet`);
    }
    const result = await definition.query(args, providerConfiguration());
    // Pulumi state cannot hold `undefined`; absent fields stay absent, as the API gave them.
    const outputs = JSON.parse(JSON.stringify({ ...args, ...result })) as Record<string, unknown>;
    return { id: definition.idOf(args), outs: outputs };
  };

  return {
    async check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
      const args = argumentsOf(news);
      // Unknown values (the sentinel) are checked again once known, at read time.
      if (unknownKeys(args as Record<string, unknown>).length > 0) return { inputs: news };
      try {
        definition.validate(args);
        return { inputs: news };
      } catch (error) {
        if (!isInvalidArgumentError(error)) throw error;
        return { inputs: news, failures: [{ property: error.argument, reason: error.reason }] };
      }
    },
    async read(_id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
      const { id, outs } = await readNow(props);
      return { id, props: outs };
    },
    async create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
      return readNow(inputs);
    },
    async update(_id: string, _olds: Record<string, unknown>, news: Record<string, unknown>) {
      return { outs: (await readNow(news)).outs };
    },
    async diff(
      _id: string,
      olds: Record<string, unknown>,
      news: Record<string, unknown>,
    ): Promise<pulumi.dynamic.DiffResult> {
      const changed = definition.argumentKeys.filter(
        (key) => news[key] === UNKNOWN || JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
      );
      return { changes: changed.length > 0, replaces: changed, deleteBeforeReplace: false };
    },
    async delete(): Promise<void> {
      // A data source owns nothing in the cloud.
    },
  };
}
