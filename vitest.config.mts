import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Issue 20: tests never probe the link-local ECS metadata address (169.254.169.254); nothing listens on port 9 here,
    // so the chain's metadata source is refused at once. Tests of the metadata source point it at the emulator's.
    env: { HW_METADATA_ENDPOINT: "http://127.0.0.1:9" },
    // The end-to-end tests run the real Pulumi engine; the first run may build the CLI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Provisions the Pulumi CLI once for the end-to-end tests (a first-time build takes minutes).
    globalSetup: ["test/e2e/globalSetup.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
