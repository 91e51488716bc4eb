import {
  MEDIA_LONG_SIDE_PX,
  MEDIA_MAX_BYTES,
  MEDIA_MAX_PIXELS,
  MEDIA_THUMB_LONG_SIDE_PX,
  MEDIA_URL_TTL_SECONDS,
  MediaView,
} from '@yizhan/contracts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { MediaEntity } from '../../src/modules/media/media.entity';
import { MediaService } from '../../src/modules/media/media.service';
import { MediaStorage } from '../../src/modules/media/storage/media-storage';
import { createUser } from '../support/accounts';
import { api, outcome } from '../support/http';
import {
  exifIfd0Tags,
  fetchMedia,
  GPS_IFD_POINTER,
  jpegWithGps,
  multipartBody,
  photoUploader,
  pngBomb,
  postMedia,
  testJpeg,
  testPng,
  uploadedPhoto,
  uploadPhoto,
} from '../support/media';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((path) =>
    statSync(join(root, path)).isFile(),
  );
}

describe(`${MediaService.name}: POST /media and the signed photo URLs (integration)`, () => {
  const ctx = useTestApp();
  let uploader: { id: string; token: string };
  const mediaDir = () => join(ctx.database.dataDir, 'media');
  const rows = () => ctx.dataSource.getRepository(MediaEntity);
  const rowOf = (view: MediaView) => rows().findOneByOrFail({ id: view.id });

  beforeAll(async () => {
    uploader = await photoUploader(ctx.app);
  });
  afterEach(() => ctx.restoreNow());

  describe('who may upload', () => {
    it('answers 401 without a token, before reading the file', async () => {
      expect(outcome(await uploadPhoto(ctx.app, undefined, await testJpeg()))).toEqual([
        401,
        'UNAUTHENTICATED',
      ]);
    });

    it('answers 403 CONSENT_REQUIRED to a signed-in user who has not consented to photos', async () => {
      const token = await tokenFor(ctx.app, await createUser(ctx.app));
      const response = await uploadPhoto(ctx.app, token, await testJpeg());

      expect(outcome(response)).toEqual([403, 'CONSENT_REQUIRED']);
      expect(response.body).toMatchObject({ error: { details: { kind: 'photos' } } });
    });
  });

  describe('a JPEG', () => {
    let view: MediaView;
    let original: Buffer;

    beforeAll(async () => {
      original = await testJpeg({ width: 1200, height: 900, seed: 3 });
      const response = await uploadPhoto(ctx.app, uploader.token, original);
      expect(response.status).toBe(201);
      view = response.body;
    });

    it('answers 201 with signed, expiring URLs of the photo and its thumbnail', () => {
      expect(view).toEqual({
        id: expect.stringMatching(UUID) as string,
        url: expect.stringMatching(/^\/api\/v1\/media\/[0-9a-f-]{36}\/full\?exp=\d+&sig=[\w-]+$/),
        thumbUrl: expect.stringMatching(
          /^\/api\/v1\/media\/[0-9a-f-]{36}\/thumb\?exp=\d+&sig=[\w-]+$/,
        ),
        width: 1200,
        height: 900,
        urlExpiresAt: expect.any(String),
      });
      const expiresIn = (Date.parse(view.urlExpiresAt) - Date.now()) / 1000;
      expect(expiresIn).toBeGreaterThanOrEqual(MEDIA_URL_TTL_SECONDS - 5);
      expect(expiresIn).toBeLessThanOrEqual(MEDIA_URL_TTL_SECONDS + 600);
    });

    it('records the uploader’s unattached photo under server-made keys', async () => {
      const row = await rowOf(view);

      expect(row).toMatchObject({
        uploaderId: uploader.id,
        contentType: 'image/jpeg',
        targetType: null,
        targetId: null,
        width: 1200,
        height: 900,
      });
      expect(row.storageKey).toMatch(new RegExp(`^photos/\\d{4}/\\d{2}/${view.id}\\.jpg$`));
      expect(row.thumbKey).toBe(row.storageKey.replace(/\.jpg$/, '-thumb.jpg'));
      expect(row.phash).toMatch(/^[0-9a-f]{16}$/);
      expect([row.phashBand0, row.phashBand1, row.phashBand2, row.phashBand3].join('')).toBe(
        row.phash,
      );
      expect(statSync(join(mediaDir(), row.storageKey)).size).toBe(row.bytes);
    });

    it('serves the photo through its URL as a JPEG, cacheable privately until it expires', async () => {
      const response = await fetchMedia(ctx.app, view.url);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(Number(response.headers['content-length'])).toBe(response.bytes.length);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      const maxAge = Number(
        /^private, max-age=(\d+)$/.exec(String(response.headers['cache-control']))?.[1],
      );
      const secondsLeft = (Date.parse(view.urlExpiresAt) - Date.now()) / 1000;
      expect(Math.abs(maxAge - secondsLeft)).toBeLessThanOrEqual(2);
      const stored = await sharp(response.bytes).metadata();
      expect(stored).toMatchObject({ format: 'jpeg', width: 1200, height: 900 });
    });

    it('serves a thumbnail whose long side is the thumbnail size', async () => {
      const response = await fetchMedia(ctx.app, view.thumbUrl);

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(await sharp(response.bytes).metadata()).toMatchObject({
        format: 'jpeg',
        width: MEDIA_THUMB_LONG_SIDE_PX,
        height: 240,
      });
    });

    it('re-encodes the photo rather than keeping the uploaded bytes', async () => {
      const response = await fetchMedia(ctx.app, view.url);

      expect(response.bytes.equals(original)).toBe(false);
    });
  });

  describe('what is stored of a photo', () => {
    it('keeps no EXIF at all: a photo with GPS comes back without any metadata', async () => {
      const withGps = await jpegWithGps({ width: 640, height: 480, seed: 5 });
      // The upload really carries a camera, a GPS block and the marker of an EXIF segment.
      const sent = await sharp(withGps).metadata();
      expect(sent.exif).toBeDefined();
      expect(exifIfd0Tags(sent.exif as Buffer)).toContain(GPS_IFD_POINTER);
      expect(withGps.includes('YizhanTestCam')).toBe(true);

      const view = await uploadedPhoto(ctx.app, uploader.token, withGps);
      for (const url of [view.url, view.thumbUrl]) {
        const { status, bytes } = await fetchMedia(ctx.app, url);
        expect(status).toBe(200);
        const stored = await sharp(bytes).metadata();
        expect(stored.exif).toBeUndefined();
        expect(stored.xmp).toBeUndefined();
        expect(stored.iptc).toBeUndefined();
        expect(stored.icc).toBeUndefined();
        expect(stored.orientation).toBeUndefined();
        expect(bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
        expect(bytes.includes('YizhanTestCam')).toBe(false);
      }
    });

    it('turns a photo upright by its EXIF orientation', async () => {
      // Stored sideways (800 × 600) with "rotate 90° clockwise to view" (orientation 6).
      const sideways = await jpegWithGps({ width: 800, height: 600, seed: 6 }, 6);
      expect(await sharp(sideways).metadata()).toMatchObject({
        width: 800,
        height: 600,
        orientation: 6,
      });

      const view = await uploadedPhoto(ctx.app, uploader.token, sideways);

      expect(view).toMatchObject({ width: 600, height: 800 });
      const stored = await sharp((await fetchMedia(ctx.app, view.url)).bytes).metadata();
      expect(stored).toMatchObject({ width: 600, height: 800 });
      expect(stored.orientation).toBeUndefined();
      const thumb = await sharp((await fetchMedia(ctx.app, view.thumbUrl)).bytes).metadata();
      expect(thumb).toMatchObject({ width: 240, height: MEDIA_THUMB_LONG_SIDE_PX });
    });

    it('bounds the long side to the stored size, and never enlarges a small photo', async () => {
      const large = await uploadedPhoto(
        ctx.app,
        uploader.token,
        await testJpeg({ width: 2400, height: 3000, seed: 7 }),
      );
      const small = await uploadedPhoto(
        ctx.app,
        uploader.token,
        await testJpeg({ width: 300, height: 200, seed: 8 }),
      );

      expect(large).toMatchObject({ width: 1280, height: MEDIA_LONG_SIDE_PX });
      expect(await sharp((await fetchMedia(ctx.app, large.url)).bytes).metadata()).toMatchObject({
        width: 1280,
        height: MEDIA_LONG_SIDE_PX,
      });
      expect(small).toMatchObject({ width: 300, height: 200 });
      expect(
        await sharp((await fetchMedia(ctx.app, small.thumbUrl)).bytes).metadata(),
      ).toMatchObject({ width: 300, height: 200 });
    });

    it('takes the type from the bytes: a PNG named .gif and sent as text/plain is a photo', async () => {
      const response = await postMedia(ctx.app, uploader.token, [
        {
          field: 'file',
          filename: 'notes.gif',
          contentType: 'text/plain',
          content: await testPng(),
        },
      ]);

      expect(response.status).toBe(201);
      const served = await fetchMedia(ctx.app, response.body.url);
      expect((await sharp(served.bytes).metadata()).format).toBe('jpeg');
    });

    it('accepts WebP, and a transparent PNG comes out on white', async () => {
      const webp = await sharp(await testJpeg({ seed: 9 }))
        .webp()
        .toBuffer();
      expect((await uploadPhoto(ctx.app, uploader.token, webp)).status).toBe(201);

      const transparent = await sharp({
        create: { width: 40, height: 40, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
      })
        .png()
        .toBuffer();
      const view = await uploadedPhoto(ctx.app, uploader.token, transparent);
      const { data } = await sharp((await fetchMedia(ctx.app, view.url)).bytes)
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(Math.min(...data)).toBeGreaterThan(245);
    });

    it('ignores the client’s file name: "../../x.jpg" lands under a server-made key', async () => {
      const escaped = [
        join(mediaDir(), '..', '..', 'x.jpg'),
        join(mediaDir(), '..', 'x.jpg'),
        join(mediaDir(), 'x.jpg'),
      ];
      const existedBefore = escaped.map((path) => existsSync(path));
      const response = await uploadPhoto(
        ctx.app,
        uploader.token,
        await testJpeg({ seed: 10 }),
        '../../x.jpg',
      );

      expect(response.status).toBe(201);
      const row = await rowOf(response.body);
      expect(row.storageKey).toMatch(new RegExp(`^photos/\\d{4}/\\d{2}/${row.id}\\.jpg$`));
      expect(escaped.map((path) => existsSync(path))).toEqual(existedBefore);
      expect(filesUnder(ctx.database.dataDir).filter((path) => path.endsWith('x.jpg'))).toEqual([]);
      // Every stored file is a photo or thumbnail named by a media id, inside the media folder.
      for (const path of filesUnder(mediaDir())) {
        expect(path).toMatch(/^photos\/\d{4}\/\d{2}\/[0-9a-f-]{36}(-thumb)?\.jpg$/);
      }
    });
  });

  describe('what is refused, with nothing stored', () => {
    let rowsBefore = 0;
    let filesBefore: string[] = [];
    beforeEach(async () => {
      rowsBefore = await rows().count();
      filesBefore = filesUnder(mediaDir());
    });
    afterEach(async () => {
      expect(await rows().count()).toBe(rowsBefore);
      expect(filesUnder(mediaDir())).toEqual(filesBefore);
    });

    it.each([
      ['a PHP script', '<?php system($_GET["c"]); ?>\n'],
      ['an HTML page', '<!doctype html><html><script>alert(1)</script></html>'],
      ['an SVG drawing', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['a GIF', 'GIF89a\x01\x00\x01\x00\x00\x00\x00;'],
    ])('answers 415 to %s named .jpg and sent as image/jpeg', async (_name, content) => {
      const response = await uploadPhoto(
        ctx.app,
        uploader.token,
        Buffer.from(content),
        'photo.jpg',
      );

      expect(outcome(response)).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('answers 415 to bytes that start like a JPEG and are not one', async () => {
      const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('<?php ?>')]);

      expect(outcome(await uploadPhoto(ctx.app, uploader.token, fake))).toEqual([
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ]);
    });

    it('answers 415 to a truncated JPEG', async () => {
      const whole = await testJpeg({ width: 1000, height: 800, seed: 11 });

      expect(
        outcome(await uploadPhoto(ctx.app, uploader.token, whole.subarray(0, whole.length / 2))),
      ).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    });

    it('answers 503 when the storage fails, and keeps no file of the photo', async () => {
      const storage = ctx.app.get(MediaStorage);
      const realPut = storage.put.bind(storage);
      let calls = 0;
      // The photo is stored, then the thumbnail fails.
      const put = jest.spyOn(storage, 'put').mockImplementation(async (key, bytes, type) => {
        calls += 1;
        if (calls === 2) throw new Error('disk full');
        return realPut(key, bytes, type);
      });
      try {
        const response = await uploadPhoto(ctx.app, uploader.token, await testJpeg({ seed: 15 }));

        expect(outcome(response)).toEqual([503, 'SERVICE_UNAVAILABLE']);
      } finally {
        put.mockRestore();
      }
    });

    it('answers 413 to a body over the limit, refused by its declared length', async () => {
      const oversize = Buffer.alloc(MEDIA_MAX_BYTES + 1024 * 1024, 0x41);
      oversize.set([0xff, 0xd8, 0xff, 0xe0]);
      const response = await uploadPhoto(ctx.app, uploader.token, oversize);

      expect(outcome(response)).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(response.body).toMatchObject({ error: { details: { maxBytes: MEDIA_MAX_BYTES } } });
    });

    it('answers 413 to a streamed file over the limit (no length declared)', async () => {
      const oversize = Buffer.alloc(MEDIA_MAX_BYTES + 1, 0x41);
      oversize.set([0xff, 0xd8, 0xff, 0xe0]);
      const { payload, contentType } = multipartBody([
        { field: 'file', filename: 'big.jpg', contentType: 'image/jpeg', content: oversize },
      ]);
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/media',
        headers: { authorization: `Bearer ${uploader.token}`, 'content-type': contentType },
        // A stream has no length: the limit has to cut it off while it arrives.
        payload: Readable.from(chunksOf(payload, 64 * 1024)),
      });

      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    });

    it('refuses a 20000 × 20000 PNG bomb from its header, without decoding it', async () => {
      const bomb = pngBomb(20_000, 20_000);
      expect(bomb.length).toBeLessThan(100 * 1024);
      const rssBefore = process.memoryUsage().rss;
      // Measured: refused in 4–20 ms; decoding would mean 400 million pixels.
      const response = await uploadPhoto(ctx.app, uploader.token, bomb, 'bomb.png');
      const rssGrowth = process.memoryUsage().rss - rssBefore;

      expect(outcome(response)).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      expect(response.body).toMatchObject({
        error: { details: { maxPixels: MEDIA_MAX_PIXELS, width: 20_000, height: 20_000 } },
      });
      expect(rssGrowth).toBeLessThan(200 * 1024 * 1024);
    });

    it('refuses a header-only PNG claiming 20000 × 20000 the same way', async () => {
      const response = await uploadPhoto(ctx.app, uploader.token, pngBomb(20_000, 20_000, true));

      expect(outcome(response)).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    });

    it('answers 415 to a small PNG whose image data is cut off', async () => {
      expect(outcome(await uploadPhoto(ctx.app, uploader.token, pngBomb(400, 300, true)))).toEqual([
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ]);
    });

    it.each([
      ['no file part at all', [{ field: 'caption', content: 'hello' }]],
      [
        'the file under another field',
        [{ field: 'photo', filename: 'a.jpg', contentType: 'image/jpeg', content: 'JPEG' }],
      ],
      [
        'an extra field next to the file',
        [
          { field: 'caption', content: 'hello' },
          { field: 'file', filename: 'a.jpg', contentType: 'image/jpeg', content: 'JPEG' },
        ],
      ],
      [
        'a second file',
        [
          { field: 'file', filename: 'a.jpg', contentType: 'image/jpeg', content: 'JPEG' },
          { field: 'file', filename: 'b.jpg', contentType: 'image/jpeg', content: 'JPEG' },
        ],
      ],
    ])('answers 400 VALIDATION_FAILED to %s', async (_name, parts) => {
      expect(outcome(await postMedia(ctx.app, uploader.token, parts))).toEqual([
        400,
        'VALIDATION_FAILED',
      ]);
    });

    it('answers 400 to a JSON body and to a malformed multipart body', async () => {
      const json = await api(ctx.app, {
        method: 'POST',
        path: '/media',
        token: uploader.token,
        body: { file: 'data:image/jpeg;base64,/9j/' },
      });
      expect(outcome(json)).toEqual([400, 'VALIDATION_FAILED']);

      const { payload, contentType } = multipartBody([
        { field: 'file', filename: 'a.jpg', contentType: 'image/jpeg', content: await testJpeg() },
      ]);
      const cut = await api(ctx.app, {
        method: 'POST',
        path: '/media',
        token: uploader.token,
        payload: payload.subarray(0, payload.length - 200),
        headers: { 'content-type': contentType },
      });
      expect(outcome(cut)).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('signed URLs', () => {
    let view: MediaView;
    beforeAll(async () => {
      view = await uploadedPhoto(ctx.app, uploader.token, await testJpeg({ seed: 12 }));
    });
    const withQuery = (url: string, change: (query: URLSearchParams) => void) => {
      const [path, search] = url.split('?');
      const query = new URLSearchParams(search);
      change(query);
      return `${path}?${query.toString()}`;
    };

    it('answers 404 NOT_FOUND without a signature', async () => {
      for (const url of [view.url.split('?')[0], withQuery(view.url, (q) => q.delete('sig'))]) {
        const response = await fetchMedia(ctx.app, url);
        expect(response.status).toBe(404);
        expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'NOT_FOUND' } });
      }
    });

    it('answers 404 to a tampered signature or expiry', async () => {
      const sig = new URLSearchParams(view.url.split('?')[1]).get('sig') as string;
      const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
      const exp = Number(new URLSearchParams(view.url.split('?')[1]).get('exp'));

      for (const url of [
        withQuery(view.url, (q) => q.set('sig', flipped)),
        withQuery(view.url, (q) => q.set('exp', String(exp + 3600))),
        withQuery(view.url, (q) => q.set('exp', 'soon')),
      ]) {
        expect((await fetchMedia(ctx.app, url)).status).toBe(404);
      }
    });

    it('answers 404 to one variant’s signature used for the other, and to other variants', async () => {
      const fullQuery = view.url.split('?')[1];
      for (const url of [
        `/api/v1/media/${view.id}/thumb?${fullQuery}`,
        `/api/v1/media/${view.id}/original?${fullQuery}`,
      ]) {
        expect((await fetchMedia(ctx.app, url)).status).toBe(404);
      }
    });

    it('answers 404 to a signature of another photo or an unknown id', async () => {
      const other = await uploadedPhoto(ctx.app, uploader.token, await testJpeg({ seed: 13 }));
      const otherQuery = other.url.split('?')[1];

      expect(
        (await fetchMedia(ctx.app, `/api/v1/media/${view.id}/full?${otherQuery}`)).status,
      ).toBe(404);
      expect(
        (await fetchMedia(ctx.app, `/api/v1/media/not-a-uuid/full?${otherQuery}`)).status,
      ).toBe(404);
    });

    it('answers 404 once the URL has expired, and 200 until then', async () => {
      const expiresAt = Date.parse(view.urlExpiresAt);

      ctx.setNow(new Date(expiresAt - 1000));
      const late = await fetchMedia(ctx.app, view.url);
      expect(late.status).toBe(200);
      expect(late.headers['cache-control']).toBe('private, max-age=1');

      ctx.setNow(new Date(expiresAt));
      expect((await fetchMedia(ctx.app, view.url)).status).toBe(404);
      ctx.setNow(new Date(expiresAt + 24 * 3600 * 1000));
      expect((await fetchMedia(ctx.app, view.thumbUrl)).status).toBe(404);
    });

    it('answers 503 while the storage cannot be read', async () => {
      const storage = ctx.app.get(MediaStorage);
      const get = jest.spyOn(storage, 'get').mockRejectedValue(new Error('connection reset'));
      try {
        const response = await fetchMedia(ctx.app, view.url);

        expect(response.status).toBe(503);
        expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
      } finally {
        get.mockRestore();
      }
    });

    it('answers 404 when the file is gone from storage', async () => {
      const gone = await uploadedPhoto(ctx.app, uploader.token, await testJpeg({ seed: 14 }));
      const row = await rowOf(gone);
      await ctx.app.get(MediaService).removeFiles(row);

      expect((await fetchMedia(ctx.app, gone.url)).status).toBe(404);
    });
  });
});

function* chunksOf(bytes: Buffer, size: number): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
