import { quoted, shown } from "../client/errors/echoedText";
import { IncompleteListingError } from "../client/errors/IncompleteListingError";
import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { pathOf } from "../client/http/path";
import { getJson } from "../client/http/requestJson";
import { type FieldType, fieldProblem, fitsOptional, isRecord } from "../client/http/responseShape";
import { badResponse } from "../client/http/wireError";
import { resolveProjectId } from "../client/iam/resolveProjectId";
import type { ClientSettings } from "../client/settings/settings";
import { requireString, validateInstanceId, validateInteger } from "../client/validation";
import { type ConfigurationLookup, settingsFor } from "./configurationLookup";
import {
  argumentNames,
  checkArguments,
  defineDataSource,
  type Fields,
  type ObjectTypeDefinition,
  type PlainValue,
  REGION_ARGUMENTS,
  type Where,
} from "./definition";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteBackupInstancesResult, OffsiteBackupInstance } from "./types";

const string = { type: "string" } as const;
const text = { type: string, required: false, validate: requireString } as const;

const datastore = {
  type: { type: string, required: false, description: "`MySQL`, `PostgreSQL`, `SQLServer` or `MariaDB`." },
  version: { type: string, required: false, description: "Engine version, e.g. `8.0`." },
} as const satisfies Fields;

/** The fields of a listed instance: the listing's object type, and the fields a readiness row repeats. */
export const INSTANCE_FIELDS = {
  id: { type: string, required: true, description: "DB instance id, e.g. `ed7cc6166ec24360a5ed5c5c9c2ed726in01`." },
  name: { type: string, required: false, description: "DB instance name." },
  sourceRegion: {
    type: string,
    required: false,
    description: "Region the instance runs in (where backups are taken).",
  },
  sourceProjectId: { type: string, required: false, description: "Project id of the instance in its source region." },
  datastore: { type: { ref: "Datastore" }, required: true, description: "Database engine and version." },
  destinationRegion: { type: string, required: false, description: "Region holding the cross-region backups." },
  destinationProjectId: { type: string, required: false, description: "Project id in the backup region." },
  keepDays: {
    type: { type: "integer" },
    required: false,
    description: "Days cross-region backups are kept. Absent where a regional API variant omits it.",
  },
} as const satisfies Fields;

/** The object types of the listing's result. */
export const INSTANCE_OBJECT_TYPES = {
  OffsiteBackupInstance: {
    description: "A DB instance whose backups are copied to another region (the backup, or destination, region).",
    properties: INSTANCE_FIELDS,
    columns: {
      id: "ID",
      "datastore.type": "ENGINE",
      "datastore.version": "VERSION",
      sourceRegion: "SOURCE REGION",
      destinationRegion: "BACKUP REGION",
      keepDays: "KEEP DAYS",
      name: "NAME",
    },
  },
  Datastore: { description: "Database engine and version of a DB instance.", properties: datastore },
} as const satisfies Record<string, ObjectTypeDefinition>;

/** DB instances with cross-region backups in the queried (backup) region, filtered by exact match. */
export const getOffsiteBackupInstances = defineDataSource({
  name: "getOffsiteBackupInstances",
  description:
    "DB instances whose backups are copied to the queried (backup) region, filtered client-side by exact match on every filter given. Reads every page of the listing; fails rather than return a partial list.",
  arguments: {
    ...REGION_ARGUMENTS,
    instanceId: {
      type: string,
      required: false,
      validate: validateInstanceId,
      description: "Only the instance with this id.",
      placeholder: "ID",
      matches: "id",
    },
    name: { ...text, description: "Only instances with exactly this name.", placeholder: "NAME", matches: "name" },
    sourceRegion: {
      ...text,
      description: "Only instances running in this region.",
      placeholder: "REGION",
      matches: "sourceRegion",
    },
    sourceProjectId: {
      ...text,
      description: "Only instances of this source project.",
      placeholder: "ID",
      matches: "sourceProjectId",
    },
    destinationRegion: {
      ...text,
      description:
        "Only backups held in this region (the API answers for the region queried, so this mostly confirms it).",
      summary: "Only backups held in this region.",
      placeholder: "REGION",
      matches: "destinationRegion",
    },
    destinationProjectId: {
      ...text,
      description: "Only backups held in this project.",
      placeholder: "ID",
      matches: "destinationProjectId",
    },
    datastoreType: {
      type: string,
      required: false,
      validate: validateDatastoreType,
      description:
        "Only instances of this engine: `MySQL`, `PostgreSQL`, `SQLServer` or `MariaDB`, in any case; other names are refused.",
      summary: "Only this engine: MySQL, PostgreSQL, SQLServer or MariaDB.",
      placeholder: "ENGINE",
      // Engine names in the API's spelling, whatever case the API sent.
      matches: "datastore.type",
      spelled: (engine: string | undefined) => engineNamed(engine),
    },
    keepDays: {
      type: { type: "integer" },
      required: false,
      validate: (value, argument) => validateInteger(value, argument, 0, 100_000),
      description: "Only instances whose cross-region backups are kept this many days.",
      placeholder: "DAYS",
      matches: "keepDays",
    },
  },
  result: {
    region: { type: string, required: true, description: "The region queried." },
    instances: {
      type: { type: "array", items: { ref: "OffsiteBackupInstance" } },
      required: true,
      description: "Instances matching every filter given, in API order.",
    },
    ids: {
      type: { type: "array", items: string },
      required: true,
      description: "Their ids, in the same order.",
    },
    totalCount: {
      type: { type: "integer" },
      required: true,
      description: "How many instances the API reported in the region, before filters.",
    },
  },
});

export function validateOffsiteBackupInstancesArgs(args: unknown): { where: Where; filters: InstanceFilters } {
  const { where, values } = checkArguments(getOffsiteBackupInstances, args);
  return { where, filters: values as InstanceFilters };
}

/** Validates arguments and settings, lists every page, then filters client-side (the API has no filters). */
export async function queryOffsiteBackupInstances(
  args: GetOffsiteBackupInstancesArgs | undefined,
  lookup: ConfigurationLookup,
): Promise<GetOffsiteBackupInstancesResult> {
  const { where, filters } = validateOffsiteBackupInstancesArgs(args);
  const settings = settingsFor(where, lookup);
  const projectId = await resolveProjectId(settings);
  const listing = await listOffsiteBackupInstances(settings, projectId);
  const instances = listing.instances.map(mapInstance).filter((instance) => matchesFilters(instance, filters));
  return {
    region: settings.region,
    instances,
    ids: instances.map((instance) => instance.id),
    totalCount: listing.totalCount,
  };
}

type ListingArguments = typeof getOffsiteBackupInstances.arguments;
type FilterKey = Exclude<keyof ListingArguments, keyof typeof REGION_ARGUMENTS>;

/** The filter arguments of `getOffsiteBackupInstances`: every argument its definition declares but where to ask. */
export const FILTER_KEYS: readonly FilterKey[] = argumentNames(getOffsiteBackupInstances).filter(
  (key): key is FilterKey => !(key in REGION_ARGUMENTS),
);

/** The filters given, as their checks hand them on (text, or a number for an integer argument). */
export type InstanceFilters = { [K in FilterKey]?: PlainValue<ListingArguments[K]["type"]> };

/**
 * Each filter's field of an instance, from its definition: `matches`, a path into the instance, and `spelled`, how the
 * field is compared when the API's spelling varies.
 */
const FIELD_OF = Object.fromEntries(
  FILTER_KEYS.map((key) => {
    const filter = getOffsiteBackupInstances.arguments[key];
    const path = filter.matches.split(".");
    const read = (instance: OffsiteBackupInstance) =>
      path.reduce<unknown>((value, step) => (value as Record<string, unknown> | undefined)?.[step], instance);
    const spelled = "spelled" in filter ? filter.spelled : (value: unknown) => value;
    return [key, (instance: OffsiteBackupInstance) => spelled(read(instance) as string | undefined)];
  }),
) as Record<FilterKey, (instance: OffsiteBackupInstance) => unknown>;

/** Exact match on every filter given (engine names in any case); an instance lacking a filtered field does not match. */
export function matchesFilters(instance: OffsiteBackupInstance, filters: InstanceFilters): boolean {
  return (Object.keys(filters) as (keyof InstanceFilters)[]).every((key) => FIELD_OF[key](instance) === filters[key]);
}

/** The engines the API lists, spelled as it spells them. */
export const DATASTORE_TYPES = ["MySQL", "PostgreSQL", "SQLServer", "MariaDB"] as const;

/** The engine `name` denotes in any case, spelled as the API spells it (`mysql` → `MySQL`), or undefined. */
export function engineNamed(name: string | undefined): string | undefined {
  const lower = name?.toLowerCase();
  return DATASTORE_TYPES.find((type) => type.toLowerCase() === lower);
}

/**
 * An engine name in any case, as the API spells it (`mysql` → `MySQL`); a name that is no engine of the API would
 * only ever match nothing after reading every page, so it is refused before any request.
 */
export function validateDatastoreType(value: unknown, argument = "datastoreType"): string {
  const name = requireString(value, argument);
  const known = engineNamed(name);
  if (known === undefined) {
    throw new InvalidArgumentError(
      argument,
      `${quoted(name, 100)} is not an engine of the API; known engines: ${DATASTORE_TYPES.join(", ")}`,
    );
  }
  return known;
}

/**
 * The one place snake_case becomes camelCase, and the one copy of each listed instance: only the fields users see,
 * whatever else the API sent. Absent and null fields become undefined, never invented.
 */
export function mapInstance(wire: WireOffsiteBackupInstance): OffsiteBackupInstance {
  return {
    id: wire.id,
    name: wire.name ?? undefined,
    sourceRegion: wire.source_region ?? undefined,
    sourceProjectId: wire.source_project_id ?? undefined,
    datastore: { type: wire.datastore?.type ?? undefined, version: wire.datastore?.version ?? undefined },
    destinationRegion: wire.destination_region ?? undefined,
    destinationProjectId: wire.destination_project_id ?? undefined,
    keepDays: wire.keep_days ?? undefined,
  };
}

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

/** Problems beyond these are counted, not listed: a lying server must not turn the error into a megabyte. */
const MAX_PROBLEMS_LISTED = 5;

async function readListing(settings: ClientSettings, projectId: string): Promise<ListingAttempt> {
  const first = await fetchPage(settings, projectId, 0);
  const total = first.total_count;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_LIMIT));
  const pages = new Map<number, WireOffsiteBackupInstance[]>();
  const seen = new Set<string>();
  const problems: string[] = [];
  // A page is accepted when it agrees with the first on total_count, holds as many items as its offset promises,
  // and repeats no id; the next pages are planned only as far as accepted pages confirm the count.
  const accept = (index: number, page: WireOffsiteBackupInstancePage): boolean => {
    const offset = index * PAGE_LIMIT;
    const expectedItems = Math.min(PAGE_LIMIT, Math.max(0, total - offset));
    const before = problems.length;
    if (page.total_count !== total) {
      problems.push(`total_count was ${total}, then ${page.total_count} at offset ${offset}`);
    }
    const items = page.offsite_backup_instances;
    if (items.length !== expectedItems) {
      problems.push(`page at offset ${offset} had ${items.length} items, expected ${expectedItems}`);
    }
    const seenBefore = seen.size;
    for (const instance of items) seen.add(instance.id);
    const repeated = items.length - (seen.size - seenBefore);
    if (repeated > 0) problems.push(`${repeated} ids at offset ${offset} were already listed`);
    pages.set(index, items);
    return problems.length === before;
  };
  if (accept(0, first) && pageCount > 1) await readFollowingPages(settings, projectId, pageCount, accept);
  if (pages.size < pageCount) problems.push(`stopped after ${pages.size} of ${pageCount} pages`);
  if (problems.length === 0 && seen.size !== total) problems.push(`${total - seen.size} ids missing across pages`);
  if (problems.length === 0) {
    // Every page 0 … pageCount-1 was accepted (else a problem above): concatenated in API order.
    const instances: WireOffsiteBackupInstance[] = [];
    for (let index = 0; index < pageCount; index += 1) instances.push(...(pages.get(index) ?? []));
    return { ok: true, listing: { instances, totalCount: total } };
  }
  const listed = problems.slice(0, MAX_PROBLEMS_LISTED);
  if (problems.length > listed.length) listed.push(`${problems.length - listed.length} more problems`);
  return { ok: false, problem: listed.join(", "), expected: total, received: seen.size };
}

/**
 * Pages 1 … pageCount-1, concurrently (bounded by the process-wide limiter), never more than `maxConcurrency` pages
 * beyond the last run of accepted pages: a `total_count` of a billion with a hundred rows costs a bounded number of
 * requests and no memory, while an honest listing keeps the limiter full. Stops planning at the first page refused.
 */
function readFollowingPages(
  settings: ClientSettings,
  projectId: string,
  pageCount: number,
  accept: (index: number, page: WireOffsiteBackupInstancePage) => boolean,
): Promise<void> {
  const window = settings.maxConcurrency;
  // Aborted when a page is refused or fails: pages still waiting for a slot of the limiter are then not sent.
  const stop = new AbortController();
  return new Promise((resolve, reject) => {
    const accepted = new Set<number>();
    let confirmed = 1;
    let next = 1;
    let running = 0;
    let failure: { error: unknown } | undefined;
    const settle = () => {
      if (running > 0) return;
      if (failure) reject(failure.error);
      else resolve();
    };
    const plan = () => {
      while (!stop.signal.aborted && next < pageCount && next < confirmed + window) {
        const index = next;
        next += 1;
        running += 1;
        fetchPage(settings, projectId, index * PAGE_LIMIT, stop.signal).then(
          (page) => {
            running -= 1;
            if (accept(index, page)) {
              accepted.add(index);
              while (accepted.has(confirmed)) confirmed += 1;
            } else {
              stop.abort();
            }
            plan();
          },
          (error: unknown) => {
            running -= 1;
            // A page not sent because another was refused is no failure of its own.
            if (!(stop.signal.aborted && error === stop.signal.reason)) failure ??= { error };
            stop.abort();
            settle();
          },
        );
      }
      settle();
    };
    plan();
  });
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
  const refuse = (problem: string) =>
    badResponse(settings, `${path}?offset=${offset}&limit=${PAGE_LIMIT}`, problem, requestId);
  if (!isRecord(body)) throw refuse("not a JSON object");
  const { total_count: totalCount, offsite_backup_instances: items } = body;
  if (typeof totalCount !== "number" || !Number.isSafeInteger(totalCount) || totalCount < 0) {
    throw refuse("`total_count` is not a non-negative integer");
  }
  if (!Array.isArray(items)) throw refuse("no `offsite_backup_instances` array");
  for (let index = 0; index < items.length; index += 1) {
    const problem = instanceProblem(items[index], index);
    if (problem !== undefined) throw refuse(problem);
  }
  // Checked in place, not copied: the mapping step copies each instance once, into the shape users see.
  return { total_count: totalCount, offsite_backup_instances: items as WireOffsiteBackupInstance[] };
}

const OPTIONAL_FIELDS = [
  ["name", "string"],
  ["source_region", "string"],
  ["source_project_id", "string"],
  ["destination_region", "string"],
  ["destination_project_id", "string"],
  ["keep_days", "non-negative integer"],
] as const satisfies readonly (readonly [keyof WireOffsiteBackupInstance, FieldType])[];

/** The problem with the item at `index`, naming the field, or undefined when it has the API's types (absent and null fields allowed). */
function instanceProblem(item: unknown, index: number): string | undefined {
  if (!isRecord(item) || typeof item.id !== "string" || item.id === "") return `\`${itemAt(index)}\` has no id`;
  for (const [key, expected] of OPTIONAL_FIELDS) {
    if (!fitsOptional(item[key], expected)) return fieldProblem(`${itemAt(index)}.${key}`, item[key], expected);
  }
  const datastore = item.datastore;
  if (datastore === undefined || datastore === null) return undefined;
  if (!isRecord(datastore)) return `\`${itemAt(index)}.datastore\` is ${shown(datastore, 50)}, not an object`;
  for (const key of ["type", "version"] as const) {
    if (!fitsOptional(datastore[key], "string")) {
      return fieldProblem(`${itemAt(index)}.datastore.${key}`, datastore[key], "string");
    }
  }
  return undefined;
}

/** How a problem names the row at `index`: built only for a failure, as a listing checks thousands of rows. */
function itemAt(index: number): string {
  return `offsite_backup_instances[${index}]`;
}

// The RDS API's own shapes, snake_case as on the wire. Only this file and the mapping step know them.

/**
 * An item of `GET /v3/backups/offsite-backup-instance`, as checked (not copied) by the client. Regional variants omit
 * fields or send them as null: only `id` is certain.
 */
export interface WireOffsiteBackupInstance {
  id: string;
  name?: string | null;
  source_region?: string | null;
  source_project_id?: string | null;
  datastore?: { type?: string | null; version?: string | null } | null;
  destination_region?: string | null;
  destination_project_id?: string | null;
  keep_days?: number | null;
}

export interface WireOffsiteBackupInstancePage {
  total_count: number;
  offsite_backup_instances: WireOffsiteBackupInstance[];
}
