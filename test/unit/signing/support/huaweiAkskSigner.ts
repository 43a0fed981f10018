import { parse } from "node:url";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";

/**
 * How Huawei's Node signer (`@huaweicloud/huaweicloud-sdk-core` 3.1.211, `auth/AKSKSigner.js`) wants a request,
 * read from its source:
 * - `endpoint`: scheme, host and the *decoded* path — `HcClient` substitutes raw path parameters into it. It goes
 *   through the legacy `url.parse`; each `/`-separated segment of the resulting `pathname` is percent-encoded
 *   (RFC 3986 unreserved characters stay, UTF-8, uppercase hex, space as `%20`). A query in the endpoint is ignored.
 * - `queryParams`: an object of decoded keys; a repeated key takes an array of its values. Keys and values are
 *   sorted with JavaScript's default sort and encoded like path segments.
 * - `headers`: every header given is signed, plus `host` from the endpoint. The date goes in as exactly
 *   `X-Sdk-Date` in basic format: signed as given, and re-read with moment for the string to sign. The security
 *   token goes in as `X-Security-Token`, as `BaseCredentials` adds it. Values are signed untrimmed.
 * - `data`: hashed as `JSON.stringify(data)`, so only a body that is the JSON serialisation of a truthy value can be
 *   expressed (an `X-Sdk-Content-Sha256` header would replace the hash; it is never passed here).
 */
export interface HuaweiSigningInput {
  method: string;
  url: URL;
  /** Exactly the headers to sign besides host, `X-Sdk-Date` included. */
  headers: Record<string, string>;
  data?: object;
  accessKey: string;
  secretKey: string;
  /**
   * `"string"` passes the endpoint as `HcClient` does; `"pre-parsed"` passes a legacy `Url` whose pathname is the
   * decoded path, which `url.parse` returns untouched, so the path reaches AKSKSigner's encoder unchanged.
   */
  endpointForm: "string" | "pre-parsed";
}

function endpointOf(url: URL, form: HuaweiSigningInput["endpointForm"]) {
  const decodedPath = decodeURIComponent(url.pathname);
  if (form === "string") {
    return `${url.protocol}//${url.host}${decodedPath}`;
  }
  const endpoint = parse(`${url.protocol}//${url.host}/`);
  endpoint.pathname = decodedPath;
  return endpoint;
}

function queryParamsOf(searchParams: URLSearchParams): Record<string, string | string[]> {
  const valuesByKey = new Map<string, string[]>();
  for (const [key, value] of searchParams) {
    valuesByKey.set(key, [...(valuesByKey.get(key) ?? []), value]);
  }
  return Object.fromEntries([...valuesByKey].map(([key, values]) => [key, values.length === 1 ? values[0]! : values]));
}

/** The `Authorization` header AKSKSigner computes for the input. */
export function huaweiAuthorization(input: HuaweiSigningInput): string {
  const signed: Record<string, unknown> = AKSKSigner.sign(
    {
      endpoint: endpointOf(input.url, input.endpointForm),
      method: input.method,
      headers: { ...input.headers },
      queryParams: queryParamsOf(input.url.searchParams),
      data: input.data,
    },
    new BasicCredentials().withAk(input.accessKey).withSk(input.secretKey),
  );
  return String(signed.Authorization);
}
