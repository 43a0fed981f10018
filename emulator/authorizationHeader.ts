/** The parts of `Authorization: SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<a;b>, Signature=<hex>`. */
export interface SdkAuthorization {
  readonly accessKey: string;
  readonly signedHeaders: string[];
  readonly signature: string;
}

const AUTHORIZATION = /^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)$/;

/** Undefined when the header is not in the SDK-HMAC-SHA256 form every Huawei SDK sends. */
export function parseAuthorization(value: string): SdkAuthorization | undefined {
  const m = AUTHORIZATION.exec(value.trim());
  if (!m) return undefined;
  return { accessKey: m[1]!, signedHeaders: m[2]!.split(";"), signature: m[3]! };
}
