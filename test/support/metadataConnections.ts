// What the metadata guard (test/support/metadataGuard.ts, loaded by every vitest project) saw: each test's attempted
// connection to the ECS metadata service, and the message such a test fails with. Kept apart from the guard so that
// importing these does not install it: the guard's own test proves the setup file does.

/** What a test sets so the chain's metadata source is refused at once (nothing listens on port 9). */
export const LOOPBACK_METADATA_ENDPOINT = "http://127.0.0.1:9";

export interface MetadataConnection {
  /** The test file and test that made it (or the file's hooks, outside any test). */
  readonly test: string;
  /** `host:port` it was refused to. */
  readonly address: string;
}

const attempts: MetadataConnection[] = [];

export function recordMetadataConnection(connection: MetadataConnection): void {
  attempts.push(connection);
}

/** The attempts made since the last call, forgotten: the guard's own test makes one on purpose and takes it. */
export function takeMetadataConnections(): MetadataConnection[] {
  return attempts.splice(0);
}

/** The message a test fails with: which test, where it connected, and the setting it lacks. */
export function metadataGuardMessage(connections: readonly MetadataConnection[]): string {
  const lines = connections.map(({ test, address }) => `- ${test} connected to ${address}`);
  return [
    "A test reached for the real ECS metadata service (its credential chain found no key and fell through to it):",
    ...lines,
    `Its environment object lacks HW_METADATA_ENDPOINT (setting metadataEndpoint): add HW_METADATA_ENDPOINT: "${LOOPBACK_METADATA_ENDPOINT}", or the URL of a metadata server the test starts.`,
  ].join("\n");
}
