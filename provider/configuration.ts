import type * as pulumi from "@pulumi/pulumi";
import { STACK_CONFIG_KEYS, STACK_CONFIG_NAMESPACE } from "../sdk/client/config/stackConfigKeys";
import type { ConfigurationLookup } from "../sdk/queries/configurationLookup";

// The provider process receives the whole stack config (secrets decrypted) through `configure`; credentials reach the
// provider this way or through its environment, never through the serialized provider text stored in state.
let stackConfig: Record<string, string> = {};

export async function configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
  const values: Record<string, string> = {};
  for (const key of STACK_CONFIG_KEYS) {
    const value: unknown = request.config.get(`${STACK_CONFIG_NAMESPACE}:${key}`);
    if (value !== undefined && value !== null) values[key] = String(value);
  }
  stackConfig = values;
}

export function providerConfiguration(): ConfigurationLookup {
  const config = stackConfig;
  return { stackConfig: (key) => config[key], env: process.env };
}
