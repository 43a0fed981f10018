import type * as pulumi from "@pulumi/pulumi";

type ProviderModule = typeof import("../../provider");
export type DataSourceKind = "offsiteBackupInstances" | "offsiteRestoreTimeRanges" | "restoreTimeCheck";

/**
 * The object Pulumi serializes into every data source's `__provider` state property. It must stay tiny and capture
 * nothing but its `kind`: no credentials (they arrive through `configure` or the provider process's environment) and
 * no library code (a captured function is copied by value and breaks). The implementation is required by package
 * name inside the provider process, which resolves it from the program's directory.
 *
 * The engine calls only `configure` and `read` for a resource registered with an id (docs/engine-facts.md). `create`
 * is required by the type; it is reached only if a data source is registered without an id, and says so.
 */
export function providerHandle(kind: DataSourceKind): pulumi.dynamic.ResourceProvider {
  const load = (): ProviderModule => require("pulumi-huaweicloud-rds-offsite/provider");
  return {
    configure: (request) => load().configure(request),
    read: (id, props) => load()[kind].read(id, props),
    create: async () => {
      throw new Error(
        `${kind} is a read-only data source: it is read by the id its arguments give, never created. Register it through its class (OffsiteBackupInstances, OffsiteRestoreTimeRanges, RestoreGate), which sets that id.`,
      );
    },
  };
}
