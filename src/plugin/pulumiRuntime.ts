// The very modules @pulumi/pulumi's provider.main uses (a user's tree may hold other copies of @grpc/grpc-js
// elsewhere): resolved from @pulumi/pulumi's own directory. The self-contained plugin (scripts/release/bundlePlugin.mjs)
// bundles these same modules, resolved from the same directory at build time.
import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as providerTypes from "@pulumi/pulumi/provider";

const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));

export const grpc = fromPulumi("@grpc/grpc-js") as typeof grpcTypes;
export const providerRuntime = fromPulumi("@pulumi/pulumi/provider") as typeof providerTypes;
export const { ResourceProviderService } = fromPulumi("@pulumi/pulumi/proto/provider_grpc_pb") as {
  ResourceProviderService: grpcTypes.ServiceDefinition;
};
export const proto = fromPulumi(
  "@pulumi/pulumi/proto/provider_pb",
) as typeof import("@pulumi/pulumi/proto/provider_pb");
export const { EngineClient } = fromPulumi(
  "@pulumi/pulumi/proto/engine_grpc_pb",
) as typeof import("@pulumi/pulumi/proto/engine_grpc_pb");
export const { LogRequest, LogSeverity } = fromPulumi(
  "@pulumi/pulumi/proto/engine_pb",
) as typeof import("@pulumi/pulumi/proto/engine_pb");
