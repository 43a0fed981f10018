// The plugin's warnings, logged through the engine (its `Log` service, at the address the engine starts a plugin
// with), so a YAML, Python or Go program shows them like its own: what a plugin prints on stderr is not shown.
import { EngineClient, grpc, LogRequest, LogSeverity } from "./pulumiRuntime";

/**
 * A `warn(message)` for the engine at `engineAddress` (the plugin's first argument that is not a flag, as
 * @pulumi/pulumi's provider server reads it); without one (the plugin run by hand), stderr.
 */
export function engineWarn(args: readonly string[]): (message: string) => void {
  const engineAddress = args.find((arg, index) => !arg.startsWith("-") && args[index - 1] !== "--tracing");
  if (engineAddress === undefined) return (message) => process.stderr.write(`warning: ${message}\n`);
  let client: InstanceType<typeof EngineClient> | undefined;
  return (message) => {
    client ??= new EngineClient(engineAddress, grpc.credentials.createInsecure());
    const request = new LogRequest();
    request.setSeverity(LogSeverity.WARNING);
    request.setMessage(message);
    client.log(request, () => {});
  };
}
