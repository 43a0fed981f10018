import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { ensurePythonSdk } from "../../scripts/official-sdks/provision.mjs";
import { emulatorForFile } from "../support/emulator";

// Issue 20: the emulator's IAM exchanges answer Huawei's official Python SDK as IAM would: its OIDC federation
// (id token → unscoped token → temporary credential) and then RDS calls signed with that credential.
const REGION = "ap-southeast-1";
const PROVIDER_URN = "iam::0123456789abcdef0123456789abcdef:oidcProvider:GitHubActions";
const AGENCY_URN = "iam::0123456789abcdef0123456789abcdef:agency:rds-reader";
// The scripts import their shared listing (test/officialSdks/python/federatedListing.py): no __pycache__ in the tree.
const NO_BYTECODE = { PYTHONDONTWRITEBYTECODE: "1" };
let python: string;
const { emulator } = await emulatorForFile({
  regions: { [REGION]: 12 },
  credentialServices: {
    oidc: { "ci-idp": ["eyJ.official-sdk.sig"] },
    oidcProviders: { [PROVIDER_URN]: { agencies: [AGENCY_URN], idTokens: ["eyJ.sts-job.sig"] } },
  },
});
/** Runs test/officialSdks/python/<script> on the official SDK's Python with only `env`; its output, or its error. */
function runPythonScript(script: string, env: Record<string, string>): Promise<string> {
  const file = path.join(__dirname, "..", "officialSdks", "python", script);
  return new Promise<string>((resolve, reject) =>
    execFile(python, [file], { env, timeout: 120_000 }, (error, out, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(out),
    ),
  );
}

beforeAll(async () => {
  python = await ensurePythonSdk();
}, 600_000);

it("federates an OIDC id token for the official Python SDK, which then lists with the temporary credential", async () => {
  const tokenFile = path.join(mkdtempSync(path.join(tmpdir(), "sdk-oidc-")), "token");
  writeFileSync(tokenFile, "eyJ.official-sdk.sig");
  const env = {
    PATH: process.env.PATH ?? "",
    ...NO_BYTECODE,
    RDS_ENDPOINT: emulator.url,
    IAM_ENDPOINT: emulator.url,
    REGION,
    PROJECT_ID: emulator.projects[REGION]!,
    IDP_ID: "ci-idp",
    ID_TOKEN_FILE: tokenFile,
  };
  const stdout = await runPythonScript("federation.py", env);
  expect(JSON.parse(stdout)).toEqual({ totalCount: 12, temporary: true });
  expect(emulator.credentialServices.calls).toEqual(["iam:id-token", "iam:token"]);
  const listing = emulator.requests.find((request) => request.operation === "listOffsiteInstances");
  expect(listing?.status).toBe(200);
  expect(listing?.signedHeaders).toContain("x-security-token");
}, 180_000);

it("answers the official Python SDK's OIDC provider (STS AssumeAgencyWithOIDC, its own shapes), which then lists", async () => {
  const tokenFile = path.join(mkdtempSync(path.join(tmpdir(), "sdk-oidc-sts-")), "token");
  writeFileSync(tokenFile, "eyJ.sts-job.sig\n");
  const before = emulator.credentialServices.calls.length;
  // Only what a CI job sets for the SDK's OidcStsCredentialProvider; no key anywhere.
  const env = {
    PATH: process.env.PATH ?? "",
    ...NO_BYTECODE,
    HOME: path.dirname(tokenFile),
    RDS_ENDPOINT: emulator.url,
    REGION,
    HUAWEICLOUD_SDK_PROJECT_ID: emulator.projects[REGION]!,
    HUAWEICLOUD_SDK_STS_ENDPOINT: emulator.url,
    HUAWEICLOUD_OIDC_PROVIDER_URN: PROVIDER_URN,
    HUAWEICLOUD_OIDC_AGENCY_URN: AGENCY_URN,
    HUAWEICLOUD_OIDC_TOKEN_FILE: tokenFile,
  };
  const stdout = await runPythonScript("oidcSts.py", env);
  expect(JSON.parse(stdout)).toEqual({ totalCount: 12, temporary: true });
  expect(emulator.credentialServices.calls.slice(before)).toEqual(["sts:assume-with-oidc"]);
  // What the SDK sent is what our client sends (test/contract/credentialChain.test.ts checks ours the same way).
  expect(emulator.credentialServices.stsRequests.at(-1)).toEqual({
    provider_urn: PROVIDER_URN,
    agency_urn: AGENCY_URN,
    agency_session_name: "oidc-sts-session",
    id_token: "eyJ.sts-job.sig",
    duration_seconds: 3600,
  });
  const listing = emulator.requests.filter((request) => request.operation === "listOffsiteInstances").at(-1);
  expect(listing?.status).toBe(200);
  expect(listing?.signedHeaders).toContain("x-security-token");
}, 180_000);
