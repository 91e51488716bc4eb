// A phone-like 12 MP JPEG to upload, and the baseline: sharp alone doing what the API's
// PhotoProcessor does to an upload (apps/api/src/modules/media/photo-processor.ts), step for step.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const WIDTH = 4000;
const HEIGHT = 3000;

// As @yizhan/contracts and photo-processor.ts define them.
const MEDIA_MAX_PIXELS = 50_000_000;
const MEDIA_LONG_SIDE_PX = 1600;
const MEDIA_THUMB_LONG_SIDE_PX = 320;
const FULL_QUALITY = 82;
const THUMB_QUALITY = 75;
const DHASH_GRID_WIDTH = 9;
const DHASH_GRID_HEIGHT = 8;

/** A deterministic pseudo-random generator (mulberry32), so every run uploads the same photo. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 4000×3000 JPEG (quality 92, 4:2:0, EXIF orientation 6 as a phone held upright writes it)
 * with what makes an encoder work: smooth gradients, large blurred shapes (coarse noise scaled
 * up) and fine sensor-like grain. Cached under `tmpDir`.
 */
export async function phoneLikePhoto(tmpDir) {
  const file = join(tmpDir, `photo-${WIDTH}x${HEIGHT}-v1.jpg`);
  if (existsSync(file)) return readFileSync(file);
  mkdirSync(tmpDir, { recursive: true });
  const next = random(8);
  // Coarse structure: 200×150 random colours, scaled up smoothly to the full size.
  const coarseW = 200;
  const coarseH = 150;
  const coarse = Buffer.alloc(coarseW * coarseH * 3);
  for (let i = 0; i < coarse.length; i += 1) coarse[i] = Math.floor(next() * 256);
  const shapes = await sharp(coarse, { raw: { width: coarseW, height: coarseH, channels: 3 } })
    .resize(WIDTH, HEIGHT, { kernel: 'cubic' })
    .blur(6)
    .raw()
    .toBuffer();
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y += 1) {
    for (let x = 0; x < WIDTH; x += 1) {
      const at = (y * WIDTH + x) * 3;
      const grain = (next() - 0.5) * 24;
      const sky = (y / HEIGHT) * 120;
      const sun = (x / WIDTH) * 80;
      pixels[at] = clamp(shapes[at] * 0.55 + sky + grain);
      pixels[at + 1] = clamp(shapes[at + 1] * 0.55 + sun * 0.7 + 40 + grain);
      pixels[at + 2] = clamp(shapes[at + 2] * 0.55 + (200 - sky) * 0.6 + grain);
    }
  }
  const jpeg = await sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 92, chromaSubsampling: '4:2:0' })
    .toBuffer();
  writeFileSync(file, jpeg);
  return jpeg;
}

function clamp(value) {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

/** The libvips settings PhotoProcessor's constructor makes. */
export function configureLikeApi() {
  sharp.cache(false);
}

/**
 * What PhotoProcessor.processNow does to a JPEG upload: the header read, the upright,
 * shrunk, flattened mozjpeg re-encode, the thumbnail from it, and the dHash of it.
 */
export async function processLikeApi(upload) {
  const options = {
    limitInputPixels: MEDIA_MAX_PIXELS,
    failOn: 'error',
    sequentialRead: true,
    animated: false,
  };
  const metadata = await sharp(upload, { ...options, limitInputPixels: false }).metadata();
  if (metadata.format !== 'jpeg' || metadata.width * metadata.height > MEDIA_MAX_PIXELS) {
    throw new Error('the bench photo is not an acceptable JPEG');
  }
  const full = await sharp(upload, options)
    .autoOrient()
    .resize({
      width: MEDIA_LONG_SIDE_PX,
      height: MEDIA_LONG_SIDE_PX,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: FULL_QUALITY, mozjpeg: true })
    .toBuffer({ resolveWithObject: true });
  const thumb = await sharp(full.data)
    .resize({
      width: MEDIA_THUMB_LONG_SIDE_PX,
      height: MEDIA_THUMB_LONG_SIDE_PX,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .jpeg({ quality: THUMB_QUALITY, mozjpeg: true })
    .toBuffer();
  const grid = await sharp(full.data)
    .greyscale()
    .resize(DHASH_GRID_WIDTH, DHASH_GRID_HEIGHT, { fit: 'fill' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  let phash = '';
  for (let row = 0; row < DHASH_GRID_HEIGHT; row += 1) {
    let byte = 0;
    for (let x = 0; x < DHASH_GRID_WIDTH - 1; x += 1) {
      const at = row * DHASH_GRID_WIDTH + x;
      byte = (byte << 1) | (grid[at] > grid[at + 1] ? 1 : 0);
    }
    phash += byte.toString(16).padStart(2, '0');
  }
  return {
    width: full.info.width,
    height: full.info.height,
    bytes: full.data.length,
    thumb,
    phash,
  };
}
