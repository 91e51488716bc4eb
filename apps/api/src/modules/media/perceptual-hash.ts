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

/** A dHash looks at the picture shrunk to this greyscale grid: 8 comparisons in each of 8 rows. */
export const DHASH_GRID_WIDTH = 9;
export const DHASH_GRID_HEIGHT = 8;

/**
 * The dHash of a 9×8 greyscale grid (row by row, one byte a pixel): one bit per horizontal
 * neighbour pair, set where the left pixel is brighter. Brightness gradients survive
 * re-encoding and resizing, so the same picture keeps (almost) the same bits.
 */
export function dHashOfGrid(pixels: Uint8Array): string {
  if (pixels.length !== DHASH_GRID_WIDTH * DHASH_GRID_HEIGHT) {
    throw new Error(`A dHash grid has ${DHASH_GRID_WIDTH * DHASH_GRID_HEIGHT} pixels`);
  }
  let hex = '';
  for (let row = 0; row < DHASH_GRID_HEIGHT; row += 1) {
    let byte = 0;
    for (let x = 0; x < DHASH_GRID_WIDTH - 1; x += 1) {
      const at = row * DHASH_GRID_WIDTH + x;
      byte = (byte << 1) | (pixels[at] > pixels[at + 1] ? 1 : 0);
    }
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}
