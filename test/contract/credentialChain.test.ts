import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clearCredentialChains } from "../../src/core/client/credentials/chain";
import { clearProjectIdCache } from "../../src/core/client/iam/resolveProjectId";
import { getOffsiteBackupInstances, getOffsiteRestoreTimeRanges } from "../../src/pulumi";
import { emulatorForFile, requestsOf } from "../support/emulator";

// Issue 20: the credential chain, where users stand: a profile file, KooCLI's config, an OIDC token file, the ECS
// metadata service, an agency on top; temporary credentials refreshed, an expired one re-signed once.
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 60 },
  credentialServices: { oidc: { "github-actions": ["eyJ.ci-job-id-token.sig"] }, agencies: ["acme/rds-reader"] },
});
const services = emulator.credentialServices;
const ids = emulator.dataset.instances("ap-southeast-1").map((instance) => instance.id);
const dir = mkdtempSync(join(tmpdir(), "credential-chain-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const missing = join(dir, "missing");

/** No key in the settings; every later source pointed at a file or address of this test (never the user's). */
function onlyChain(extra: Record<string, string> = {}) {
  const env: Record<string, string> = {
    HW_ACCESS_KEY: "",
    HW_SECRET_KEY: "",
    HUAWEICLOUD_SDK_AK: "",
    HW_REGION_NAME: "ap-southeast-1",
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    HW_MAX_RETRIES: "0",
    HUAWEICLOUD_SDK_CREDENTIALS_FILE: missing,
    HW_SHARED_CONFIG_FILE: missing,
    HW_METADATA_ENDPOINT: "http://127.0.0.1:9",
    ...extra,
  };
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
}

beforeEach(() => {
  clearCredentialChains();
  clearProjectIdCache();
  services.setLifetime(3_600_000);
  services.setAdvertisedExtraMs(0);
  emulator.setLatency(0);
});
afterEach(() => vi.unstubAllEnvs());

const { accessKey, secretKey } = emulator.credentials;

describe("the credential chain", () => {
  it("reads the official SDKs' profile file ([basic] ak, sk) and says so at debug level, never a value", async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      onlyChain({
        HUAWEICLOUD_SDK_CREDENTIALS_FILE: file("credentials", `[basic]\nak = ${accessKey}\nsk = ${secretKey}\n`),
        HW_DEBUG: "1",
      });
      const result = await getOffsiteBackupInstances();
      expect(result.ids).toHaveLength(60);
    } finally {
      spy.mockRestore();
    }
    const said = lines.join("");
    expect(said).toContain(`credentials from profile file ${join(dir, "credentials")}`);
    expect(said).not.toContain(accessKey);
    expect(said).not.toContain(secretKey);
  });

  it("reads KooCLI's shared config file: HW_PROFILE, else the current profile", async () => {
    const config = {
      current: "other",
      profiles: [
        { name: "other", mode: "AKSK", accessKeyId: "NOTTHISKEY0000000000", secretAccessKey: "wrong" },
        { name: "ops", mode: "AKSK", accessKeyId: accessKey, secretAccessKey: secretKey },
      ],
    };
    onlyChain({ HW_SHARED_CONFIG_FILE: file("config.json", JSON.stringify(config)), HW_PROFILE: "ops" });
    expect((await getOffsiteBackupInstances()).ids).toHaveLength(60);
  });

  it("a CI job with only an OIDC token file: id token → IAM token → temporary credential", async () => {
    onlyChain({
      HUAWEICLOUD_OIDC_IDP_ID: "github-actions",
      HUAWEICLOUD_OIDC_TOKEN_FILE: file("id-token", "eyJ.ci-job-id-token.sig\n"),
    });
    const before = services.calls.length;
    expect((await getOffsiteBackupInstances()).ids).toHaveLength(60);
    expect(services.calls.slice(before)).toEqual(["iam:id-token", "iam:token"]);
    const listing = requestsOf(emulator, "listOffsiteInstances").at(-1)!;
    expect(listing.signedHeaders).toContain("x-security-token");
  });

  it("no key anywhere but the ECS metadata service", async () => {
    const metadata = await services.startMetadata();
    try {
      onlyChain({ HW_METADATA_ENDPOINT: metadata.url });
      const before = services.calls.length;
      expect((await getOffsiteBackupInstances()).ids).toHaveLength(60);
      expect(services.calls.slice(before)).toEqual(["metadata:token", "metadata:securitykey"]);
    } finally {
      await metadata.close();
    }
  });

  it("assumes an agency on top of a profile file, with the configured IAM endpoint", async () => {
    onlyChain({
      HUAWEICLOUD_SDK_CREDENTIALS_FILE: file("credentials-agency", `[basic]\nak = ${accessKey}\nsk = ${secretKey}\n`),
      HW_ASSUME_ROLE_AGENCY_NAME: "rds-reader",
      HW_ASSUME_ROLE_DOMAIN_NAME: "acme",
    });
    const before = services.calls.length;
    expect((await getOffsiteBackupInstances()).ids).toHaveLength(60);
    expect(services.calls.slice(before)).toEqual(["iam:assume_role"]);
    expect(requestsOf(emulator, "listOffsiteInstances").at(-1)!.signedHeaders).toContain("x-security-token");
  });

  it("nothing found: gives up fast and lists each source in order, with what it said", async () => {
    const metadata = await services.startMetadata({ agency: false });
    try {
      onlyChain({ HW_METADATA_ENDPOINT: metadata.url, HUAWEICLOUD_OIDC_TOKEN_FILE: file("orphan-token", "x") });
      const error = await getOffsiteBackupInstances().then(
        () => undefined,
        (caught: unknown) => caught as Error,
      );
      expect(error?.message).toContain(
        `No Huawei Cloud credentials are set. Set huaweicloud-rds-offsite:accessKey and huaweicloud-rds-offsite:secretKey (stack config), or huaweicloud:accessKey and huaweicloud:secretKey (stack config), or HW_ACCESS_KEY and HW_SECRET_KEY (environment). Tried after them, in order: profile file ${missing}: not found; shared config file ${missing}: not found; OIDC federation (HUAWEICLOUD_OIDC_*): neither HUAWEICLOUD_OIDC_PROVIDER_URN and HUAWEICLOUD_OIDC_AGENCY_URN nor HUAWEICLOUD_OIDC_IDP_ID is set; ECS metadata (${metadata.url}): Please configure Cloud Service Agency first (the instance has no agency).`,
      );
    } finally {
      await metadata.close();
    }
  });

  it("a metadata service that never answers is given up on within ~2 s", async () => {
    const sockets: import("node:net").Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as import("node:net").AddressInfo).port;
    try {
      onlyChain({ HW_METADATA_ENDPOINT: `http://127.0.0.1:${port}` });
      const started = Date.now();
      await expect(getOffsiteBackupInstances()).rejects.toThrowError(
        `ECS metadata (http://127.0.0.1:${port}): no answer in 1 s.`,
      );
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("a scan that outlives its temporary credentials refreshes them, once for all concurrent callers", async () => {
    const metadata = await services.startMetadata();
    try {
      // 4 s credentials, refreshed at half their life: a request signed just before a refresh has 2 s to arrive, so a
      // loaded machine does not make the gateway refuse it.
      services.setLifetime(4_000);
      onlyChain({ HW_METADATA_ENDPOINT: metadata.url, HW_MAX_CONCURRENCY: "8" });
      emulator.setLatency(40);
      const before = services.calls.filter((call) => call === "metadata:securitykey").length;
      const firstRequest = emulator.requests.length;
      const started = Date.now();
      // 60 instances, 8 at a time, 40 ms each: well past two refreshes.
      while (Date.now() - started < 5_000) {
        const results = await Promise.all(ids.map((instanceId) => getOffsiteRestoreTimeRanges({ instanceId })));
        expect(results).toHaveLength(60);
      }
      const fetched = services.calls.filter((call) => call === "metadata:securitykey").length - before;
      // One credential per ~2 s of scanning, not one per request (8 in flight at every refresh).
      expect(fetched).toBeGreaterThanOrEqual(3);
      expect(fetched).toBeLessThanOrEqual(5);
      // Refreshed before expiry: the gateway never had to refuse one.
      expect(emulator.requests.slice(firstRequest).filter((request) => request.status === 401)).toEqual([]);
    } finally {
      await metadata.close();
    }
  });

  it("a credential refused mid-flight as expired is refreshed and the request re-signed once, not failed", async () => {
    const metadata = await services.startMetadata();
    try {
      services.setLifetime(300);
      // The service says the credential lives an hour longer than the gateway accepts it (a revoked credential).
      services.setAdvertisedExtraMs(3_600_000);
      onlyChain({ HW_METADATA_ENDPOINT: metadata.url });
      await getOffsiteRestoreTimeRanges({ instanceId: ids[0]! });
      await new Promise((resolve) => setTimeout(resolve, 400));
      const refused = emulator.requests.length;
      const ranges = await getOffsiteRestoreTimeRanges({ instanceId: ids[1]! });
      expect(ranges).toBeDefined();
      // Two attempts of one call: the refused one, then the re-signed one with a fresh credential.
      expect(
        emulator.requests
          .slice(refused)
          .filter((r) => r.operation === "listRestoreTimes")
          .map((r) => r.status),
      ).toEqual([401, 200]);
    } finally {
      await metadata.close();
    }
  });
});
