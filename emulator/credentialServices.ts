import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readBody } from "./requestBody";
import { parseTarget } from "./requestTarget";
import { checkSignature } from "./signatureCheck";
import type { EmulatorCredential } from "./types";

/**
 * Issue 20: where temporary credentials come from, emulated with the shapes of Huawei's APIs as the official SDK sends
 * and reads them:
 * - IAM `POST /v3.0/OS-AUTH/id-token/tokens` (header `X-Idp-Id`, body `{"auth":{"id_token":{"id"}}}`) → 201 with the
 *   unscoped token in `X-Subject-Token`;
 * - IAM `POST /v3.0/OS-CREDENTIAL/securitytokens`, method `token` (body `{"auth":{"identity":{"methods":["token"],
 *   "token":{"id","duration_seconds"}}}}`, unsigned) or `assume_role` (`{"agency_name","domain_name",
 *   "duration_seconds"}`, signed with a credential this emulator accepts) → 201 `{"credential":{"access","secret",
 *   "securitytoken","expires_at"}}`;
 * - STS `POST /v5/agencies/assume-with-oidc` (`AssumeAgencyWithOIDC`, unsigned; body `{"provider_urn", "agency_urn",
 *   "agency_session_name", "id_token", "duration_seconds", "policy"?, "policy_ids"?}`, as the official SDKs'
 *   `OidcStsAccessor` sends it) → 200 `{"credentials":{"access_key_id","secret_access_key","security_token",
 *   "expiration"}, "assumed_agency":{"agency_session_id","agency_session_urn"}}`;
 * - the ECS metadata service on its own 127.0.0.1 port: `PUT /meta-data/latest/api/token`, then
 *   `GET /openstack/latest/securitykey` with `X-Metadata-Token` (401 "Please configure Cloud Service Agency first"
 *   without an agency).
 * Every credential issued is accepted, with its token, until it expires (then refused as an unknown access key).
 */
export interface CredentialServiceOptions {
  /** OIDC identity providers: id → the id tokens they accept. */
  oidc?: Record<string, readonly string[]>;
  /** STS OIDC trust: each identity provider URN → the agency URNs it may assume and the id tokens it accepts. */
  oidcProviders?: Record<string, { agencies: readonly string[]; idTokens: readonly string[] }>;
  /** Agencies that may be assumed, as `domain_name/agency_name`. */
  agencies?: readonly string[];
  /** Lifetime of each credential issued, ms (the test chooses the expiry). @default 3_600_000 */
  lifetimeMs?: number;
}

export interface CredentialServices {
  /** The issued credentials, newest last (a test checks none of them leaks). */
  readonly issued: readonly EmulatorCredential[];
  /**
   * What was asked, e.g. `iam:id-token`, `iam:token`, `iam:assume_role`, `sts:assume-with-oidc`, `metadata:token`,
   * `metadata:securitykey`.
   */
  readonly calls: readonly string[];
  setLifetime(ms: number): void;
  /**
   * Advertise each credential's `expires_at` this much later than when it is really refused (a revoked credential, a
   * clock that runs ahead): the client then signs with one the gateway refuses mid-flight. @default 0
   */
  setAdvertisedExtraMs(ms: number): void;
  /** The credential the next exchange will issue (a test has a server echo it before the client has it). */
  nextIssued(): EmulatorCredential;
  /** The body of each `AssumeAgencyWithOIDC` request, as received (a test checks what the client sent). */
  readonly stsRequests: readonly Record<string, unknown>[];
  /** The ECS metadata service; `agency: false` answers 401 "Please configure Cloud Service Agency first". */
  startMetadata(options?: { agency?: boolean }): Promise<{ url: string; close(): Promise<void> }>;
}

type Credentials = Map<string, EmulatorCredential & { expiresAt?: number }>;

/** `value.a.b.c` of parsed JSON, or undefined. */
function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(text);
}

function iamError(res: ServerResponse, status: number, code: string, message: string) {
  send(res, status, { error: { code: status, message, title: code, error_code: code } });
}

/** IAM v5 / STS errors are flat: `{"error_code", "error_msg", "request_id"}`. */
function stsError(res: ServerResponse, status: number, code: string, message: string) {
  send(res, status, { error_code: code, error_msg: message, request_id: randomBytes(16).toString("hex") });
}

/**
 * `duration_seconds` out of what the API takes: IAM's temporary credentials (methods `token` and `assume_role`) last
 * 15 minutes to 24 hours, STS `AssumeAgencyWithOIDC`'s 900 seconds to the agency's maximum session, at most 12 hours.
 */
function durationRefused(duration: unknown, max: number): boolean {
  return (
    duration !== undefined && (!Number.isInteger(duration) || (duration as number) < 900 || (duration as number) > max)
  );
}
const IAM_MAX_DURATION_SECONDS = 86_400;
const STS_MAX_DURATION_SECONDS = 43_200;

export function credentialServices(credentials: Credentials, options: CredentialServiceOptions = {}) {
  let lifetimeMs = options.lifetimeMs ?? 3_600_000;
  let advertisedExtraMs = 0;
  const issued: EmulatorCredential[] = [];
  const calls: string[] = [];
  const stsRequests: Record<string, unknown>[] = [];
  const tokens = new Map<string, number>(); // unscoped IAM token → expiry
  const fresh = () => ({
    accessKey: `TMP${randomBytes(8).toString("hex").toUpperCase()}`,
    secretKey: randomBytes(20).toString("hex"),
    securityToken: `gQpjbi1ub3J0aC00${randomBytes(48).toString("base64url")}`,
  });
  let next: ReturnType<typeof fresh> | undefined;
  const issue = (durationSeconds?: number): EmulatorCredential & { expiresAt: number } => {
    const lifetime = durationSeconds === undefined ? lifetimeMs : Math.min(lifetimeMs, durationSeconds * 1000);
    const credential = { ...(next ?? fresh()), expiresAt: Date.now() + lifetime };
    next = undefined;
    credentials.set(credential.accessKey, credential);
    issued.push(credential);
    return credential;
  };
  const answer = (credential: ReturnType<typeof issue>) => ({
    credential: {
      access: credential.accessKey,
      secret: credential.secretKey,
      securitytoken: credential.securityToken,
      expires_at: new Date(credential.expiresAt + advertisedExtraMs).toISOString(),
    },
  });

  /** Handles the IAM exchanges; false for any other request (the RDS/IAM emulator answers it). */
  async function handleIam(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? "").split("?")[0];
    if (req.method === "POST" && path === "/v5/agencies/assume-with-oidc") {
      await assumeWithOidc(req, res);
      return true;
    }
    if (
      req.method !== "POST" ||
      (path !== "/v3.0/OS-AUTH/id-token/tokens" && path !== "/v3.0/OS-CREDENTIAL/securitytokens")
    ) {
      return false;
    }
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(raw?.toString("utf8") ?? "");
    } catch {
      iamError(res, 400, "IAM.0001", "The request body is invalid.");
      return true;
    }
    if (path === "/v3.0/OS-AUTH/id-token/tokens") {
      calls.push("iam:id-token");
      const idp = req.headers["x-idp-id"];
      const idToken = field(body, "auth", "id_token", "id");
      const accepted = typeof idp === "string" ? options.oidc?.[idp] : undefined;
      if (!accepted || typeof idToken !== "string" || !accepted.includes(idToken)) {
        iamError(res, 401, "IAM.0003", "The id token is invalid.");
        return true;
      }
      const token = `MIIunscoped${randomBytes(24).toString("hex")}`;
      tokens.set(token, Date.now() + lifetimeMs);
      send(
        res,
        201,
        { token: { methods: ["mapped"], expires_at: new Date(Date.now() + lifetimeMs).toISOString() } },
        {
          "X-Subject-Token": token,
        },
      );
      return true;
    }
    const identity = field(body, "auth", "identity");
    const methods = field(identity, "methods");
    if (Array.isArray(methods) && methods[0] === "token") {
      calls.push("iam:token");
      const expiry = tokens.get(String(field(identity, "token", "id")));
      if (expiry === undefined || Date.now() >= expiry) {
        iamError(res, 401, "IAM.0002", "The token is invalid or expired.");
        return true;
      }
      const duration = field(identity, "token", "duration_seconds");
      if (durationRefused(duration, IAM_MAX_DURATION_SECONDS)) {
        iamError(res, 400, "IAM.0001", `duration_seconds must be an integer from 900 to ${IAM_MAX_DURATION_SECONDS}.`);
        return true;
      }
      send(res, 201, answer(issue(duration as number | undefined)));
      return true;
    }
    if (Array.isArray(methods) && methods[0] === "assume_role") {
      calls.push("iam:assume_role");
      const target = parseTarget(req.url ?? "");
      const check =
        target &&
        checkSignature(
          {
            method: "POST",
            target,
            headers: req.headers,
            body: raw ?? Buffer.alloc(0),
            now: Date.now(),
            maxClockSkewMs: 15 * 60_000,
          },
          credentials,
        );
      if (!check?.ok) {
        iamError(res, 401, "APIG.0301", "Incorrect IAM authentication information: verify aksk signature fail");
        return true;
      }
      const role = (name: string) => field(identity, "assume_role", name);
      if (!(options.agencies ?? []).includes(`${role("domain_name")}/${role("agency_name")}`)) {
        iamError(res, 403, "IAM.0004", "The agency does not exist or you are not allowed to assume it.");
        return true;
      }
      if (durationRefused(role("duration_seconds"), IAM_MAX_DURATION_SECONDS)) {
        iamError(res, 400, "IAM.0001", `duration_seconds must be an integer from 900 to ${IAM_MAX_DURATION_SECONDS}.`);
        return true;
      }
      send(res, 201, answer(issue(role("duration_seconds") as number | undefined)));
      return true;
    }
    iamError(res, 400, "IAM.0001", "The request body is invalid.");
    return true;
  }

  /** STS `AssumeAgencyWithOIDC`: the id token must be one the provider accepts, the agency one it may assume. */
  async function assumeWithOidc(req: IncomingMessage, res: ServerResponse) {
    calls.push("sts:assume-with-oidc");
    const raw = await readBody(req);
    let body: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(raw?.toString("utf8") ?? "");
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      body = parsed as Record<string, unknown>;
    } catch {
      stsError(res, 400, "STS5.0001", "The request body is invalid.");
      return;
    }
    stsRequests.push(body);
    if (!String(req.headers["content-type"] ?? "").startsWith("application/json")) {
      stsError(res, 400, "STS5.0001", "Content-Type must be application/json.");
      return;
    }
    const { provider_urn: providerUrn, agency_urn: agencyUrn, agency_session_name: sessionName } = body;
    const { id_token: idToken, duration_seconds: duration } = body;
    for (const [name, value] of Object.entries({
      provider_urn: providerUrn,
      agency_urn: agencyUrn,
      id_token: idToken,
    })) {
      if (typeof value !== "string" || value === "") {
        stsError(res, 400, "STS5.0002", `${name} is required.`);
        return;
      }
    }
    // Huawei's pattern for a session name: 2–64 of letters, digits and `_+=,.@-`.
    if (typeof sessionName !== "string" || !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
      stsError(res, 400, "STS5.0002", "agency_session_name is invalid.");
      return;
    }
    if (durationRefused(duration, STS_MAX_DURATION_SECONDS)) {
      stsError(res, 400, "STS5.0002", `duration_seconds must be an integer from 900 to ${STS_MAX_DURATION_SECONDS}.`);
      return;
    }
    const provider = options.oidcProviders?.[providerUrn as string];
    if (!provider || !provider.idTokens.includes(idToken as string)) {
      stsError(res, 400, "STS5.0403", "The id token is invalid for this identity provider.");
      return;
    }
    if (!provider.agencies.includes(agencyUrn as string)) {
      stsError(res, 403, "STS5.0404", "The identity provider may not assume this agency.");
      return;
    }
    const credential = issue(typeof duration === "number" ? duration : 3600);
    const sessionId = randomBytes(16).toString("hex");
    send(res, 200, {
      credentials: {
        access_key_id: credential.accessKey,
        secret_access_key: credential.secretKey,
        security_token: credential.securityToken,
        expiration: new Date(credential.expiresAt + advertisedExtraMs).toISOString(),
      },
      assumed_agency: {
        agency_session_id: `${sessionId}:${sessionName}`,
        agency_session_urn: `sts::${String(agencyUrn).split(":")[1] ?? ""}:assumed-agency:${String(agencyUrn).split(":").at(-1)}/${sessionName}`,
      },
    });
  }

  async function startMetadata(metadata: { agency?: boolean } = {}) {
    const sessions = new Set<string>();
    const server = createServer((req, res) => {
      const path = (req.url ?? "").split("?")[0];
      if (req.method === "PUT" && path === "/meta-data/latest/api/token") {
        calls.push("metadata:token");
        const token = randomBytes(24).toString("base64url");
        sessions.add(token);
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end(token);
        return;
      }
      if (req.method === "GET" && path === "/openstack/latest/securitykey") {
        calls.push("metadata:securitykey");
        const token = req.headers["x-metadata-token"];
        if (typeof token !== "string" || !sessions.has(token)) {
          res.writeHead(401, { "Content-Type": "text/plain" });
          res.end("Unauthorized");
          return;
        }
        if (metadata.agency === false) {
          send(res, 401, { error: { message: "Please configure Cloud Service Agency first" } });
          return;
        }
        send(res, 200, answer(issue()));
        return;
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1" }, resolve));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    };
  }

  const api: CredentialServices = {
    issued,
    calls,
    stsRequests,
    nextIssued: () => {
      next ??= fresh();
      return { ...next };
    },
    setLifetime: (ms) => {
      lifetimeMs = ms;
    },
    setAdvertisedExtraMs: (ms) => {
      advertisedExtraMs = ms;
    },
    startMetadata,
  };
  return { handleIam, api };
}
