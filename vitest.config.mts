import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The end-to-end tests run the real Pulumi engine; the first run may build the CLI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Provisions the Pulumi CLI once for the end-to-end tests (a first-time build takes minutes).
    globalSetup: ["test/e2e/globalSetup.ts"],
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
});
