// Draws the five tab-bar icons as tiny PNGs (81×81, WeChat's recommended size) with no image
// library: each icon is a union of simple shapes, rasterised with 4×4 supersampling and written
// by a minimal PNG encoder. Run `node scripts/make-tab-icons.mjs` after changing a shape.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SAMPLES = 4;
const COLORS = { normal: [0x7a, 0x7e, 0x83], active: [0xd9, 0x38, 0x1e] };
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r0, r1) => (x, y) => {
  const d = (x - cx) ** 2 + (y - cy) ** 2;
  return d <= r1 * r1 && d >= r0 * r0;
};
// Point-in-triangle by the signs of the three edge cross products.
const triangle = (ax, ay, bx, by, cx, cy) => (x, y) => {
  const s = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = s(ax, ay, bx, by);
  const d2 = s(bx, by, cx, cy);
  const d3 = s(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const union =
  (...shapes) =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);

const ICONS = {
  // A station: roof and walls with a door.
  stations: minus(
    union(triangle(0.5, 0.12, 0.1, 0.48, 0.9, 0.48), rect(0.2, 0.46, 0.8, 0.86)),
    rect(0.42, 0.62, 0.58, 0.86),
  ),
  // A scanner frame: four corners and a scan line.
  scan: union(
    rect(0.12, 0.12, 0.4, 0.2),
    rect(0.12, 0.12, 0.2, 0.4),
    rect(0.6, 0.12, 0.88, 0.2),
    rect(0.8, 0.12, 0.88, 0.4),
    rect(0.12, 0.8, 0.4, 0.88),
    rect(0.12, 0.6, 0.2, 0.88),
    rect(0.6, 0.8, 0.88, 0.88),
    rect(0.8, 0.6, 0.88, 0.88),
    rect(0.26, 0.47, 0.74, 0.53),
  ),
  // A warning sign: triangle with an exclamation mark cut out.
  report: minus(
    triangle(0.5, 0.1, 0.08, 0.86, 0.92, 0.86),
    union(rect(0.46, 0.38, 0.54, 0.64), circle(0.5, 0.74, 0.05)),
  ),
  // A coin: disc with an inner ring cut out.
  points: minus(circle(0.5, 0.5, 0.4), ring(0.5, 0.5, 0.24, 0.3)),
  // A person: head and shoulders.
  me: union(circle(0.5, 0.32, 0.18), minus(circle(0.5, 0.98, 0.4), rect(0, 0.9, 1, 1))),
};

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function encodePng(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape((x + (sx + 0.5) / SAMPLES) / SIZE, (y + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
        }
      }
      const at = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
      raw[at + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  for (const [state, color] of Object.entries(COLORS)) {
    const file = join(outDir, state === 'normal' ? `${name}.png` : `${name}-active.png`);
    const png = encodePng(shape, color);
    writeFileSync(file, png);
    console.log(`${file}: ${png.length} B`);
  }
}
