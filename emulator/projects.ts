import { hashSeed, Random } from "./random";
import type { IamProject } from "./types";

const projectIdCache = new Map<string, string>();

/** The project id an account has as its `ordinal`-th project named `region` (0 = the region's own project). */
export function projectIdFor(seed: number, region: string, ordinal = 0): string {
  // Every generated instance names two projects; the cache keeps that off the generation profile.
  const key = `${seed}\u0000${region}\u0000${ordinal}`;
  let id = projectIdCache.get(key);
  if (id === undefined) {
    id = new Random(hashSeed(seed, "project", region, ordinal)).hex(32);
    projectIdCache.set(key, id);
  }
  return id;
}

/** The IAM side of the emulated account: which projects exist, and which region each one stands for. */
export class ProjectDirectory {
  readonly domainId: string;
  private readonly projects: IamProject[] = [];
  private readonly regionById = new Map<string, { region: string; ordinal: number }>();

  constructor(seed: number, countByRegion: Record<string, number>) {
    this.domainId = new Random(hashSeed(seed, "domain")).hex(32);
    for (const [region, count] of Object.entries(countByRegion)) {
      for (let ordinal = 0; ordinal < count; ordinal++) {
        const id = projectIdFor(seed, region, ordinal);
        // A region's system project has the account as its parent (IAM KeystoneListProjects docs).
        this.projects.push(
          Object.freeze({
            id,
            name: region,
            domain_id: this.domainId,
            enabled: true,
            parent_id: this.domainId,
            description: "",
            is_domain: false,
          }),
        );
        this.regionById.set(id, { region, ordinal });
      }
    }
  }

  /** Projects in creation order, optionally only those with this exact name. */
  list(name?: string): IamProject[] {
    return name === undefined ? this.projects.slice() : this.projects.filter((p) => p.name === name);
  }

  /** Which region a project id stands for; `ordinal` 0 is the project that owns the region's resources. */
  lookup(projectId: string): { region: string; ordinal: number } | undefined {
    return this.regionById.get(projectId);
  }

  /** Region -> id of its first project, for regions that have one. */
  firstByRegion(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [id, { region, ordinal }] of this.regionById) if (ordinal === 0) out[region] = id;
    return out;
  }
}
