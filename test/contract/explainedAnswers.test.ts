import { describe, expect, it } from "vitest";
import { HuaweiCloudError } from "../../src/core/client/errors/HuaweiCloudError";
import { queryOffsiteRestoreTimeRanges } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { answer, startTestServer } from "../support/testServer";

// Answers that need explaining, as a server sends them: a 2xx carrying a Huawei error, an expired signature with the
// server's Date, a refused security token, an epoch no Date can hold.
const instanceId = "0123456789abcdef0123456789abcdefin01";
const securityToken = "ExplainedAnswersSecurityToken+ThatIsNeverShown==";
const server = await startTestServer();

function lookup(env: Record<string, string> = {}) {
  return {
    env: {
      HW_ACCESS_KEY: "EXPLAINEDACCESSKEY00",
      HW_SECRET_KEY: "ExplainedSecretKey",
      HW_REGION_NAME: "ap-southeast-1",
      HW_PROJECT_ID: "0123456789abcdef0123456789abcdef",
      HW_RDS_ENDPOINT: server.url,
      ...env,
    },
  };
}

async function failure(env: Record<string, string> = {}): Promise<HuaweiCloudError> {
  const error = await queryOffsiteRestoreTimeRanges({ instanceId }, lookup(env)).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HuaweiCloudError);
  return error as HuaweiCloudError;
}

/** The epoch ms of an `X-Sdk-Date` (`20261205T235500Z`). */
function sdkDateMs(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not an X-Sdk-Date: ${value}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

describe("answers that explain themselves", () => {
  it("takes a 200 carrying error_code for that Huawei error, not for a malformed answer", async () => {
    server.handle((_req, res) =>
      answer(
        res,
        200,
        { error_code: "DBS.280238", error_msg: "The backup of this instance is being deleted." },
        { "X-Request-Id": "req-200-error" },
      ),
    );
    const error = await failure();
    expect(error).toMatchObject({
      status: 200,
      errorCode: "DBS.280238",
      errorMessage: "The backup of this instance is being deleted.",
      requestId: "req-200-error",
      attempts: 1,
    });
  });

  it.each([
    ["APIG.0201", "Request expired.", 20 * 60_000, "20 min ahead of"],
    [
      "APIG.0301",
      "Incorrect IAM authentication information: calc ak sk signature fail:signature expired",
      -(2 * 3600_000 + 3 * 60_000 + 4_000),
      "2 h 3 min 4 s behind",
    ],
  ])("on %s says how far the local clock is from the server's Date", async (code, message, serverAheadMs, said) => {
    server.handle((req, res) => {
      const signedAt = sdkDateMs(String(req.headers["x-sdk-date"]));
      const serverDate = new Date(signedAt - serverAheadMs).toUTCString();
      answer(res, 401, { error_code: code, error_msg: message }, { Date: serverDate });
    });
    const error = await failure();
    expect(error.errorCode).toBe(code);
    expect(error.errorMessage).toMatch(
      new RegExp(
        `^${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(this machine's clock is ${said} the server's, whose Date header says [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; X-Sdk-Date must be within 15 minutes of the server's time: correct the clock, e\\.g\\. with NTP\\)$`,
      ),
    );
  });

  it("names the setting that held a refused security token, never the token", async () => {
    server.handle((_req, res) =>
      answer(res, 401, { error_code: "APIG.0307", error_msg: "The token must be updated." }),
    );
    const error = await failure({ HW_SECURITY_TOKEN: securityToken });
    expect(error.errorMessage).toBe(
      "The token must be updated. (the security token set in HW_SECURITY_TOKEN (environment) was refused: temporary credentials expire; set a fresh access key, secret key and security token; the token is not shown)",
    );
    expect(JSON.stringify(error)).not.toContain(securityToken);
    expect(error.message).not.toContain(securityToken);
  });

  it("names the field of an epoch a date cannot hold (end_time 9e15)", async () => {
    server.handle((_req, res) =>
      answer(res, 200, { restore_time: [{ start_time: 1_700_000_000_000, end_time: 9e15 }] }),
    );
    const error = await failure();
    expect(error).toMatchObject({ status: undefined, errorCode: "CLIENT.BadResponse" });
    expect(error.errorMessage).toBe(
      "unexpected response body: `restore_time[0].end_time` is 9000000000000000, past the last instant a date can hold (8640000000000000 ms)",
    );
  });
});
