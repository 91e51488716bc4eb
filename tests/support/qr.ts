import jsQR from 'jsqr';
import { PNG } from 'pngjs';

/** The text of the QR code in a PNG, read by jsQR (not the library that drew it). */
export function decodeQr(png: Buffer): string {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!found) throw new Error('no QR code found in the image');
  return found.data;
}
