import type { ClientSettings } from "../config/settings";
import { IncompleteListingError } from "../errors/IncompleteListingError";
import { pathOf } from "../http/path";
import { getJson } from "../http/requestJson";
import { badResponse, isRecord } from "../http/responseShape";
import type { WireOffsiteBackupInstance, WireOffsiteBackupInstancePage } from "./wireTypes";

/** The API's maximum page size: the fewest round trips. */
export const PAGE_LIMIT = 100;

export interface OffsiteBackupInstanceListing {
  instances: WireOffsiteBackupInstance[];
  totalCount: number;
}

/**
 * Every instance with cross-region backups in the region of `projectId`, in API order.
 *
 * Paging is driven by `total_count`: the first page says how many pages remain, and those are then requested
 * concurrently (bounded by the process-wide limiter) instead of one after another until an empty page. A listing that
 * does not add up is read once more, then refused: a partial list is never returned as if whole.
 */
export async function listOffsiteBackupInstances(
  settings: ClientSettings,
  projectId: string,
): Promise<OffsiteBackupInstanceListing> {
  const first = await readListing(settings, projectId);
  if (first.ok) return first.listing;
  const second = await readListing(settings, projectId);
  if (second.ok) return second.listing;
  throw new IncompleteListingError(
    "Listing offsite backup instances",
    second.expected,
    second.received,
    `${first.problem}; then ${second.problem}`,
  );
}

type ListingAttempt =
  | { ok: true; listing: OffsiteBackupInstanceListing }
  | { ok: false; problem: string; expected: number; received: number };

async function readListing(settings: ClientSettings, projectId: string): Promise<ListingAttempt> {
  const first = await fetchPage(settings, projectId, 0);
  const total = first.total_count;
  const offsets: number[] = [];
  for (let offset = PAGE_LIMIT; offset < total; offset += PAGE_LIMIT) offsets.push(offset);

  // Once a page fails, pages still waiting for a slot are not sent.
  const stop = new AbortController();
  const rest = await Promise.all(
    offsets.map((offset) =>
      fetchPage(settings, projectId, offset, stop.signal).catch((error: unknown) => {
        stop.abort(error);
        throw error;
      }),
    ),
  );

  const byId = new Map<string, WireOffsiteBackupInstance>();
  const problems: string[] = [];
  for (const [index, page] of [first, ...rest].entries()) {
    const offset = index * PAGE_LIMIT;
    const expectedItems = Math.min(PAGE_LIMIT, Math.max(0, total - offset));
    if (page.total_count !== total)
      problems.push(`total_count was ${total}, then ${page.total_count} at offset ${offset}`);
    if (page.offsite_backup_instances.length !== expectedItems) {
      problems.push(
        `page at offset ${offset} had ${page.offsite_backup_instances.length} items, expected ${expectedItems}`,
      );
    }
    for (const instance of page.offsite_backup_instances) byId.set(instance.id, instance);
  }
  if (problems.length === 0 && byId.size !== total) problems.push(`${total - byId.size} duplicate ids across pages`);
  if (problems.length > 0) return { ok: false, problem: problems.join(", "), expected: total, received: byId.size };
  return { ok: true, listing: { instances: [...byId.values()], totalCount: total } };
}

async function fetchPage(
  settings: ClientSettings,
  projectId: string,
  offset: number,
  signal?: AbortSignal,
): Promise<WireOffsiteBackupInstancePage> {
  // GET /v3/backups/offsite-backup-instance?offset={offset}&limit={limit} — no project in the path: X-Project-Id.
  const path = pathOf("v3", "backups", "offsite-backup-instance");
  const { body, requestId } = await getJson(settings, {
    endpoint: settings.rdsEndpoint,
    path,
    query: { offset, limit: PAGE_LIMIT },
    projectId,
    signal,
  });
  if (!isRecord(body)) throw badResponse(path, "not a JSON object", requestId);
  const { total_count: totalCount, offsite_backup_instances: items } = body;
  if (typeof totalCount !== "number" || !Number.isSafeInteger(totalCount) || totalCount < 0) {
    throw badResponse(path, "`total_count` is not a non-negative integer", requestId);
  }
  if (!Array.isArray(items)) throw badResponse(path, "no `offsite_backup_instances` array", requestId);
  for (const [index, item] of items.entries()) {
    if (!isRecord(item) || typeof item.id !== "string" || item.id === "") {
      throw badResponse(path, `offsite_backup_instances[${index}] has no id`, requestId);
    }
  }
  return { total_count: totalCount, offsite_backup_instances: items as WireOffsiteBackupInstance[] };
}
