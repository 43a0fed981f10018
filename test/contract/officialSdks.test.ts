import { execFile } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RestoreTimeRange } from "../../emulator";
import { ensureGoSdkProgram, ensurePythonSdk, GO_SDK, PYTHON_SDK } from "../../scripts/official-sdks/provision.mjs";
import { emulatorForFile, requestsOf } from "../support/emulator";

// Clients nobody here wrote, as shipped: Huawei's Go SDK (huaweicloud-sdk-go-v3) and Python SDK (huaweicloudsdkrds,
// huaweicloudsdkcore), each run by a small program (test/officialSdks/) against the emulator. They sign differently
// (Go signs no host), look the project id up through IAM themselves, and parse every field into their models.
const REGION = "ap-southeast-1";
const { emulator } = await emulatorForFile({ regions: { [REGION]: 237, "cn-north-4": 3 } });
const missingInstanceId = "ffffffffffffffffffffffffffffffffin01";

interface SdkOutput {
  projectId: string;
  totalCount: number;
  pages: number;
  instances: Record<string, unknown>[];
  restoreTimes: Record<string, RestoreTimeRange[]>;
  datedTimes: RestoreTimeRange[];
  error: { status_code: number; error_code: string; error_message: string; request_id: string };
}

const programs: Record<"go" | "python", { file: string; args: string[] }> = {
  go: { file: "", args: [] },
  python: { file: "", args: [path.join(__dirname, "..", "officialSdks", "python", "client.py")] },
};

beforeAll(async () => {
  const [goProgram, python] = await Promise.all([ensureGoSdkProgram(), ensurePythonSdk()]);
  programs.go.file = goProgram;
  programs.python.file = python;
}, 30 * 60_000);

function run(sdk: "go" | "python"): Promise<SdkOutput> {
  const env = {
    PATH: process.env.PATH ?? "",
    AK: emulator.credentials.accessKey,
    SK: emulator.credentials.secretKey,
    REGION,
    RDS_ENDPOINT: emulator.url,
    IAM_ENDPOINT: emulator.url,
    MISSING_INSTANCE_ID: missingInstanceId,
  };
  return new Promise((resolve, reject) => {
    execFile(programs[sdk].file, programs[sdk].args, { env, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${sdk} SDK program failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as SdkOutput);
    });
  });
}

/** A model as JSON without the fields it holds as null (the Python SDK's to_dict keeps every attribute). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([key, field]) => [key, withoutNulls(field)]),
  );
}

describe.each(["go", "python"] as const)("Huawei's official %s SDK, as shipped, against the emulator", (sdk) => {
  it(`lists every page, reads restore times, and parses an error (${sdk === "go" ? `${GO_SDK.module}@${GO_SDK.version}` : PYTHON_SDK.join(", ")})`, async () => {
    emulator.resetStats();
    const output = await run(sdk);

    // The SDK's own project lookup through IAM found the region's project.
    expect(output.projectId).toBe(emulator.projects[REGION]);
    expect(requestsOf(emulator, "listProjects").map((entry) => [entry.status, entry.query.name])).toEqual([
      [200, [REGION]],
    ]);

    // Every page to the end, every field parsed into the SDK's model.
    const expected = emulator.dataset.instances(REGION);
    expect(output).toMatchObject({ totalCount: 237, pages: 3 });
    expect(withoutNulls(output.instances)).toEqual(expected);

    for (const instance of expected.slice(0, 3)) {
      expect(output.restoreTimes[instance.id]).toEqual(emulator.dataset.restoreRanges(instance.id));
    }
    const ranges = emulator.dataset.restoreRanges(expected[0]!.id);
    const dayStart = Date.parse(`${new Date(ranges[0]!.start_time).toISOString().slice(0, 10)}T00:00:00Z`);
    const overlapping = ranges.filter(
      (range) => range.start_time < dayStart + 86_400_000 && range.end_time >= dayStart,
    );
    expect(output.datedTimes).toEqual(overlapping);

    // The error answer parsed with its code and request id.
    const refused = requestsOf(emulator, "listRestoreTimes").find((entry) => entry.status !== 200);
    expect(refused).toBeDefined();
    expect(output.error).toMatchObject({
      status_code: 404,
      error_code: "DBS.200002",
      error_message: "The DB instance does not exist.",
      request_id: refused!.requestId,
    });

    // Nothing else was refused: each signature, with or without a signed host, was accepted.
    expect(emulator.requests.filter((entry) => entry.status !== 200)).toEqual([refused]);
    if (sdk === "go") expect(emulator.requests[0]!.signedHeaders).not.toContain("host");
  });
});
