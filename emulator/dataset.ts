import { generateInstance, indexOfInstanceId } from "./instanceGenerator";
import { type ReadinessCase, readinessCases } from "./readinessCases";
import { generateRestoreRanges, RETENTION_WHEN_UNLISTED_DAYS } from "./restoreRanges";
import type { Dataset, OffsiteBackupInstance, RestoreTimeRange } from "./types";

interface RegionState {
  readonly name: string;
  /** Generator indices in listing order; the API pages this array by slicing. */
  readonly order: number[];
  /** Indices taken out by removeInstance (never reused). */
  readonly removed: Set<number>;
  /** The index the next added instance gets. */
  nextIndex: number;
  /** Instances built so far, so pages are cheap to repeat and items keep their identity. */
  readonly built: Map<number, OffsiteBackupInstance>;
  /** The readiness cases listed after the generated instances, when this region holds them. */
  readonly cases: ReadinessCase[];
}

/**
 * The instances of every destination region and their restore ranges, built lazily: a region is a list of generator
 * indices, an instance is generated when a page or a lookup first needs it, and an id leads back to its index (see
 * indexCipher.ts). Startup is O(regions + total indices) and a page costs O(limit).
 */
export class EmulatorDataset implements Dataset {
  private readonly regions = new Map<string, RegionState>();
  private readonly rangeCache = new Map<string, RestoreTimeRange[]>();
  /** The readiness cases by id, and the region listing each. */
  private readonly cases = new Map<string, { region: string; readinessCase: ReadinessCase }>();

  constructor(
    private readonly seed: number,
    private readonly anchorTime: number,
    sizes: Record<string, number>,
    /** Regions that exist without instances (e.g. only configured with projects). */
    emptyRegions: Iterable<string> = [],
    /** A region that also lists the readiness cases (see readinessCases.ts), after its generated instances. */
    readinessRegion?: string,
  ) {
    const named = [...Object.keys(sizes), ...emptyRegions, ...(readinessRegion === undefined ? [] : [readinessRegion])];
    for (const region of named) {
      if (!this.regions.has(region)) {
        this.regions.set(region, {
          name: region,
          order: [],
          removed: new Set(),
          nextIndex: 0,
          built: new Map(),
          cases: [],
        });
      }
    }
    for (const [region, size] of Object.entries(sizes)) this.appendIndices(this.regionState(region), size);
    if (readinessRegion !== undefined) {
      const state = this.regionState(readinessRegion);
      for (const readinessCase of readinessCases(seed, readinessRegion, anchorTime)) {
        state.cases.push(readinessCase);
        this.cases.set(readinessCase.instance.id, { region: readinessRegion, readinessCase });
      }
    }
  }

  /** One page of a region's listing, and its total. */
  page(region: string, offset: number, limit: number): { total: number; items: OffsiteBackupInstance[] } {
    const state = this.regions.get(region);
    if (!state) return { total: 0, items: [] };
    const items = state.order.slice(offset, offset + limit).map((index) => this.instanceAt(state, index));
    const caseStart = Math.max(0, offset - state.order.length);
    const caseEnd = Math.max(0, offset + limit - state.order.length);
    for (const readinessCase of state.cases.slice(caseStart, caseEnd)) items.push(readinessCase.instance);
    return { total: state.order.length + state.cases.length, items };
  }

  /** The region an instance's offsite backups live in. */
  regionOf(instanceId: string): string | undefined {
    return this.cases.get(instanceId)?.region ?? this.find(instanceId)?.state.name;
  }

  instances(region: string): OffsiteBackupInstance[] {
    const state = this.regions.get(region);
    if (!state) return [];
    return [
      ...state.order.map((index) => this.instanceAt(state, index)),
      ...state.cases.map((readinessCase) => readinessCase.instance),
    ];
  }

  /** Whether every restore-time lookup of this instance fails (a readiness case). */
  lookupFails(instanceId: string): boolean {
    return this.cases.get(instanceId)?.readinessCase.ranges === "fails";
  }

  restoreRanges(instanceId: string): RestoreTimeRange[] {
    const listedCase = this.cases.get(instanceId)?.readinessCase;
    if (listedCase !== undefined) return listedCase.ranges === "fails" ? [] : listedCase.ranges.slice();
    const cached = this.rangeCache.get(instanceId);
    if (cached) return cached.slice();
    const found = this.find(instanceId);
    if (!found) throw new Error(`no instance ${JSON.stringify(instanceId)} in the emulator's dataset`);
    const keepDays = found.instance.keep_days ?? RETENTION_WHEN_UNLISTED_DAYS;
    const ranges = generateRestoreRanges(this.seed, instanceId, keepDays, this.anchorTime);
    this.rangeCache.set(instanceId, ranges);
    return ranges.slice();
  }

  addInstances(region: string, n: number): OffsiteBackupInstance[] {
    if (!Number.isInteger(n) || n < 0) throw new Error(`cannot add ${n} instances`);
    const state = this.regionState(region);
    return this.appendIndices(state, n).map((index) => this.instanceAt(state, index));
  }

  removeInstance(id: string): boolean {
    const listedCase = this.cases.get(id);
    if (listedCase !== undefined) {
      const state = this.regionState(listedCase.region);
      state.cases.splice(state.cases.indexOf(listedCase.readinessCase), 1);
      this.cases.delete(id);
      return true;
    }
    const found = this.find(id);
    if (!found) return false;
    found.state.order.splice(found.state.order.indexOf(found.index), 1);
    found.state.removed.add(found.index);
    found.state.built.delete(found.index);
    this.rangeCache.delete(id);
    return true;
  }

  private regionState(region: string): RegionState {
    const state = this.regions.get(region);
    if (!state)
      throw new Error(`region ${region} is not configured in the emulator (options.regions or projectsPerRegion)`);
    return state;
  }

  private appendIndices(state: RegionState, n: number): number[] {
    const indices = Array.from({ length: n }, (_, i) => state.nextIndex + i);
    state.nextIndex += n;
    for (const index of indices) state.order.push(index);
    return indices;
  }

  private instanceAt(state: RegionState, index: number): OffsiteBackupInstance {
    let instance = state.built.get(index);
    if (!instance) {
      instance = generateInstance(this.seed, state.name, index);
      state.built.set(index, instance);
    }
    return instance;
  }

  /** O(regions): decode the index the id would have in each region and check the instance there really has it. */
  private find(id: string): { state: RegionState; index: number; instance: OffsiteBackupInstance } | undefined {
    for (const state of this.regions.values()) {
      const index = indexOfInstanceId(this.seed, state.name, id);
      if (index === undefined || index >= state.nextIndex || state.removed.has(index)) continue;
      const instance = this.instanceAt(state, index);
      if (instance.id === id) return { state, index, instance };
    }
    return undefined;
  }
}
