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
