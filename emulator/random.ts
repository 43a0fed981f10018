/**
 * Seeded randomness. Every generated value derives from a seed hashed with the value's identity
 * (region, index, instance id), so any item can be rebuilt alone and in any order with the same result.
 */

/** A 32-bit hash of the parts (FNV-1a, then murmur3's finaliser to spread nearby inputs). */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}\u0000`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** mulberry32: small, fast and good enough for test data (not for anything secret). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** `length` lowercase hex digits (a multiple of 8); table lookups, as ids are built by the ten thousand. */
  hex(length: number): string {
    const parts: string[] = [];
    for (let i = 0; i < length; i += 8) {
      const n = Math.floor(this.next() * 4294967296);
      parts.push(HEX_BYTE[n >>> 24]!, HEX_BYTE[(n >>> 16) & 255]!, HEX_BYTE[(n >>> 8) & 255]!, HEX_BYTE[n & 255]!);
    }
    return parts.join("");
  }
}
