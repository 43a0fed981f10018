/** The scheme of the `Authorization` header and the first line of the string to sign. */
export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";

/** Hex SHA-256 of zero bytes: the payload hash of a request sent without a body. */
export const EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** RFC 3986 unreserved characters: the only bytes the canonical request leaves unencoded. */
export const UNRESERVED_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

/** Header names as they appear in the canonical request (lowercase). */
export const HOST_HEADER = "host";
export const SDK_DATE_HEADER = "x-sdk-date";
export const SECURITY_TOKEN_HEADER = "x-security-token";
export const PROJECT_ID_HEADER = "x-project-id";
export const CONTENT_TYPE_HEADER = "content-type";
export const AUTHORIZATION_HEADER = "authorization";

/** Headers signed whenever the request sends them; `host` and `x-sdk-date` are signed always. */
export const SIGNED_WHEN_SENT: readonly string[] = [CONTENT_TYPE_HEADER, PROJECT_ID_HEADER, SECURITY_TOKEN_HEADER];
