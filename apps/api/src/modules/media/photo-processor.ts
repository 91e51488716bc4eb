import { Injectable } from '@nestjs/common';
import { MEDIA_LONG_SIDE_PX, MEDIA_MAX_PIXELS, MEDIA_THUMB_LONG_SIDE_PX } from '@yizhan/contracts';
import { availableParallelism } from 'node:os';
import sharp, { SharpOptions } from 'sharp';
import { ConcurrencyLimit, QueueFullError } from '../../common/concurrency/concurrency-limit';
import { RateLimitedError } from '../../common/errors/domain.error';
import { MediaError } from './media.errors';
import { DHASH_GRID_HEIGHT, DHASH_GRID_WIDTH, dHashOfGrid } from './perceptual-hash';

/** The image formats an upload may be in, as told by its first bytes. */
export type UploadFormat = 'jpeg' | 'png' | 'webp' | 'heif';

/** What an upload becomes: the stored photo and its thumbnail, both JPEG without metadata. */
export interface ProcessedPhoto {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
  /** 64-bit dHash of the picture, 16 hex digits. */
  phash: string;
  contentType: 'image/jpeg';
}

export const STORED_CONTENT_TYPE = 'image/jpeg';
const FULL_QUALITY = 82;
const THUMB_QUALITY = 75;

/**
 * Photos decoded at once: one core less than the machine has, at least one and at most two.
 * A re-encode keeps a core busy for about half a second (decode and mozjpeg are one thread
 * each), and the event loop, which answers every other request, needs a core of its own: on a
 * 2-core server two decodes at once leave it a third of the CPU and check-ins queue behind
 * them (bench/, upload scenario: p99 during 4 uploads lower with one). A 12 MP JPEG costs
 * about 130 MB while it is re-encoded (libvips decodes it shrunk on load), so two keep four
 * parallel uploads well under 512 MB. Uploads beyond that wait their turn, and past
 * `MAX_WAITING` get a 429.
 */
const MAX_CONCURRENT = Math.min(2, Math.max(1, availableParallelism() - 1));
const MAX_WAITING = 16;
const RETRY_WHEN_BUSY_SECONDS = 5;

/**
 * HEIC (HEVC inside HEIF) only when this libvips can decode it: the prebuilt sharp binaries
 * carry libheif for AVIF only (HEVC is patent-encumbered), so there it is refused like any
 * other unknown format and the client sends JPEG.
 */
export const HEIC_SUPPORTED: boolean = (() => {
  const heif = sharp.format.heif as { input?: { buffer?: boolean; fileSuffix?: string[] } };
  return heif.input?.buffer === true && (heif.input.fileSuffix ?? []).includes('.heic');
})();

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/**
 * The format an upload's bytes say they are in (magic numbers), or null. The file name and
 * the Content-Type the client sent are never asked.
 */
export function sniffUploadFormat(bytes: Buffer): UploadFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'jpeg';
  }
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  ) {
    return 'png';
  }
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return 'webp';
  }
  if (
    HEIC_SUPPORTED &&
    bytes.length >= 12 &&
    bytes.toString('latin1', 4, 8) === 'ftyp' &&
    HEIC_BRANDS.has(bytes.toString('latin1', 8, 12))
  ) {
    return 'heif';
  }
  return null;
}

/**
 * Turns an upload into what is stored. Nothing of the upload survives but its picture: it is
 * decoded (only after its header has shown a bounded size), turned upright by its EXIF
 * orientation, shrunk to MEDIA_LONG_SIDE_PX at most, and written anew as JPEG with no
 * metadata at all — EXIF (GPS included), XMP, IPTC and ICC are gone (pixels are converted
 * to sRGB first).
 */
@Injectable()
export class PhotoProcessor {
  private readonly slots = new ConcurrencyLimit(MAX_CONCURRENT, MAX_WAITING);

  constructor() {
    // Every upload is a different picture: libvips' operation cache would only hold memory.
    sharp.cache(false);
  }

  async process(upload: Buffer): Promise<ProcessedPhoto> {
    const format = sniffUploadFormat(upload);
    if (format === null) throw MediaError.unsupported();
    try {
      return await this.slots.run(() => this.processNow(upload, format));
    } catch (error) {
      if (error instanceof QueueFullError) {
        throw new RateLimitedError(
          RETRY_WHEN_BUSY_SECONDS,
          'The server is busy with other photos; send this one again in a moment',
        );
      }
      throw error;
    }
  }

  private async processNow(upload: Buffer, format: UploadFormat): Promise<ProcessedPhoto> {
    const options: SharpOptions = {
      // libvips refuses to decode more than this, whatever the header claimed.
      limitInputPixels: MEDIA_MAX_PIXELS,
      failOn: 'error',
      sequentialRead: true,
      // The first frame of an animated WebP or PNG.
      animated: false,
    };
    await this.assertBoundedHeader(upload, format, options);

    let full: { data: Buffer; info: sharp.OutputInfo };
    try {
      full = await sharp(upload, options)
        .autoOrient()
        .resize({
          width: MEDIA_LONG_SIDE_PX,
          height: MEDIA_LONG_SIDE_PX,
          fit: 'inside',
          withoutEnlargement: true,
        })
        // Transparent parts of a PNG or WebP become white, not black.
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: FULL_QUALITY, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
    } catch {
      // A header that promised a picture the data does not hold (truncated, corrupt).
      throw MediaError.unsupported('The file is not a readable image');
    }

    // The rest works on the stored photo: small, upright, already sRGB.
    const thumb = await sharp(full.data)
      .resize({
        width: MEDIA_THUMB_LONG_SIDE_PX,
        height: MEDIA_THUMB_LONG_SIDE_PX,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .jpeg({ quality: THUMB_QUALITY, mozjpeg: true })
      .toBuffer();
    return {
      full: full.data,
      thumb,
      width: full.info.width,
      height: full.info.height,
      phash: await perceptualHashOf(full.data),
      contentType: STORED_CONTENT_TYPE,
    };
  }

  /**
   * Reads the header only: a picture whose stated size is over MEDIA_MAX_PIXELS (a
   * decompression bomb is a few kilobytes claiming gigapixels) is refused before any decoding.
   */
  private async assertBoundedHeader(
    upload: Buffer,
    format: UploadFormat,
    options: SharpOptions,
  ): Promise<void> {
    let metadata: sharp.Metadata;
    try {
      // Reading the header decodes no pixels; the limit is checked below, with its details.
      metadata = await sharp(upload, { ...options, limitInputPixels: false }).metadata();
    } catch {
      throw MediaError.unsupported('The file is not a readable image');
    }
    const { width, height } = metadata;
    // Bytes that start like one format and parse as another are not what they claim.
    if (metadata.format !== format || !width || !height) throw MediaError.unsupported();
    if (width * height > MEDIA_MAX_PIXELS) {
      throw MediaError.tooLarge(
        `The picture has ${width}×${height} pixels; at most ${MEDIA_MAX_PIXELS} are accepted`,
        { maxPixels: MEDIA_MAX_PIXELS, width, height },
      );
    }
  }
}

/** The 64-bit dHash of a picture (see `dHashOfGrid`). */
export async function perceptualHashOf(image: Buffer): Promise<string> {
  const grid = await sharp(image)
    .greyscale()
    .resize(DHASH_GRID_WIDTH, DHASH_GRID_HEIGHT, { fit: 'fill' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  return dHashOfGrid(grid);
}
