// @pulumi/pulumi's provider server (provider.main, 3.248) answers Configure without passing the configuration on,
// and CheckConfig/DiffConfig with UNIMPLEMENTED. Its gRPC service object is private to main(), which builds it and
// registers it with grpc-js's Server.addService synchronously, before its first await. So for that one synchronous
// call, addService is wrapped: the service gets Configure, CheckConfig and DiffConfig that use the configuration, and
// an Invoke that answers errors with their message alone (the stock one prints the error's stack to the plugin's
// stderr, which the engine shows the user). Every other method stays @pulumi/pulumi's.

import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as providerTypes from "@pulumi/pulumi/provider";
import { CONFIGURATION } from "../sdk/definitions";
import type { ConfigurableProvider, ProviderSettings } from "./pluginProvider";
import { PACKAGE_NAME } from "./schema";

// The very modules provider.main uses (a user's tree may hold other copies elsewhere).
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = fromPulumi("@grpc/grpc-js") as typeof grpcTypes;
const providerRuntime = fromPulumi("@pulumi/pulumi/provider") as typeof providerTypes;
const { ResourceProviderService } = fromPulumi("@pulumi/pulumi/proto/provider_grpc_pb") as {
  ResourceProviderService: grpcTypes.ServiceDefinition;
};
const proto = fromPulumi("@pulumi/pulumi/proto/provider_pb") as typeof import("@pulumi/pulumi/proto/provider_pb");
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb") as {
  Struct: typeof import("google-protobuf/google/protobuf/struct_pb").Struct;
};

/** The engine's marker of a secret value in a struct (`{ [SECRET_SIG]: SECRET_VALUE, value }`). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";
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
    const news = plain(call.request.getNews()?.toJavaScript() ?? {}) as Record<string, unknown>;
    const response = new proto.CheckResponse();
    response.setInputs(call.request.getNews());
    response.setFailuresList(unknownSettings(news));
    callback(null, response);
  };
  const diffConfig: Unary<InstanceType<Proto["DiffRequest"]>, unknown> = (call, callback) => {
    const olds = (call.request.getOlds()?.toJavaScript() ?? {}) as Record<string, unknown>;
    const news = (call.request.getNews()?.toJavaScript() ?? {}) as Record<string, unknown>;
    const changed = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
      (key) => JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
    );
    const response = new proto.DiffResponse();
    // Settings change how the next read is made, never anything that exists: nothing is ever replaced.
    response.setChanges(
      changed.length > 0 ? proto.DiffResponse.DiffChanges.DIFF_SOME : proto.DiffResponse.DiffChanges.DIFF_NONE,
    );
    response.setDiffsList(changed);
    callback(null, response);
  };
  const invoke: Unary<InstanceType<Proto["InvokeRequest"]>, unknown> = (call, callback) => {
    const args = plain(call.request.getArgs()?.toJavaScript() ?? {}) as Record<string, unknown>;
    provider.invoke(call.request.getTok(), args).then(
      (result) => {
        const response = new proto.InvokeResponse();
        response.setReturn(Struct.fromJavaScript(result.outputs as Record<string, never>));
        callback(null, response);
      },
      (error: unknown) =>
        callback({ code: grpc.status.UNKNOWN, details: error instanceof Error ? error.message : String(error) }),
    );
  };
  return Object.assign(service, { configure, checkConfig, diffConfig, invoke });
}

/** An explicit provider's arguments or the default provider's stack config, secrets unwrapped. */
function receivedSettings(request: InstanceType<typeof proto.ConfigureRequest>): ProviderSettings {
  const args = request.getArgs();
  if (args !== undefined) return plain(args.toJavaScript()) as ProviderSettings;
  // Engines that send no args send `<package>:config:<key>` variables.
  const prefix = `${PACKAGE_NAME}:config:`;
  const settings: Record<string, string> = {};
  for (const [key, value] of request.getVariablesMap().entries()) {
    if (key.startsWith(prefix)) settings[key.slice(prefix.length)] = value;
  }
  return settings;
}

/** A setting this provider does not have is refused by name: a misspelt `regoin` would otherwise be ignored. */
function unknownSettings(news: Record<string, unknown>): InstanceType<typeof proto.CheckFailure>[] {
  const known = Object.keys(CONFIGURATION);
  return Object.keys(news)
    .filter((key) => !ENGINE_KEYS.has(key) && !known.includes(key))
    .map((key) => {
      const failure = new proto.CheckFailure();
      const hint = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
      failure.setProperty(key);
      failure.setReason(
        `${PACKAGE_NAME} has no setting "${key}"${hint ? `; did you mean "${hint}"?` : `; its settings are ${known.join(", ")}`}`,
      );
      return failure;
    });
}

/** The value with every secret replaced by what it holds: the plugin reads settings, it stores nothing. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIG] === SECRET_VALUE) return plain(record.value);
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, plain(inner)]));
}
