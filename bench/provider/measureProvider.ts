import path from "node:path";
import { runProbe } from "../support/freshProcess";
import { median, round } from "../support/stats";

const FURTHER = 50;

export interface ProviderResult {
  /** Bytes of the `__provider` text the engine receives (and state stores) for every data-source resource. */
  serializedBytes: number;
  /** Fresh process: from constructing the first data source to its registration reaching the engine (median). */
  firstResourceMs: number;
  /** Each further data source, registration included: the provider text is cached, not serialized again. */
  furtherResourceMs: number;
  /** What serializing the provider again would cost without Pulumi's per-object cache (closure serializer warm). */
  uncachedSerializeMs: number;
  /** Loading the package (`require("pulumi-huaweicloud-rds-offsite")`) in a fresh process. */
  packageLoadMs: number;
  /** Every further resource carried exactly the first one's text. */
  sameTextForEveryResource: boolean;
  processes: number;
}

interface ProbeOutput {
  loadMs: number;
  firstMs: number;
  furtherCount: number;
  furtherTotalMs: number;
  uncachedSerializeMs: number;
  providerText: string;
  providerTextSameForFurther: boolean;
}

/**
 * The dynamic provider's serialization, measured in fresh Node processes (the first serialization of a process pays
 * for loading Pulumi's closure serializer, so reusing one process would hide it) against Pulumi's mock engine.
 */
export async function measureProvider(options: { reps: number }): Promise<ProviderResult> {
  const probes = runProbe<ProbeOutput>(path.join(__dirname, "serializationProbe.cjs"), [String(FURTHER)], options.reps);
  const texts = new Set(probes.map((probe) => probe.providerText));
  if (texts.size !== 1) throw new Error("the serialized provider differs between processes");
  const of = (pick: (probe: ProbeOutput) => number) => round(median(probes.map(pick)), 2);
  return {
    serializedBytes: Buffer.byteLength(probes[0]?.providerText ?? "", "utf8"),
    firstResourceMs: of((probe) => probe.firstMs),
    furtherResourceMs: of((probe) => probe.furtherTotalMs / probe.furtherCount),
    uncachedSerializeMs: of((probe) => probe.uncachedSerializeMs),
    packageLoadMs: of((probe) => probe.loadMs),
    sameTextForEveryResource: probes.every((probe) => probe.providerTextSameForFurther),
    processes: probes.length,
  };
}
