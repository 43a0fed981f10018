import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { forward } from "./testServer";

export interface TlsFront {
  /** `https://127.0.0.1:<port>` */
  readonly url: string;
  /** The self-signed certificate (PEM file) the front presents: its own CA. */
  readonly certFile: string;
  /** TCP connections and completed TLS handshakes the front saw. */
  readonly handshakes: { connections: number; completed: number };
  close(): void;
}

/**
 * An HTTPS server on loopback in front of `target` (the emulator), with a certificate for 127.0.0.1 made here by the
 * openssl command, valid one day and trusted by nothing until a test says so.
 */
export async function startTlsFront(target: string): Promise<TlsFront> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tls-front-"));
  const certFile = path.join(dir, "cert.pem");
  const keyFile = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"].concat([
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ]),
    { stdio: "ignore" },
  );
  const handshakes = { connections: 0, completed: 0 };
  const server = createServer({ key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) }, (req, res) =>
    forward(req, res, target),
  );
  server.on("connection", () => {
    handshakes.connections += 1;
  });
  server.on("secureConnection", () => {
    handshakes.completed += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    certFile,
    handshakes,
    close: () => {
      server.closeAllConnections();
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
