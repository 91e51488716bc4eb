import sharp from 'sharp';
import { perceptualHashOf } from './photo-processor';
import { dHashOfGrid, hammingDistance, phashBands } from './perceptual-hash';

/** A picture with structure: a gradient whose angle, a disc and a bar depend on the seed. */
function picture(seed: number, width = 1200, height = 900): sharp.Sharp {
  const angle = (seed * 67) % 360;
  const cx = 200 + ((seed * 131) % 800);
  const bar = 100 + ((seed * 53) % 900);
  return sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1200 900">
        <defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)">
          <stop offset="0" stop-color="#123"/><stop offset="1" stop-color="#fd8"/>
        </linearGradient></defs>
        <rect width="1200" height="900" fill="url(#g)"/>
        <circle cx="${cx}" cy="450" r="180" fill="#e33"/>
        <rect x="${bar}" y="0" width="90" height="900" fill="#fff"/>
      </svg>`,
    ),
  );
}

describe('perceptual hash', () => {
  describe(dHashOfGrid.name, () => {
    it('sets a bit where the left neighbour is brighter, row by row, first pixel highest', () => {
      const grid = new Uint8Array(72);
      // Row 0 falls from left to right: every comparison is "brighter on the left".
      for (let x = 0; x < 9; x += 1) grid[x] = 200 - x * 10;
      // Row 7: only the last pair falls.
      grid[7 * 9 + 8] = 0;
      grid[7 * 9 + 7] = 50;

      expect(dHashOfGrid(grid)).toBe('ff00000000000001');
    });

    it('refuses a grid of another size', () => {
      expect(() => dHashOfGrid(new Uint8Array(64))).toThrow('72 pixels');
    });
  });

  describe(hammingDistance.name, () => {
    it('counts the differing bits', () => {
      expect(hammingDistance('0000000000000000', '0000000000000000')).toBe(0);
      expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64);
      expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
      expect(hammingDistance('f0f0000000000000', '0ff0000000000000')).toBe(8);
    });
  });

  describe(phashBands.name, () => {
    it('splits a hash into its four indexed quarters and refuses anything else', () => {
      expect(phashBands('0123456789abcdef')).toEqual(['0123', '4567', '89ab', 'cdef']);
      expect(() => phashBands('0123')).toThrow('Not a 64-bit hex hash');
      expect(() => phashBands('0123456789ABCDEF')).toThrow('Not a 64-bit hex hash');
    });

    it('puts two hashes at most 3 bits apart into at least one common quarter', () => {
      const a = '0123456789abcdef';
      // Three flipped bits fall into at most three quarters: one is left untouched.
      const b = '1123456f89abcdee';
      expect(hammingDistance(a, b)).toBe(3);
      expect(phashBands(a).some((band, index) => band === phashBands(b)[index])).toBe(true);
    });
  });

  describe(perceptualHashOf.name, () => {
    it('gives the same picture re-encoded, resized or converted (almost) the same hash', async () => {
      const original = await picture(1).jpeg({ quality: 92 }).toBuffer();
      const base = await perceptualHashOf(original);
      const copies = [
        await sharp(original).jpeg({ quality: 40 }).toBuffer(),
        await sharp(original).resize(400).jpeg({ quality: 70 }).toBuffer(),
        await sharp(original).resize(1600).png().toBuffer(),
        await sharp(original).webp({ quality: 50 }).toBuffer(),
      ];

      expect(base).toMatch(/^[0-9a-f]{16}$/);
      for (const copy of copies) {
        expect(hammingDistance(base, await perceptualHashOf(copy))).toBeLessThanOrEqual(3);
      }
    });

    it('keeps different pictures far apart', async () => {
      const hashes = await Promise.all(
        [1, 2, 3, 4].map(async (seed) => perceptualHashOf(await picture(seed).png().toBuffer())),
      );

      for (let i = 0; i < hashes.length; i += 1) {
        for (let j = i + 1; j < hashes.length; j += 1) {
          expect(hammingDistance(hashes[i], hashes[j])).toBeGreaterThan(10);
        }
      }
    });
  });
});
