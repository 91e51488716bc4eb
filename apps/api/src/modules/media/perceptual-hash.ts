/**
 * Helpers for 64-bit perceptual hashes written as 16 hex digits (a dHash of the picture: it
 * survives re-encoding, resizing and small edits, unlike a hash of the bytes).
 */

const HEX_64 = /^[0-9a-f]{16}$/;

/** The four 16-bit quarters of a hash, as stored in the indexed band columns. */
export function phashBands(phash: string): [string, string, string, string] {
  if (!HEX_64.test(phash)) throw new Error(`Not a 64-bit hex hash: ${phash}`);
  return [phash.slice(0, 4), phash.slice(4, 8), phash.slice(8, 12), phash.slice(12, 16)];
}

/** Bits in which two hashes differ. */
export function hammingDistance(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 4) {
    let diff = parseInt(a.slice(i, i + 4), 16) ^ parseInt(b.slice(i, i + 4), 16);
    while (diff !== 0) {
      distance += diff & 1;
      diff >>>= 1;
    }
  }
  return distance;
}
