import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MediaView } from '@yizhan/contracts';
import { randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { createUser, GrantInput } from './accounts';
import { grantConsent } from './checkin-flow';
import { api, ApiResponse } from './http';
import { tokenFor } from './rewards';

/** One part of a hand-made multipart body. */
export interface FormPart {
  field: string;
  content: Buffer | string;
  /** Present: a file part with this name. */
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body exactly as given (names and types are the test's to choose). */
export function multipartBody(parts: FormPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----yizhan-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition =
      `form-data; name="${part.field}"` +
      (part.filename === undefined ? '' : `; filename="${part.filename}"`);
    const head =
      `--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (part.contentType ? `Content-Type: ${part.contentType}\r\n` : '') +
      '\r\n';
    chunks.push(Buffer.from(head), Buffer.from(part.content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** `POST /media` with these parts (default: `bytes` as the field `file`, named photo.jpg). */
export function postMedia(
  app: NestFastifyApplication,
  token: string | undefined,
  parts: FormPart[],
): Promise<ApiResponse<MediaView>> {
  const { payload, contentType } = multipartBody(parts);
  return api<MediaView>(app, {
    method: 'POST',
    path: '/media',
    token,
    payload,
    headers: { 'content-type': contentType },
  });
}

export function uploadPhoto(
  app: NestFastifyApplication,
  token: string | undefined,
  bytes: Buffer,
  filename = 'photo.jpg',
): Promise<ApiResponse<MediaView>> {
  return postMedia(app, token, [
    { field: 'file', filename, contentType: 'image/jpeg', content: bytes },
  ]);
}

/** Uploads and fails the test unless the API answers 201. */
export async function uploadedPhoto(
  app: NestFastifyApplication,
  token: string,
  bytes: Buffer,
): Promise<MediaView> {
  const response = await uploadPhoto(app, token, bytes);
  if (response.status !== 201) {
    throw new Error(`POST /media answered ${response.status}: ${response.text}`);
  }
  return response.body;
}

/** GET of a URL the API handed out (`/api/v1/media/…?exp=&sig=`), bytes and all. */
export async function fetchMedia(
  app: NestFastifyApplication,
  url: string,
): Promise<{ status: number; headers: Record<string, unknown>; bytes: Buffer; text: string }> {
  const response = await app.inject({ method: 'GET', url });
  return {
    status: response.statusCode,
    headers: response.headers,
    bytes: response.rawPayload,
    text: response.payload,
  };
}

/** A signed-in user who has consented to photos, with their token. */
export async function photoUploader(
  app: NestFastifyApplication,
  grants?: GrantInput[],
): Promise<{ id: string; token: string }> {
  const user = await createUser(app, grants ? { grants } : {});
  await grantConsent(app.get(DataSource), user.id, 'photos');
  return { id: user.id, token: await tokenFor(app, user) };
}

export interface PictureInput {
  width?: number;
  height?: number;
  /** Different seeds draw different pictures (shapes and colours). */
  seed?: number;
}

/**
 * A picture with real structure (bands, a circle, a rectangle placed by the seed), so that
 * perceptual hashes of two seeds differ and a re-encoded copy keeps its hash.
 */
export function pictureSvg({ width = 800, height = 600, seed = 1 }: PictureInput = {}): Buffer {
  const r = (n: number) => ((seed * 9301 + n * 49297) % 233280) / 233280;
  const hue = Math.round(r(1) * 360);
  const cx = Math.round(width * (0.2 + 0.6 * r(2)));
  const cy = Math.round(height * (0.2 + 0.6 * r(3)));
  const rx = Math.round(width * (0.1 + 0.5 * r(4)));
  const ry = Math.round(height * (0.1 + 0.5 * r(5)));
  const angle = Math.round(r(6) * 180);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
      <defs><linearGradient id="g" gradientTransform="rotate(${angle} .5 .5)">
        <stop offset="0" stop-color="hsl(${hue},70%,15%)"/>
        <stop offset="1" stop-color="hsl(${(hue + 150) % 360},70%,85%)"/>
      </linearGradient></defs>
      <rect width="100%" height="100%" fill="url(#g)"/>
      <circle cx="${cx}" cy="${cy}" r="${Math.min(width, height) / 5}" fill="hsl(${(hue + 90) % 360},80%,50%)"/>
      <rect x="${width - cx}" y="${height - cy}" width="${rx}" height="${ry}" fill="#111"/>
      <rect x="${Math.round(width * r(7) * 0.8)}" y="0" width="${Math.round(width / 12)}" height="${height}" fill="#eee"/>
    </svg>`,
  );
}

export function testJpeg(input: PictureInput = {}, quality = 90): Promise<Buffer> {
  return sharp(pictureSvg(input)).jpeg({ quality }).toBuffer();
}

export function testPng(input: PictureInput = {}): Promise<Buffer> {
  return sharp(pictureSvg(input)).png().toBuffer();
}

/** GPS coordinates written into test photos (a worker's home, say). */
export const TEST_GPS = { latitude: '28/1 9/1 3600/100', longitude: '113/1 38/1 2400/100' };

/** A JPEG carrying EXIF with a camera, a GPS position and an orientation tag. */
export async function jpegWithGps(input: PictureInput = {}, orientation = 1): Promise<Buffer> {
  return sharp(pictureSvg(input))
    .withExif({
      IFD0: { Make: 'YizhanTestCam', Model: 'Leaky 1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: TEST_GPS.latitude,
        GPSLongitudeRef: 'E',
        GPSLongitude: TEST_GPS.longitude,
      },
    })
    .withMetadata({ orientation })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * The tags of IFD0 of an EXIF block (`Exif\0\0` + TIFF), for "this upload really carried GPS"
 * preconditions: 0x8825 is the pointer to the GPS IFD.
 */
export function exifIfd0Tags(exif: Buffer): number[] {
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  return Array.from({ length: u16(ifd) }, (_, index) => u16(ifd + 2 + index * 12));
}

export const GPS_IFD_POINTER = 0x8825;

/**
 * A 1-bit greyscale PNG of width × height, all black: about 50 KB for 20000 × 20000 that would
 * decode to 400 million pixels. With `headerOnly` the image data stops after a few bytes (the
 * header still states the full size).
 */
export function pngBomb(width: number, height: number, headerOnly = false): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rowBytes = 1 + Math.ceil(width / 8); // filter byte + packed bits
  const data = headerOnly
    ? deflateSync(Buffer.alloc(rowBytes)).subarray(0, 8)
    : deflateSync(Buffer.alloc(rowBytes * height), { level: 9 });
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', data),
    ...(headerOnly ? [] : [pngChunk('IEND', Buffer.alloc(0))]),
  ]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const framing = Buffer.alloc(8);
  framing.writeUInt32BE(data.length, 0);
  framing.writeUInt32BE(crc32(typed), 4);
  return Buffer.concat([framing.subarray(0, 4), typed, framing.subarray(4)]);
}
