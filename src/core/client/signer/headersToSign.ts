import {
  AUTHORIZATION_HEADER,
  HOST_HEADER,
  SDK_DATE_HEADER,
  SECURITY_TOKEN_HEADER,
  SIGNED_WHEN_SENT,
} from "./constants.js";
import { lowercaseNames } from "./lowercaseNames.js";
import type { RequestToSign, SigningHeaders } from "./types.js";

/**
 * The headers {@link signRequest} signs, by lowercase name: `host` (from the URL, as HTTP clients send it), the
 * headers signing adds, the sent `content-type`, `x-project-id` and `x-security-token`, and the sent headers named
 * in `signedHeaderNames`. The added headers replace sent ones of the same name, so re-signing a retried request
 * signs the new date, not the previous attempt's.
 */
export function headersToSign(
  request: RequestToSign,
  added: Omit<SigningHeaders, "Authorization">,
  signedHeaderNames: readonly string[] = [],
): Record<string, string> {
  const sent = lowercaseNames(request.headers);
  sent.set(SDK_DATE_HEADER, added["X-Sdk-Date"]);
  if (added["X-Security-Token"]) {
    sent.set(SECURITY_TOKEN_HEADER, added["X-Security-Token"]);
  }
  sent.set(HOST_HEADER, request.url.host);

  const names = [HOST_HEADER, SDK_DATE_HEADER, ...SIGNED_WHEN_SENT.filter((name) => sent.has(name))];
  for (const name of signedHeaderNames.map((name) => name.toLowerCase())) {
    if (name === AUTHORIZATION_HEADER) {
      throw new TypeError('Cannot sign header "authorization": it carries the signature');
    }
    if (!sent.has(name)) {
      throw new TypeError(`Cannot sign header "${name}": the request does not send it`);
    }
    names.push(name);
  }
  return Object.fromEntries(names.map((name) => [name, sent.get(name)!]));
}
