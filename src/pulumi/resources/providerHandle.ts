import type * as pulumi from "@pulumi/pulumi";

type ProviderModule = typeof import("../provider");
/** A data source's reader, by the name the provider module exports it under. */
export type DataSourceKind = Exclude<keyof ProviderModule, "configure">;

/**
 * The object Pulumi serializes into every data source's `__provider` state property. It must stay tiny and capture
 * nothing but its `kind`: no credentials (they arrive through `configure` or the provider process's environment) and
 * no library code (a captured function is copied by value and breaks). The implementation is required by package
 * name inside the provider process, which resolves it from the program's directory.
 *
 * The engine calls only `configure` and `read` for a resource registered with an id (docs/engine-facts.md), and every
 * data source is registered with one, so the handle has nothing else. `ResourceProvider` declares `create` required
 * for the resources the engine creates; none of these is.
 */
export function providerHandle(kind: DataSourceKind): pulumi.dynamic.ResourceProvider {
  const load = (): ProviderModule => require("pulumi-huaweicloud-rds-offsite/provider");
  const handle: Pick<pulumi.dynamic.ResourceProvider, "configure" | "read"> = {
    configure: (request) => load().configure(request),
    read: (id, props) => load()[kind].read(id, props),
  };
  return handle as pulumi.dynamic.ResourceProvider;
}
