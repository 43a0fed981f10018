import { PACKAGE_MANIFEST, PACKAGE_NAME } from "../../packageManifest";

/**
 * The `User-Agent` of every request, `pulumi-huaweicloud-rds-offsite/<version>`: Huawei's own SDKs name themselves the
 * same way, so the API's operators (and a support ticket's request id) can tell which client sent a request. Copied
 * somewhere without its package.json, the name alone still says which client it is. It is not signed (Huawei's SDKs do
 * not sign it either), so a proxy that rewrites it breaks nothing.
 */
export const USER_AGENT = PACKAGE_MANIFEST === undefined ? PACKAGE_NAME : `${PACKAGE_NAME}/${PACKAGE_MANIFEST.version}`;
