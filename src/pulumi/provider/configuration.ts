import type * as pulumi from "@pulumi/pulumi";
import {
  PACKAGE_CONFIG_KEYS,
  PACKAGE_CONFIG_NAMESPACE,
  PROVIDER_CONFIG_KEYS,
  PROVIDER_CONFIG_NAMESPACE,
} from "../../core/client/settings/stackConfigKeys";
import type { ConfigurationLookup } from "../../core/dataSources/configurationLookup";

// The provider process receives the whole stack config (secrets decrypted) through `configure`; credentials reach the
// provider this way or through its environment, never through the serialized provider text stored in state.
let configured: { own: Record<string, string>; provider: Record<string, string> } = { own: {}, provider: {} };

/** Keeps the keys this package reads: its own namespace, and the `huaweicloud:` keys that provider defines. */
export async function configure(request: pulumi.dynamic.ConfigureRequest): Promise<void> {
  configured = {
    own: pick(request, PACKAGE_CONFIG_NAMESPACE, PACKAGE_CONFIG_KEYS),
    provider: pick(request, PROVIDER_CONFIG_NAMESPACE, PROVIDER_CONFIG_KEYS),
  };
}

export function providerConfiguration(): ConfigurationLookup {
  const { own, provider } = configured;
  return { stackConfig: (key) => own[key], providerConfig: (key) => provider[key], env: process.env };
}

function pick(
  request: pulumi.dynamic.ConfigureRequest,
  namespace: string,
  keys: readonly string[],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const value: unknown = request.config.get(`${namespace}:${key}`);
    // A map (`huaweicloud:endpoints`) may arrive as an object rather than its JSON text.
    if (value !== undefined && value !== null) values[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return values;
}
