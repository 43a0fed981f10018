/** Regions whose endpoints live under a different top-level domain than `myhuaweicloud.com`. */
const REGION_DOMAINS: Record<string, string> = { "eu-west-101": "myhuaweicloud.eu" };

/** `https://rds.{region}.{cloud}`; without `cloud`, `myhuaweicloud.com` or the region's own domain (`eu-west-101` → `.eu`). */
export function defaultRdsEndpoint(region: string, cloud?: string): string {
  return `https://rds.${region}.${cloud ?? REGION_DOMAINS[region] ?? "myhuaweicloud.com"}`;
}

/**
 * With `cloud`, the regional IAM endpoint as the huaweicloud provider builds its default `authUrl`
 * (`https://iam.{region}.{cloud}`); without it, the global IAM endpoint (as the Go SDK uses), except regions with
 * their own domain, which have their own IAM.
 */
export function defaultIamEndpoint(region: string, cloud?: string): string {
  if (cloud !== undefined) return `https://iam.${region}.${cloud}`;
  const domain = REGION_DOMAINS[region];
  return domain === undefined ? "https://iam.myhuaweicloud.com" : `https://iam.${region}.${domain}`;
}

/** The regions with an STS endpoint of their own in the official SDKs 3.1.219 (`auth/endpoint.py`). */
const STS_REGIONS = new Set([
  "cn-north-4",
  "cn-south-1",
  "cn-east-3",
  "cn-southwest-2",
  "ap-southeast-1",
  "ap-southeast-3",
  "ap-southeast-2",
  "sa-brazil-1",
  "la-south-2",
  "af-south-1",
  "ap-southeast-4",
  "tr-west-1",
]);

/**
 * The STS endpoint of OIDC federation (`AssumeAgencyWithOIDC`), as the official SDKs choose it: the region's own where
 * they list one, else `cn-north-4`'s (STS answers in any region).
 */
export function defaultStsEndpoint(region: string): string {
  return `https://sts.${STS_REGIONS.has(region) ? region : "cn-north-4"}.myhuaweicloud.com`;
}
