/**
 * A keyed, invertible scramble of 32-bit integers. Instance ids begin with the scrambled generator index, so an id
 * leads back to its instance without building (or indexing) the whole dataset, while ids still look random.
 * The rounds are the "lowbias32" integer hash; each step (xor-shift, multiplication by an odd constant) is invertible.
 */

const M1 = 0x7feb352d;
const M2 = 0x846ca68b;

/** The multiplicative inverse of an odd number modulo 2^32 (Newton's iteration doubles the correct bits each step). */
function inverseOdd(c: number): number {
  let x = c;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(c, x));
  return x;
}

const M1_INVERSE = inverseOdd(M1);
const M2_INVERSE = inverseOdd(M2);

export function scrambleIndex(index: number, key: number): number {
  let x = (index ^ key) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, M1);
  x ^= x >>> 15;
  x = Math.imul(x, M2);
  x ^= x >>> 16;
  return x >>> 0;
}

export function unscrambleIndex(scrambled: number, key: number): number {
  let x = scrambled >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, M2_INVERSE);
  x ^= (x >>> 15) ^ (x >>> 30);
  x = Math.imul(x, M1_INVERSE);
  x ^= x >>> 16;
  return (x ^ key) >>> 0;
}
