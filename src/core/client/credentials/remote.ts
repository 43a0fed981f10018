import { readFile } from "node:fs/promises";
import { signRequest } from "../signer";
import { shownPath } from "./files";
import type { Credential, CredentialSource, OidcSettings } from "./types";

/** The ECS metadata service's address; setting `metadataEndpoint` (`HW_METADATA_ENDPOINT`) overrides it. */
export const DEFAULT_METADATA_ENDPOINT = "http://169.254.169.254";
/** Each metadata call's timeout: a laptop without the service gives up in about this long (no answer to the first). */
export const METADATA_TIMEOUT_MS = 1_000;
const AGENCY_ERROR = "Please configure Cloud Service Agency first";

/**
 * `{"credential": {"access", "secret", "securitytoken", "expires_at"}}`, as IAM and the metadata service answer, or
 * `{"credentials": {"access_key_id", "secret_access_key", "security_token", "expiration"}}`, as STS answers
 * `AssumeAgencyWithOIDC` (the official SDKs read both).
 */
export function parseTemporary(body: unknown): Credential | undefined {
  const outer = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const c = (outer.credential ?? outer.credentials ?? {}) as Record<string, unknown>;
  const access = c.access ?? c.access_key_id;
  const secret = c.secret ?? c.secret_access_key;
  const securitytoken = c.securitytoken ?? c.security_token;
  const expiresAt = c.expires_at ?? c.expiration;
  if (typeof access !== "string" || typeof secret !== "string" || typeof securitytoken !== "string") return undefined;
  const expiry = typeof expiresAt === "string" ? Date.parse(expiresAt) : Number.NaN;
  return {
    accessKey: access,
    secretKey: secret,
    securityToken: securitytoken,
    expiresAt: Number.isNaN(expiry) ? undefined : expiry,
  };
}

class SourceFailure extends Error {}

async function call(url: string, init: RequestInit, timeoutMs: number, what: string): Promise<Response> {
  try {
    return await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error).name === "TimeoutError";
    throw new SourceFailure(timedOut ? `no answer in ${timeoutMs / 1000} s` : `${what}: no connection`);
  }
}

async function temporaryFrom(response: Response, what: string): Promise<Credential> {
  const text = await response.text();
  if (!response.ok) {
    // Only the Huawei error code is repeated: an answer may echo what was sent.
    let code = "";
    try {
      const body = JSON.parse(text) as Record<string, unknown>;
      const inner = (body.error ?? body) as Record<string, unknown>;
      code = String(inner.error_code ?? inner.code ?? "");
    } catch {
      // not JSON
    }
    throw new SourceFailure(`${what} answered HTTP ${response.status}${code ? ` ${code}` : ""}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SourceFailure(`${what} answered no JSON`);
  }
  const credential = parseTemporary(body);
  if (!credential) throw new SourceFailure(`${what} answered no credential`);
  return credential;
}

/** Runs `fetch` once to probe; the same function refreshes later (its failures then are errors, not "not found"). */
async function probed(fetch: () => Promise<Credential>) {
  try {
    const first = await fetch();
    let used = false;
    return {
      found: true as const,
      fetch: () => {
        if (!used) {
          used = true;
          return Promise.resolve(first);
        }
        return fetch().catch((error: unknown) => {
          throw error instanceof SourceFailure ? new Error(`refreshing credentials failed: ${error.message}`) : error;
        });
      },
    };
  } catch (error) {
    if (error instanceof SourceFailure) return { found: false as const, reason: error.message };
    throw error;
  }
}

/**
 * The ECS metadata service (the instance's agency): a session token from `PUT /meta-data/latest/api/token`, then
 * `GET /openstack/latest/securitykey` with `X-Metadata-Token`.
 */
export function metadataSource(metadataEndpoint: string): CredentialSource {
  const endpoint = metadataEndpoint.replace(/\/+$/, "");
  const fetchOnce = async (): Promise<Credential> => {
    const tokenAnswer = await call(
      `${endpoint}/meta-data/latest/api/token`,
      { method: "PUT", headers: { "X-Metadata-Token-Ttl-Seconds": "21600" } },
      METADATA_TIMEOUT_MS,
      "session token",
    );
    const token = tokenAnswer.ok ? await tokenAnswer.text() : undefined;
    if (!tokenAnswer.ok) await tokenAnswer.body?.cancel();
    // 404/405/503 on the token: an older service without session tokens; the key is asked for without one.
    if (!tokenAnswer.ok && ![404, 405, 503].includes(tokenAnswer.status)) {
      throw new SourceFailure(`session token: HTTP ${tokenAnswer.status}`);
    }
    const keyAnswer = await call(
      `${endpoint}/openstack/latest/securitykey`,
      { headers: token === undefined ? {} : { "X-Metadata-Token": token } },
      METADATA_TIMEOUT_MS,
      "securitykey",
    );
    if (keyAnswer.status === 401 || keyAnswer.status === 404) {
      const text = await keyAnswer.text();
      if (text.includes(AGENCY_ERROR)) throw new SourceFailure(`${AGENCY_ERROR} (the instance has no agency)`);
    }
    return temporaryFrom(keyAnswer, "securitykey");
  };
  return { name: `ECS metadata (${endpoint})`, probe: () => probed(fetchOnce) };
}

/**
 * The id token, in the official SDKs' order (`OidcStsCredentialProvider`): the one given inline, else the token file's,
 * read again at every refresh (CI systems rotate it).
 */
async function idTokenOf(oidc: OidcSettings, home: string): Promise<string> {
  if (oidc.idToken) return oidc.idToken;
  if (!oidc.tokenFile) return "";
  let idToken: string;
  try {
    idToken = (await readFile(oidc.tokenFile, "utf8")).trim();
  } catch {
    throw new SourceFailure(`token file ${shownPath(oidc.tokenFile, home)} is not readable`);
  }
  if (!idToken) throw new SourceFailure(`token file ${shownPath(oidc.tokenFile, home)} is empty`);
  return idToken;
}

const JSON_HEADERS = { "Content-Type": "application/json;charset=UTF-8" };

/**
 * OIDC federation (a CI job's id token), as the official SDKs do it:
 * - with a provider URN and an agency URN (`HUAWEICLOUD_OIDC_PROVIDER_URN`, `HUAWEICLOUD_OIDC_AGENCY_URN`, the SDKs'
 *   `OidcStsCredentialProvider`): STS `POST /v5/agencies/assume-with-oidc`, unsigned, body `{"provider_urn",
 *   "agency_urn", "agency_session_name", "id_token", "duration_seconds", "policy"?, "policy_ids"?}` → `{"credentials":
 *   {"access_key_id", "secret_access_key", "security_token", "expiration"}}`;
 * - else with an IdP id (`HUAWEICLOUD_OIDC_IDP_ID`, the SDKs' `FederalAccessor`): IAM
 *   `POST /v3.0/OS-AUTH/id-token/tokens` with `X-Idp-Id` gives an unscoped token (`X-Subject-Token`), exchanged by
 *   `POST /v3.0/OS-CREDENTIAL/securitytokens` for a temporary credential.
 */
export function oidcSource(oidc: OidcSettings, home: string): CredentialSource {
  const viaSts = Boolean(oidc.providerUrn || oidc.agencyUrn);
  const name = "OIDC federation (HUAWEICLOUD_OIDC_*)";
  return {
    name,
    async probe() {
      if (!viaSts && !oidc.idpId && !oidc.tokenFile && !oidc.idToken) return { found: false, reason: "not configured" };
      if (viaSts && !oidc.providerUrn) return { found: false, reason: "HUAWEICLOUD_OIDC_PROVIDER_URN is not set" };
      if (viaSts && !oidc.agencyUrn) return { found: false, reason: "HUAWEICLOUD_OIDC_AGENCY_URN is not set" };
      if (!viaSts && !oidc.idpId) {
        return {
          found: false,
          reason:
            "neither HUAWEICLOUD_OIDC_PROVIDER_URN and HUAWEICLOUD_OIDC_AGENCY_URN nor HUAWEICLOUD_OIDC_IDP_ID is set",
        };
      }
      if (!oidc.tokenFile && !oidc.idToken) {
        return { found: false, reason: "neither HUAWEICLOUD_OIDC_ID_TOKEN nor HUAWEICLOUD_OIDC_TOKEN_FILE is set" };
      }
      return probed(async () =>
        viaSts ? assumeWithOidc(oidc, await idTokenOf(oidc, home)) : viaIam(oidc, await idTokenOf(oidc, home)),
      );
    },
  };
}

/** STS `AssumeAgencyWithOIDC`: the id token is the only proof, so the request is not signed. */
async function assumeWithOidc(oidc: OidcSettings, idToken: string): Promise<Credential> {
  const body = {
    provider_urn: oidc.providerUrn,
    agency_urn: oidc.agencyUrn,
    agency_session_name: oidc.sessionName,
    id_token: idToken,
    duration_seconds: oidc.durationSeconds,
    ...(oidc.policy ? { policy: oidc.policy } : {}),
    ...(oidc.policyIds && oidc.policyIds.length > 0 ? { policy_ids: oidc.policyIds } : {}),
  };
  const answer = await call(
    `${oidc.stsEndpoint}/v5/agencies/assume-with-oidc`,
    { method: "POST", headers: JSON_HEADERS, body: JSON.stringify(body) },
    10_000,
    "STS",
  );
  return temporaryFrom(answer, "STS /v5/agencies/assume-with-oidc");
}

async function viaIam(oidc: OidcSettings, idToken: string): Promise<Credential> {
  const iam = oidc.iamEndpoint;
  const tokenAnswer = await call(
    `${iam}/v3.0/OS-AUTH/id-token/tokens`,
    {
      method: "POST",
      headers: { ...JSON_HEADERS, "X-Idp-Id": oidc.idpId ?? "" },
      body: JSON.stringify({ auth: { id_token: { id: idToken } } }),
    },
    10_000,
    "IAM",
  );
  const subject = tokenAnswer.headers.get("x-subject-token");
  await tokenAnswer.body?.cancel();
  if (!tokenAnswer.ok || !subject) {
    throw new SourceFailure(`IAM refused the id token (HTTP ${tokenAnswer.status} from /v3.0/OS-AUTH/id-token/tokens)`);
  }
  const body = {
    auth: { identity: { methods: ["token"], token: { id: subject, duration_seconds: oidc.durationSeconds } } },
  };
  const keyAnswer = await call(
    `${iam}/v3.0/OS-CREDENTIAL/securitytokens`,
    { method: "POST", headers: JSON_HEADERS, body: JSON.stringify(body) },
    10_000,
    "IAM",
  );
  return temporaryFrom(keyAnswer, "IAM /v3.0/OS-CREDENTIAL/securitytokens");
}

/**
 * Assumes an agency (`HW_ASSUME_ROLE_AGENCY_NAME` in `HW_ASSUME_ROLE_DOMAIN_NAME`) with a base credential:
 * `POST /v3.0/OS-CREDENTIAL/securitytokens`, method `assume_role`, signed with the base credential.
 */
export async function assumeAgency(
  base: Credential,
  agency: { agencyName: string; domainName: string; durationSeconds: number },
  iamEndpoint: string,
): Promise<Credential> {
  const url = new URL(`${iamEndpoint}/v3.0/OS-CREDENTIAL/securitytokens`);
  const body = JSON.stringify({
    auth: {
      identity: {
        methods: ["assume_role"],
        assume_role: {
          agency_name: agency.agencyName,
          domain_name: agency.domainName,
          duration_seconds: agency.durationSeconds,
        },
      },
    },
  });
  const headers = { "Content-Type": "application/json;charset=UTF-8" };
  const signed = signRequest({ method: "POST", url, headers, body }, base, new Date());
  const answer = await call(url.href, { method: "POST", headers: { ...headers, ...signed }, body }, 10_000, "IAM");
  try {
    return await temporaryFrom(answer, `assuming agency ${agency.agencyName} in ${agency.domainName}: IAM`);
  } catch (error) {
    throw error instanceof SourceFailure ? new Error(error.message) : error;
  }
}

export { SourceFailure };
