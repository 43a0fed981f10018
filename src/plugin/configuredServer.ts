// @pulumi/pulumi's provider server (provider.main, 3.248) answers Configure without passing the configuration on,
// and CheckConfig/DiffConfig with UNIMPLEMENTED. Its gRPC service object is private to main(), which builds it and
// registers it with grpc-js's Server.addService synchronously, before its first await. So for that one synchronous
// call, addService is wrapped: the service gets a Configure that hands the provider its settings and a CheckConfig
// that refuses settings the provider does not have. DiffConfig stays UNIMPLEMENTED: the engine then diffs the
// settings itself and updates the provider in place, which is right for a provider that only reads
// (test/e2e/pluginYaml.test.ts checks it). Every other method stays @pulumi/pulumi's.

import type * as grpcTypes from "@grpc/grpc-js";
import { unknownSettingReason } from "../core/client/settings/stackConfigKeys";
import type { ConfigurableProvider, ProviderSettings } from "./pluginProvider";
import { grpc, proto, providerRuntime, ResourceProviderService } from "./pulumiRuntime";

/** Keys the engine adds to every provider's inputs. */
const ENGINE_KEYS = new Set(["version", "pluginDownloadURL"]);

type Service = grpcTypes.UntypedServiceImplementation;
type Unary<Request, Response> = grpcTypes.handleUnaryCall<Request, Response>;
type Proto = typeof proto;

/** provider.main(provider, args), with a service that hands the provider its configuration. */
export async function serveConfigured(provider: ConfigurableProvider, args: string[]): Promise<void> {
  const addService = grpc.Server.prototype.addService;
  let wrapped = false;
  grpc.Server.prototype.addService = function (service, implementation) {
    if (service !== ResourceProviderService) return addService.call(this, service, implementation);
    wrapped = true;
    return addService.call(this, service, configuredService(implementation, provider));
  };
  let serving: Promise<void>;
  try {
    serving = providerRuntime.main(provider, args);
  } finally {
    grpc.Server.prototype.addService = addService;
  }
  if (!wrapped) {
    throw new Error(
      "@pulumi/pulumi's provider.main no longer registers its service synchronously: the plugin could not receive its configuration",
    );
  }
  await serving;
}

function configuredService(stock: Service, provider: ConfigurableProvider): Service {
  const service = Object.create(stock) as Service;
  const stockConfigure = stock.configure as Unary<InstanceType<Proto["ConfigureRequest"]>, unknown>;
  const configure: Unary<InstanceType<Proto["ConfigureRequest"]>, unknown> = (call, callback) => {
    provider.configure(receivedSettings(call.request));
    stockConfigure.call(service, call, callback);
  };
  const checkConfig: Unary<InstanceType<Proto["CheckRequest"]>, unknown> = (call, callback) => {
    const news = (call.request.getNews()?.toJavaScript() ?? {}) as Record<string, unknown>;
    const response = new proto.CheckResponse();
    response.setInputs(call.request.getNews());
    response.setFailuresList(unknownSettings(news));
    callback(null, response);
  };
  return Object.assign(service, { configure, checkConfig });
}

/** An explicit provider's arguments or the default provider's stack config (secrets still marked as such). */
function receivedSettings(request: InstanceType<typeof proto.ConfigureRequest>): ProviderSettings {
  return (request.getArgs()?.toJavaScript() ?? {}) as ProviderSettings;
}

/** A setting this provider does not have is refused by name: a misspelt `regoin` would otherwise be ignored. */
function unknownSettings(news: Record<string, unknown>): InstanceType<typeof proto.CheckFailure>[] {
  return Object.keys(news)
    .filter((key) => !ENGINE_KEYS.has(key))
    .flatMap((key) => {
      const reason = unknownSettingReason(key);
      if (reason === undefined) return [];
      const failure = new proto.CheckFailure();
      failure.setProperty(key);
      failure.setReason(reason);
      return [failure];
    });
}
