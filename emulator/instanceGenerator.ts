import { scrambleIndex, unscrambleIndex } from "./indexCipher";
import { projectIdFor } from "./projects";
import { hashSeed, Random } from "./random";
import type { OffsiteBackupInstance } from "./types";

/**
 * Builds the `index`-th instance whose offsite backups live in `region`, from the seed alone.
 *
 * Deliberate omissions, so clients meet the field variants regional docs show (every field but `id` is optional):
 * - every instance with `index % 10 === 7` has no `keep_days`;
 * - every instance with `index % 25 === 11` has no `source_project_id`.
 */

interface Engine {
  readonly type: "MySQL" | "PostgreSQL" | "SQLServer" | "MariaDB";
  readonly weight: number;
  readonly versions: readonly string[];
  /** Instance ids end with the engine's suffix (in01 MySQL, in03 PostgreSQL, in04 SQL Server; MariaDB: assumed in01). */
  readonly idSuffix: string;
  readonly namePrefixes: readonly string[];
}

const engines: readonly Engine[] = [
  {
    type: "MySQL",
    weight: 50,
    versions: ["5.6", "5.7", "5.7", "8.0", "8.0", "8.0"],
    idSuffix: "in01",
    namePrefixes: ["rds", "mysql"],
  },
  {
    type: "PostgreSQL",
    weight: 25,
    versions: ["12", "13", "14", "15", "16"],
    idSuffix: "in03",
    namePrefixes: ["pg", "rds-pg"],
  },
  {
    type: "SQLServer",
    weight: 15,
    versions: ["2017_SE", "2017_EE", "2019_SE", "2019_EE", "2022_SE", "2022_EE"],
    idSuffix: "in04",
    namePrefixes: ["mssql", "sqlserver"],
  },
  { type: "MariaDB", weight: 10, versions: ["10.5"], idSuffix: "in01", namePrefixes: ["mariadb"] },
];

/** Public Huawei Cloud regions an instance's source can be in. */
const sourceRegions = [
  "cn-north-4",
  "cn-north-1",
  "cn-east-3",
  "cn-east-2",
  "cn-south-1",
  "cn-southwest-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "af-south-1",
  "la-south-2",
  "sa-brazil-1",
  "tr-west-1",
  "me-east-1",
  "eu-west-101",
];

/** Realistic retention choices, common ones repeated; the API allows 1-732. */
const keepDayChoices = [1, 3, 7, 7, 7, 7, 14, 15, 30, 30, 30, 60, 90, 180, 365, 732];

const apps = [
  "orders",
  "billing",
  "inventory",
  "crm",
  "payments",
  "auth",
  "analytics",
  "catalog",
  "ledger",
  "erp",
  "shop",
];
const envs = ["prod", "prod", "prod", "staging", "dr", "test"];
/** RDS names may contain Chinese characters; a few do, so clients meet non-ASCII text. */
const chineseApps = ["订单库", "财务系统", "会员中心"];

const sourceRegionsByDestination = new Map<string, readonly string[]>();

/** Backups are cross-region: the source is any region but the destination. */
function sourceRegionsFor(destination: string): readonly string[] {
  let regions = sourceRegionsByDestination.get(destination);
  if (!regions) {
    regions = sourceRegions.filter((r) => r !== destination);
    sourceRegionsByDestination.set(destination, regions);
  }
  return regions;
}

function pickEngine(random: Random): Engine {
  let roll = random.next() * 100;
  for (const engine of engines) {
    roll -= engine.weight;
    if (roll < 0) return engine;
  }
  return engines[0]!;
}

function instanceName(random: Random, engine: Engine): string {
  const env = random.pick(envs);
  const number = String(random.int(1, 12)).padStart(2, "0");
  if (random.next() < 0.05) return `${random.pick(chineseApps)}-${env}-${number}`;
  return `${random.pick(engine.namePrefixes)}-${random.pick(apps)}-${env}-${number}`;
}

const INSTANCE_ID = /^([0-9a-f]{8})[0-9a-f]{24}in0[134]$/;

/** The generator index an id of `region` would have, or undefined for an id the generator never makes. */
export function indexOfInstanceId(seed: number, region: string, id: string): number | undefined {
  const m = INSTANCE_ID.exec(id);
  return m ? unscrambleIndex(Number.parseInt(m[1]!, 16), hashSeed(seed, "ids", region)) : undefined;
}

export function generateInstance(seed: number, region: string, index: number): OffsiteBackupInstance {
  const random = new Random(hashSeed(seed, "instance", region, index));
  const engine = pickEngine(random);
  const prefix = scrambleIndex(index, hashSeed(seed, "ids", region))
    .toString(16)
    .padStart(8, "0");
  const id = `${prefix}${random.hex(24)}${engine.idSuffix}`;
  const name = instanceName(random, engine);
  const sourceRegion = random.pick(sourceRegionsFor(region));
  const version = random.pick(engine.versions);
  const keepDays = random.pick(keepDayChoices);
  // Key order follows the API page's example.
  return Object.freeze({
    id,
    name,
    source_region: sourceRegion,
    ...(index % 25 === 11 ? {} : { source_project_id: projectIdFor(seed, sourceRegion) }),
    datastore: Object.freeze({ type: engine.type, version }),
    destination_region: region,
    destination_project_id: projectIdFor(seed, region),
    ...(index % 10 === 7 ? {} : { keep_days: keepDays }),
  });
}
