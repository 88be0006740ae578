/**
 * Deterministic pseudo-random numbers: sfc32 seeded through splitmix32, so that a (seed, stream,
 * index) triple always yields the same sequence. No Math.random anywhere in the generator.
 */

/** splitmix32 finaliser: a good 32-bit avalanche of any integer. */
export function mix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seed for one independent stream of numbers (a subscriber's payments, say). */
export function streamSeed(seed: number, stream: number, index: number): number {
  return mix32(mix32(mix32(seed) ^ Math.imul(stream + 1, 0x27d4eb2f)) ^ index);
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(value: number): string {
  return HEX[(value >>> 24) & 255] + HEX[(value >>> 16) & 255] + HEX[(value >>> 8) & 255] + HEX[value & 255];
}

function hex16(value: number): string {
  return HEX[(value >>> 8) & 255] + HEX[value & 255];
}

const TWO_32 = 4294967296;

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = mix32(seed);
    this.b = mix32(this.a ^ 0x6a09e667);
    this.c = mix32(this.b ^ 0xbb67ae85);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** sfc32: a uniformly distributed unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / TWO_32;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn by weight from cumulative weights (see `cumulative`). */
  weighted(cumulativeWeights: readonly number[]): number {
    const x = this.next() * cumulativeWeights[cumulativeWeights.length - 1];
    for (let i = 0; i < cumulativeWeights.length; i++) {
      if (x < cumulativeWeights[i]) return i;
    }
    return cumulativeWeights.length - 1;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A random version-4 UUID. */
  uuid(): string {
    return uuidFrom(this.u32(), this.u32(), this.u32(), this.u32());
  }

  /**
   * A version-4-formatted UUID whose first 48 bits are `prefix` (0 <= prefix < 2^48), the rest random.
   * Ids handed out with a growing prefix keep every index on them append-only, which is what lets a
   * million subscribers' payments go in at COPY speed.
   */
  orderedUuid(prefix: number): string {
    const high = Math.floor(prefix / 65536);
    const low = prefix - high * 65536;
    return uuidFrom(high >>> 0, ((low << 16) | (this.u32() & 0xffff)) >>> 0, this.u32(), this.u32());
  }
}

function uuidFrom(w0: number, w1: number, w2: number, w3: number): string {
  const timeHiAndVersion = ((w1 & 0x0fff) | 0x4000) >>> 0;
  const clockSeq = (((w2 >>> 16) & 0x3fff) | 0x8000) >>> 0;
  return `${hex32(w0)}-${hex16(w1 >>> 16)}-${hex16(timeHiAndVersion)}-${hex16(clockSeq)}-${hex16(w2 & 0xffff)}${hex32(w3)}`;
}

export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
