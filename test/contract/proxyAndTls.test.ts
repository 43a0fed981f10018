import fs from "node:fs";
import { createServer as createHttpServer, type IncomingMessage } from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { HuaweiCloudError } from "../../src/core/client/errors/HuaweiCloudError";
import { queryOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { assertBuilt, runCommand } from "../cli/runCommand";
import { emulatorForFile, environmentFor } from "../support/emulator";
import { forward } from "../support/testServer";
import { startTlsFront } from "../support/tlsFront";

// A certificate made here (openssl), an HTTPS server on loopback in front of the emulator, and an HTTP proxy written
// here that forwards plain requests and tunnels CONNECT, recording what it was asked.
const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 120 } });
const front = await startTlsFront(emulator.url);
const { certFile, handshakes } = front;
const tlsUrl = front.url;

const proxyCredentials = { user: "proxyuser", password: "Proxy-Pa55-Never-Shown" };
const proxied: { method: string; target: string; authorization: string | undefined }[] = [];
const proxy = createHttpServer((req, res) => {
  proxied.push(seen(req));
  forward(req, res, req.url ?? "");
});
proxy.on("connect", (req: IncomingMessage, socket: net.Socket, head: Buffer) => {
  proxied.push(seen(req));
  const [host, port] = (req.url ?? "").split(":");
  const upstream = net.connect(Number(port), host, () => {
    socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
    upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on("error", () => socket.destroy());
  socket.on("error", () => upstream.destroy());
});
const proxyPort = await listen(proxy);
const refusingProxy = createHttpServer((_req, res) => void res.writeHead(407).end());
refusingProxy.on("connect", (req: IncomingMessage, socket: net.Socket) => {
  proxied.push(seen(req));
  socket.end("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n");
});
const refusingProxyPort = await listen(refusingProxy);
const proxyUrl = `http://${proxyCredentials.user}:${proxyCredentials.password}@127.0.0.1:${proxyPort}`;
const expectedAuthorization = `Basic ${Buffer.from(`${proxyCredentials.user}:${proxyCredentials.password}`).toString("base64")}`;

afterAll(() => {
  front.close();
  proxy.closeAllConnections();
  proxy.close();
  refusingProxy.closeAllConnections();
  refusingProxy.close();
});

const PROXY_VARIABLES = ["HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy"];
const saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of PROXY_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  proxied.length = 0;
  handshakes.connections = 0;
  handshakes.completed = 0;
});

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );
}

function seen(req: IncomingMessage) {
  const authorization = req.headers["proxy-authorization"];
  return { method: req.method ?? "", target: req.url ?? "", authorization };
}

function lookup(env: Record<string, string> = {}, providerConfig: Record<string, string> = {}) {
  return {
    env: { ...environmentFor(emulator), HW_RDS_ENDPOINT: tlsUrl, ...env },
    providerConfig: (key: string) => providerConfig[key],
  };
}

const renderings = (error: unknown) => [String(error), inspect(error), JSON.stringify(error), (error as Error).stack];

async function failure(promise: Promise<unknown>): Promise<HuaweiCloudError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HuaweiCloudError);
  return error as HuaweiCloudError;
}

describe("proxies, as HTTPS_PROXY / HTTP_PROXY / NO_PROXY say", () => {
  it("sends plain requests through HTTP_PROXY with its credentials, and none that NO_PROXY names", async () => {
    process.env.HTTP_PROXY = proxyUrl;
    const plain = { env: environmentFor(emulator) };
    const listed = await queryOffsiteBackupInstances({}, plain);
    expect(listed.totalCount).toBe(120);
    expect(proxied.length).toBeGreaterThanOrEqual(2);
    for (const request of proxied) {
      expect(request).toMatchObject({ method: "GET", authorization: expectedAuthorization });
      expect(request.target.startsWith(`${emulator.url}/v3/`)).toBe(true);
    }

    proxied.length = 0;
    process.env.NO_PROXY = "127.0.0.1";
    expect((await queryOffsiteBackupInstances({}, plain)).totalCount).toBe(120);
    expect(proxied).toEqual([]);
  });

  it("uses a proxy set between two lookups of the same configuration", async () => {
    const plain = { env: environmentFor(emulator) };
    expect((await queryOffsiteBackupInstances({}, plain)).totalCount).toBe(120);
    expect(proxied).toEqual([]);

    process.env.HTTP_PROXY = proxyUrl;
    expect((await queryOffsiteBackupInstances({}, { env: environmentFor(emulator) })).totalCount).toBe(120);
    expect(proxied.length).toBeGreaterThanOrEqual(2);
  });

  it("tunnels https through HTTPS_PROXY with CONNECT (lower case honoured too)", async () => {
    process.env.https_proxy = proxyUrl;
    const listed = await queryOffsiteBackupInstances({}, lookup({ HW_CACERT_FILE: certFile }));
    expect(listed.totalCount).toBe(120);
    expect(proxied.length).toBeGreaterThanOrEqual(1);
    expect(proxied[0]).toEqual({
      method: "CONNECT",
      target: new URL(tlsUrl).host,
      authorization: expectedAuthorization,
    });
  });

  it("fails through a proxy that refuses without printing the proxy's credentials", async () => {
    process.env.HTTPS_PROXY = proxyUrl.replace(String(proxyPort), String(refusingProxyPort));
    const error = await failure(
      queryOffsiteBackupInstances({}, lookup({ HW_CACERT_FILE: certFile, HW_MAX_RETRIES: "0" })),
    );
    expect(error.errorCode).toBe("CLIENT.Network");
    expect(error.errorMessage).toContain("407");
    expect(proxied).toEqual([
      { method: "CONNECT", target: new URL(tlsUrl).host, authorization: expectedAuthorization },
    ]);
    for (const text of renderings(error)) {
      expect(text).not.toContain(proxyCredentials.password);
      expect(text).not.toContain(
        Buffer.from(`${proxyCredentials.user}:${proxyCredentials.password}`).toString("base64"),
      );
    }
  });
});

describe("TLS trust, with the huaweicloud provider's settings", () => {
  it("refuses an untrusted certificate once, without retrying, and says what to set", async () => {
    const error = await failure(queryOffsiteBackupInstances({}, lookup({ HW_MAX_RETRIES: "3" })));
    expect(error).toMatchObject({ errorCode: "CLIENT.Certificate", attempts: 1, status: undefined });
    expect(error.errorMessage).toContain("DEPTH_ZERO_SELF_SIGNED_CERT");
    expect(error.errorMessage).toContain("huaweicloud:cacertFile / HW_CACERT_FILE");
    expect(error.errorMessage).toContain("huaweicloud:insecure / HW_INSECURE=true");
    expect(handshakes).toEqual({ connections: 1, completed: 0 });
  });

  it.each([
    ["HW_CACERT_FILE, a path", { HW_CACERT_FILE: certFile }, {}],
    ["huaweicloud:cacertFile, the PEM text", {}, { cacertFile: fs.readFileSync(certFile, "utf8") }],
  ])("trusts the CA bundle of %s", async (_, env, providerConfig) => {
    const listed = await queryOffsiteBackupInstances({}, lookup(env, providerConfig));
    expect(listed.totalCount).toBe(120);
    expect(handshakes.completed).toBeGreaterThanOrEqual(1);
  });

  it("says which setting names a CA bundle that cannot be read", async () => {
    const missing = path.join(os.tmpdir(), "no-such-dir", "missing.pem");
    await expect(queryOffsiteBackupInstances({}, lookup({ HW_CACERT_FILE: missing }))).rejects.toThrow(
      `The CA bundle ${JSON.stringify(missing)} set in HW_CACERT_FILE (environment) cannot be read (ENOENT).`,
    );
  });

  it("skips verification with HW_INSECURE=true, warning that it does", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const listed = await queryOffsiteBackupInstances({}, lookup({ HW_INSECURE: "true" }));
      expect(listed.totalCount).toBe(120);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.map((warning) => warning.message)).toContainEqual(
      expect.stringContaining("TLS certificate verification is off (HW_INSECURE (environment))"),
    );
  });

  it("keeps NODE_EXTRA_CA_CERTS working (the command line, in a fresh process)", async () => {
    assertBuilt();
    const env = { ...environmentFor(emulator), HW_RDS_ENDPOINT: tlsUrl, HW_MAX_RETRIES: "0" };
    const untrusted = await runCommand(["instances", "--json"], env);
    expect(untrusted.status).toBe(3);
    expect(untrusted.stderr).toContain("CLIENT.Certificate");
    const trusted = await runCommand(["instances", "--json"], { ...env, NODE_EXTRA_CA_CERTS: certFile });
    expect(trusted.stderr).toBe("");
    expect(trusted.status).toBe(0);
    expect(JSON.parse(trusted.stdout).totalCount).toBe(120);
  });
});
