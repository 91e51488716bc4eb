import { MEDIA_MAX_PIXELS } from '@yizhan/contracts';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { MediaError } from './media.errors';
import { HEIC_SUPPORTED, PhotoProcessor, sniffUploadFormat } from './photo-processor';

const bytes = (...parts: Array<number[] | string>) =>
  Buffer.concat(
    parts.map((part) =>
      typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part),
    ),
  );

function pngChunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

describe(sniffUploadFormat.name, () => {
  it.each<[string, Buffer, string | null]>([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'), 'jpeg'],
    ['PNG', bytes([0x89], 'PNG\r\n\x1a\n', 'IHDR'), 'png'],
    ['WebP', bytes('RIFF', [0x10, 0, 0, 0], 'WEBPVP8 '), 'webp'],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [0x10, 0, 0, 0], 'WAVEfmt '), null],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), null],
    ['PDF', bytes('%PDF-1.7\n'), null],
    ['PHP', bytes('<?php echo 1; ?>'), null],
    ['HTML', bytes('<!doctype html>'), null],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['AVIF', bytes([0, 0, 0, 0x1c], 'ftypavif', [0, 0, 0, 0]), null],
    ['two bytes of a JPEG', bytes([0xff, 0xd8]), null],
    ['nothing', Buffer.alloc(0), null],
  ])('reads %s from its first bytes', (_name, input, expected) => {
    expect(sniffUploadFormat(input)).toBe(expected);
  });

  it('takes HEIC only when this libvips decodes it', () => {
    const heic = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic');

    expect(sniffUploadFormat(heic)).toBe(HEIC_SUPPORTED ? 'heif' : null);
  });
});

describe(PhotoProcessor.name, () => {
  const processor = new PhotoProcessor();

  it('makes an upright sRGB JPEG without metadata, its thumbnail and its hash', async () => {
    const upload = await sharp({
      create: { width: 2000, height: 1000, channels: 3, background: '#3a7' },
    })
      .withMetadata({ orientation: 8, density: 300 })
      .png()
      .toBuffer();

    const photo = await processor.process(upload);

    // Orientation 8 turns the picture a quarter: 2000 × 1000 is shown 1000 × 2000.
    expect(photo).toMatchObject({ width: 800, height: 1600, contentType: 'image/jpeg' });
    expect(photo.phash).toMatch(/^[0-9a-f]{16}$/);
    const full = await sharp(photo.full).metadata();
    expect(full).toMatchObject({ format: 'jpeg', width: 800, height: 1600, space: 'srgb' });
    expect([full.exif, full.icc, full.xmp, full.orientation]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(await sharp(photo.thumb).metadata()).toMatchObject({ width: 160, height: 320 });
  });

  it('refuses bytes that are no accepted image with 415', async () => {
    await expect(processor.process(Buffer.from('GIF89a'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('refuses a picture over the pixel limit from its header with 413 and the limit', async () => {
    const side = Math.ceil(Math.sqrt(MEDIA_MAX_PIXELS)) + 1;
    // A PNG signature, a header claiming side × side, and two bytes of image data.
    const header = Buffer.alloc(13);
    header.writeUInt32BE(side, 0);
    header.writeUInt32BE(side, 4);
    header.set([8, 0], 8); // 8-bit greyscale
    const png = Buffer.concat([
      bytes([0x89], 'PNG\r\n\x1a\n'),
      pngChunk('IHDR', header),
      pngChunk('IDAT', Buffer.from([0x78, 0x9c])),
    ]);

    const refusal = processor.process(png);
    await expect(refusal).rejects.toBeInstanceOf(MediaError);
    await expect(refusal).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { maxPixels: MEDIA_MAX_PIXELS, width: side, height: side },
    });
  });
});
