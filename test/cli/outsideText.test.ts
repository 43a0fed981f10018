import { beforeAll, describe, expect, it } from "vitest";
import { answer, startTestServer } from "../support/testServer";
import { assertBuilt, runCommand } from "./runCommand";

// Text from outside reaches the terminal only escaped: a server that answers with terminal control sequences (a
// window title, a screen clear, a bell, a line break and a fake second line), run through the built command.
const server = await startTestServer();
const instanceId = "0123456789abcdef0123456789abcdefin01";
const hostile = "refused\u001b]0;pwned\u0007\u001b[2J\nFAKE: restore succeeded\r\u009b31m\u202eevil";
const env = {
  HW_ACCESS_KEY: "OUTSIDETEXTACCESSKEY",
  HW_SECRET_KEY: "OutsideTextSecretKey",
  HW_REGION_NAME: "ap-southeast-1",
  HW_PROJECT_ID: "0123456789abcdef0123456789abcdef",
  HW_RDS_ENDPOINT: server.url,
  HW_MAX_RETRIES: "0",
};
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/;

beforeAll(assertBuilt);

describe("the command line prints no control character it did not write", () => {
  it("escapes a server's error message on stderr, as one line", async () => {
    server.handle((_req, res) => answer(res, 400, { error_code: "DBS.200001", error_msg: hostile }));
    const run = await runCommand(["ranges", "--instance-id", instanceId], env);
    expect(run.status).toBe(3);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(run.stderr.split("\n")).toHaveLength(2);
    expect(run.stderr).toContain("refused\\x1b]0;pwned\\x07\\x1b[2J\\nFAKE: restore succeeded\\r\\x9b31m\\u202eevil");
  });

  it("escapes names in --json output and in the table, keeping the JSON's value", async () => {
    server.handle((_req, res) =>
      answer(res, 200, {
        total_count: 1,
        offsite_backup_instances: [{ id: instanceId, name: hostile, datastore: { type: "MySQL", version: "8.0" } }],
      }),
    );
    const asJson = await runCommand(["instances", "--json"], env);
    expect(asJson.status).toBe(0);
    expect(asJson.stdout).not.toMatch(CONTROL);
    expect(JSON.parse(asJson.stdout).instances[0].name).toBe(hostile);
    const asTable = await runCommand(["instances"], env);
    expect(asTable.status).toBe(0);
    expect(asTable.stdout).not.toMatch(CONTROL);
    expect(asTable.stdout.split("\n")).toHaveLength(3);
  });

  it("refuses an end_time past the range of a date as a bad answer, not an unexpected error", async () => {
    server.handle((_req, res) =>
      answer(res, 200, { restore_time: [{ start_time: 1_700_000_000_000, end_time: 9e15 }] }),
    );
    const run = await runCommand(["ranges", "--instance-id", instanceId], env);
    expect(run.status).toBe(3);
    expect(run.stderr).not.toContain("Invalid time value");
    expect(run.stderr).toContain(
      "CLIENT.BadResponse: unexpected response body: `restore_time[0].end_time` is 9000000000000000",
    );
  });
});
