import { type EmulatorTarget, product } from "../support/product";

const PATH = "/v3/backups/offsite-backup-instance";

export interface OffsitePage {
  total_count: number;
  offsite_backup_instances: unknown[];
}

/**
 * One listing page with nothing but `fetch`, this project's signer and `JSON.parse`: no ky, no retries, no
 * validation, no mapping. Shared by the sequential baseline and the fetch floor, so they differ from the product only
 * in what they are meant to show.
 */
export function plainFetchPage(target: EmulatorTarget, region: string, who: string) {
  const { signRequest } = product.signing();
  const projectId = target.projects[region] as string;
  return async (offset: number, limit: number): Promise<OffsitePage> => {
    const url = new URL(PATH, target.url);
    url.searchParams.set("offset", String(offset));
    url.searchParams.set("limit", String(limit));
    const headers = { Accept: "application/json", "X-Project-Id": projectId };
    const signed = signRequest({ method: "GET", url, headers }, target.credentials, new Date());
    const response = await fetch(url, { headers: { ...headers, ...signed } });
    const text = await response.text();
    if (!response.ok) throw new Error(`${who}: ${response.status} ${text.slice(0, 200)}`);
    return JSON.parse(text) as OffsitePage;
  };
}
