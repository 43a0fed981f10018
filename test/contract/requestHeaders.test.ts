import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";
import { listOffsiteRestoreTimes } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { emulatorForFile, lookupFor } from "../support/emulator";
import { forward, startTestServer } from "../support/testServer";

const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 3 } });
const projectId = emulator.projects["ap-southeast-1"]!;
const instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
const server = await startTestServer();
const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
  version: string;
};

describe("what every request says about its sender", () => {
  it("names this package and its version in User-Agent, which the API accepts without signing it", async () => {
    server.handle((req, res) => forward(req, res, emulator.url));
    const settings = settingsFor({}, lookupFor(emulator, { rdsEndpoint: server.url }));
    const ranges = await listOffsiteRestoreTimes(settings, { projectId, instanceId });
    expect(ranges.length).toBeGreaterThan(0);
    const seen = server.requests.at(-1)!;
    expect(seen.headers["user-agent"]).toBe(`pulumi-huaweicloud-rds-offsite/${version}`);
    // Huawei's SDKs do not sign it: a proxy that rewrites it must not break the signature.
    expect(String(seen.headers.authorization)).toMatch(/SignedHeaders=host;x-project-id;x-sdk-date,/);
  });
});
