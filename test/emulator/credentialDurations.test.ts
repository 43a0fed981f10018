import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";

// The emulator refuses the `duration_seconds` Huawei's APIs refuse: IAM's temporary credentials last 15 minutes to
// 24 hours (CreateTemporaryAccessKeyByToken), STS AssumeAgencyWithOIDC's 900 seconds to at most 12 hours.
const PROVIDER_URN = "iam::0123456789abcdef0123456789abcdef:oidcProvider:GitHubActions";
const AGENCY_URN = "iam::0123456789abcdef0123456789abcdef:agency:rds-reader";
const emulator = useEmulator({
  credentialServices: {
    oidc: { "ci-idp": ["eyJ.iam-job.sig"] },
    oidcProviders: { [PROVIDER_URN]: { agencies: [AGENCY_URN], idTokens: ["eyJ.sts-job.sig"] } },
  },
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const answer = await fetch(`${emulator().url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json;charset=UTF-8", ...headers },
    body: JSON.stringify(body),
  });
  return { status: answer.status, headers: answer.headers, body: (await answer.json()) as Record<string, unknown> };
}

/** IAM: the id token for an unscoped token, then that token for a temporary credential lasting `duration_seconds`. */
async function temporaryCredentialFor(durationSeconds: number) {
  const unscoped = await post(
    "/v3.0/OS-AUTH/id-token/tokens",
    { auth: { id_token: { id: "eyJ.iam-job.sig" } } },
    { "X-Idp-Id": "ci-idp" },
  );
  const token = unscoped.headers.get("x-subject-token") ?? "";
  return post("/v3.0/OS-CREDENTIAL/securitytokens", {
    auth: { identity: { methods: ["token"], token: { id: token, duration_seconds: durationSeconds } } },
  });
}

function assumeWithOidc(durationSeconds: number) {
  return post("/v5/agencies/assume-with-oidc", {
    provider_urn: PROVIDER_URN,
    agency_urn: AGENCY_URN,
    agency_session_name: "pipeline-7",
    id_token: "eyJ.sts-job.sig",
    duration_seconds: durationSeconds,
  });
}

describe("IAM temporary credentials through a token", () => {
  it.each([899, 86_401, 3600.5])("refuses duration_seconds %s", async (duration) => {
    const issuedBefore = emulator().credentialServices.issued.length;
    const answer = await temporaryCredentialFor(duration);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: { error_code: "IAM.0001", message: "duration_seconds must be an integer from 900 to 86400." },
    });
    expect(emulator().credentialServices.issued).toHaveLength(issuedBefore);
  });

  it.each([900, 86_400])("issues a credential for duration_seconds %s", async (duration) => {
    const answer = await temporaryCredentialFor(duration);
    expect(answer.status).toBe(201);
    expect(answer.body.credential).toMatchObject({ access: expect.any(String), securitytoken: expect.any(String) });
  });
});

describe("STS AssumeAgencyWithOIDC", () => {
  it.each([899, 43_201])("refuses duration_seconds %s", async (duration) => {
    const answer = await assumeWithOidc(duration);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error_code: "STS5.0002",
      error_msg: "duration_seconds must be an integer from 900 to 43200.",
    });
  });

  it("issues a credential for 12 hours", async () => {
    const answer = await assumeWithOidc(43_200);
    expect(answer.status).toBe(200);
    expect(answer.body.credentials).toMatchObject({ access_key_id: expect.any(String) });
  });
});
