import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { queryOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { emulatorForFile } from "../support/emulator";
import { metadataGuardMessage, takeMetadataConnections } from "../support/metadataConnections";

// The guard every vitest project loads (test/support/metadataGuard.ts), where it matters: a test that builds its own
// environment object without HW_METADATA_ENDPOINT and without a key. The product's credential chain falls through to
// http://169.254.169.254; the guard refuses the connection at once and the test would fail naming the missing setting.
const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 1 } });
const nowhere = join(tmpdir(), "metadata-guard-nothing-here");

it("refuses a test's connection to the ECS metadata service at once, and names the setting the test lacks", async () => {
  const env = {
    HOME: nowhere,
    HW_REGION_NAME: "ap-southeast-1",
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: join(nowhere, "credentials"),
    HW_SHARED_CONFIG_FILE: join(nowhere, "config.json"),
  };
  const error = await queryOffsiteBackupInstances({ region: "ap-southeast-1" }, { env }).catch(
    (caught: unknown) => caught,
  );

  // Refused as a closed port is, not timed out as an unreachable address is (that would say "no answer in 1 s").
  expect(String(error)).toContain("ECS metadata (http://169.254.169.254): session token: no connection");
  const connections = takeMetadataConnections();
  expect(connections).toEqual([
    {
      test: expect.stringContaining("refuses a test's connection to the ECS metadata service at once"),
      address: "169.254.169.254:80",
    },
  ]);
  // Taken above, so this test passes; any other test that connects fails after it with this message.
  expect(metadataGuardMessage(connections)).toContain(
    'Its environment object lacks HW_METADATA_ENDPOINT (setting metadataEndpoint): add HW_METADATA_ENDPOINT: "http://127.0.0.1:9"',
  );
  expect(emulator.requests).toEqual([]);
});
