import { LOOPBACK_METADATA_ENDPOINT } from "./metadataConnections";

/**
 * The environment of a process a test starts with only the variables it names (as a CI job would): PATH, and the ECS
 * metadata service pointed at a closed loopback port, under `env`. The metadata guard (test/support/metadataGuard.ts)
 * sees only the test's own process; a child given a bare environment and no key would otherwise ask the real
 * 169.254.169.254 for its credential. A test of the metadata source passes its own HW_METADATA_ENDPOINT in `env`.
 */
export function childEnvironment(env: Readonly<Record<string, string>> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? "", HW_METADATA_ENDPOINT: LOOPBACK_METADATA_ENDPOINT, ...env };
}
