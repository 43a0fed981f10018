import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { emulatorForFile } from "../support/emulator";
import { assertBuilt, runCommand } from "./runCommand";

// The metadata guard sees only the test's own process; a command the test starts with a bare environment gets a
// loopback metadata endpoint from test/support/childEnvironment.ts unless the test names one.
const { emulator } = await emulatorForFile({ regions: { "cn-north-4": 1 } });
const home = mkdtempSync(join(tmpdir(), "cli-no-credentials-"));
beforeAll(assertBuilt);

it("a command started with no key and no metadata endpoint asks the loopback address, never 169.254.169.254", async () => {
  const run = await runCommand(["instances", "--json"], {
    HW_REGION_NAME: "cn-north-4",
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    HOME: home,
  });
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain("No Huawei Cloud credentials are set.");
  expect(run.stderr).toContain("ECS metadata (http://127.0.0.1:9): session token: no connection");
  expect(run.stderr).not.toContain("169.254.169.254");
  expect(emulator.requests).toEqual([]);
});
