/** Regions whose endpoints live under a different top-level domain than `myhuaweicloud.com`. */
const REGION_DOMAINS: Record<string, string> = { "eu-west-101": "myhuaweicloud.eu" };

/** `https://rds.{region}.myhuaweicloud.com`, or the region's own domain (`eu-west-101` → `.eu`). */
export function defaultRdsEndpoint(region: string): string {
  return `https://rds.${region}.${REGION_DOMAINS[region] ?? "myhuaweicloud.com"}`;
}

/** The global IAM endpoint (as the Go SDK uses), except regions with their own domain, which have their own IAM. */
export function defaultIamEndpoint(region: string): string {
  const domain = REGION_DOMAINS[region];
  return domain === undefined ? "https://iam.myhuaweicloud.com" : `https://iam.${region}.${domain}`;
}
