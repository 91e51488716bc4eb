import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG image, or null when none is found. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** The text of the QR code in a `data:image/png;base64,…` URL, or null when none is found. */
export function decodeQrDataUrl(url: string): string | null {
  const match = /^data:image\/png;base64,(.+)$/.exec(url);
  return match ? decodeQrPng(Buffer.from(match[1] as string, 'base64')) : null;
}

/** Width and height of a PNG image. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const { width, height } = PNG.sync.read(png);
  return { width, height };
}
