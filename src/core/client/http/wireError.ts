import { redacted, type Secret } from "../errors/echoedText";
import { HuaweiCloudError, type HuaweiCloudErrorDetails } from "../errors/HuaweiCloudError";
import type { ClientSettings } from "../settings/settings";

/**
 * The one door through which text from the wire (an error body, a header, a malformed answer) enters an error: the
 * access key, secret key and security token are replaced by their names and every echoed field is capped, so no
 * rendering of the error (message, stack, `String()`, `JSON.stringify`, `util.inspect`) can carry a credential.
 */
export function wireError(settings: ClientSettings, details: HuaweiCloudErrorDetails): HuaweiCloudError {
  const secrets = secretsOf(settings);
  return new HuaweiCloudError({
    ...details,
    errorCode: redacted(details.errorCode, secrets, 100),
    errorMessage: redacted(details.errorMessage, secrets),
    requestId: details.requestId === undefined ? undefined : redacted(details.requestId, secrets, 200),
    path: redacted(details.path, secrets),
  });
}

/** A 200 whose body is not what the API reference promises is a failure, not something to paper over. */
export function badResponse(
  settings: ClientSettings,
  path: string,
  problem: string,
  requestId: string | undefined,
): HuaweiCloudError {
  return wireError(settings, {
    errorCode: "CLIENT.BadResponse",
    errorMessage: `unexpected response body: ${problem}`,
    method: "GET",
    path,
    attempts: 1,
    requestId,
  });
}

/** Text from the wire that enters another error (a `ConfigurationError` quoting an answer), redacted and capped. */
export function fromWire(settings: ClientSettings, text: string): string {
  return redacted(text, secretsOf(settings));
}

function secretsOf(settings: ClientSettings): Secret[] {
  // Issue 20: every credential the chain handed out lately (a profile file's, temporary ones, refreshed or not) too.
  const used = settings.credentials?.recentlyUsed() ?? [];
  return [
    { value: settings.secretKey, name: "secret key" },
    { value: settings.securityToken, name: "security token" },
    { value: settings.accessKey, name: "access key" },
    ...used.flatMap((credential): Secret[] => [
      { value: credential.secretKey, name: "secret key" },
      { value: credential.securityToken, name: "security token" },
      { value: credential.accessKey, name: "access key" },
    ]),
  ];
}
