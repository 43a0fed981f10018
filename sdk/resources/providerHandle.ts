import type * as pulumi from "@pulumi/pulumi";

type ProviderModule = typeof import("../../provider");
export type DataSourceKind = "offsiteBackupInstances" | "offsiteRestoreTimeRanges";

/**
 * The object Pulumi serializes into every data source's `__provider` state property. It must stay tiny and capture
 * nothing but its `kind`: no credentials (they arrive through `configure` or the provider process's environment) and
 * no library code (a captured function is copied by value and breaks). The implementation is required by package
 * name inside the provider process, which resolves it from the program's directory.
 */
export function providerHandle(kind: DataSourceKind): pulumi.dynamic.ResourceProvider {
  const load = (): ProviderModule => require("pulumi-huaweicloud-rds-offsite/provider");
  return {
    configure: (request) => load().configure(request),
    check: (olds, news) => load()[kind].check(olds, news),
    diff: (id, olds, news) => load()[kind].diff(id, olds, news),
    create: (inputs) => load()[kind].create(inputs),
    read: (id, props) => load()[kind].read(id, props),
    update: (id, olds, news) => load()[kind].update(id, olds, news),
    delete: async () => {},
  };
}
