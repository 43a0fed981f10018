import { defineConfig } from "vitest/config";

/** Slow wherever they sit: they pack and install, drive a browser, generate SDKs with Go, or run the benchmark. */
const SLOW = [
  "test/cli/installed.test.ts",
  "test/browser/**/*.test.ts",
  "test/plugin/sdks.test.ts",
  "test/bench/**/*.test.ts",
];

/**
 * One project per kind of test: `npm test` runs them all; `npm run test:unit` is the inner loop (pure code and the
 * emulator's own tests, under a minute). Product code talking to a started emulator — the client, the dynamic
 * provider, the plugin's in-process provider — is `contract`. `vitest run --project <name>` runs one.
 */
export default defineConfig({
  test: {
    // Issue 20: tests never probe the link-local ECS metadata address (169.254.169.254); nothing listens on port 9 here,
    // so the chain's metadata source is refused at once. Tests of the metadata source point it at the emulator's.
    env: { HW_METADATA_ENDPOINT: "http://127.0.0.1:9" },
    // Tests that build their own environment object do not get the line above: any connection to the metadata address
    // is refused and fails the test, naming the setting it lacks.
    setupFiles: ["test/support/metadataGuard.ts"],
    // The end-to-end tests run the real Pulumi engine; others start processes and servers.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/emulator/**/*.test.ts", "test/plugin/**/*.test.ts"],
          exclude: SLOW,
        },
      },
      { extends: true, test: { name: "contract", include: ["test/contract/**/*.test.ts"], exclude: SLOW } },
      { extends: true, test: { name: "cli", include: ["test/cli/**/*.test.ts"], exclude: SLOW } },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // Provisions the Pulumi CLI once for the end-to-end tests (a first-time build takes minutes).
          globalSetup: ["test/e2e/globalSetup.ts"],
        },
      },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
