/** An access key pair, with the security token that temporary credentials carry. */
export interface SigningCredentials {
  /** The access key id (AK), sent in clear in the `Authorization` header. */
  accessKey: string;
  /** The secret access key (SK): the HMAC key, never sent and never part of any output. */
  secretKey: string;
  /** The token of temporary credentials, sent (and signed) as `X-Security-Token`. */
  securityToken?: string;
}

/** A request exactly as it will be sent. */
export interface RequestToSign {
  /** The method as sent, e.g. `"GET"`. */
  method: string;
  /** The full URL; its path is already percent-encoded as it will be sent. */
  url: URL;
  /** The headers that will be sent, names in any case. */
  headers: Record<string, string>;
  /** The exact body bytes sent (a string is sent as UTF-8); absent means no body. */
  body?: string | Uint8Array;
}

export interface SignOptions {
  /**
   * Names of further sent headers to sign, in any case, beyond `host`, `x-sdk-date`, and `content-type`,
   * `x-project-id` and `x-security-token` when sent.
   * @default []
   * @example ["X-Request-Id"]
   */
  signedHeaderNames?: readonly string[];
}

/** The headers signing adds to a request. */
export interface SigningHeaders {
  "X-Sdk-Date": string;
  Authorization: string;
  "X-Security-Token"?: string;
}
