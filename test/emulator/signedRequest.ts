import { request } from "node:http";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";

/** A credential as the tests sign with it. */
export interface TestCredential {
  accessKey: string;
  secretKey: string;
  securityToken?: string;
}

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests index into arbitrary JSON bodies
  body: any;
}

export interface SignedRequestOptions {
  method?: string;
  /** The path given to the signer (decoded characters allowed where url.parse keeps them). */
  path: string;
  /** The path sent on the wire; defaults to `path`. */
  wirePath?: string;
  query?: Record<string, string | string[]>;
  /** The raw query sent on the wire; defaults to the encoded `query`. */
  wireQuery?: string;
  /** Signed extra headers, e.g. X-Project-Id. */
  headers?: Record<string, string>;
  credential: TestCredential;
  /** Signing time; defaults to now. */
  date?: Date;
  /** Sign `host` (as the Python and Node SDKs do); false leaves it out, as the Go SDK does. @default true */
  signHost?: boolean;
  /** Changes the signed headers before sending (to break the signature on purpose). */
  tamper?: (headers: Record<string, string>) => Record<string, string>;
}

function sdkDate(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

function encodeQuery(query: Record<string, string | string[]>): string {
  return Object.entries(query)
    .flatMap(([key, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => `${encodeURIComponent(key)}=${encodeURIComponent(v)}`),
    )
    .join("&");
}

/** Sends a raw HTTP request to the emulator and reads the whole answer. */
export function rawRequest(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  headers: Record<string, string>,
): Promise<TestResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method, path: pathAndQuery, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown;
          try {
            body = JSON.parse(text);
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Signs with Huawei's own AKSKSigner (the reference implementation, independent of the emulator) and sends. */
export function signedRequest(baseUrl: string, options: SignedRequestOptions): Promise<TestResponse> {
  const host = new URL(baseUrl).host;
  const method = options.method ?? "GET";
  const query = options.query ?? {};
  const unsigned: Record<string, string> = {
    ...(options.signHost === false ? {} : { host }),
    "X-Sdk-Date": sdkDate(options.date ?? new Date()),
    ...options.headers,
    ...(options.credential.securityToken ? { "X-Security-Token": options.credential.securityToken } : {}),
  };
  const signed = AKSKSigner.sign(
    { endpoint: `${baseUrl}${options.path}`, method, headers: unsigned, queryParams: query },
    { getAk: () => options.credential.accessKey, getSk: () => options.credential.secretKey } as never,
  ) as Record<string, string>;
  const headers = options.tamper ? options.tamper({ ...signed }) : signed;
  const wireQuery = options.wireQuery ?? encodeQuery(query);
  const pathAndQuery = `${options.wirePath ?? options.path}${wireQuery ? `?${wireQuery}` : ""}`;
  return rawRequest(baseUrl, method, pathAndQuery, headers);
}
