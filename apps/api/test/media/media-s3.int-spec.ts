import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { MediaSweep } from '../../src/modules/media/media-sweep';
import { MediaEntity } from '../../src/modules/media/media.entity';
import { MediaStorage } from '../../src/modules/media/storage/media-storage';
import { S3MediaStorage } from '../../src/modules/media/storage/s3-media-storage';
import { fetchMedia, jpegWithGps, photoUploader, uploadedPhoto } from '../support/media';
import { localS3, S3RVER_KEY } from '../support/s3-server';
import { useTestApp } from '../support/test-app';

describe(`${S3MediaStorage.name}: photos in an S3-compatible bucket (integration, real S3 protocol)`, () => {
  const s3 = localS3();
  beforeAll(() => s3.start());
  const ctx = useTestApp({ env: () => s3.env() });
  afterAll(() => s3.stop());

  let client: S3Client;
  let uploader: { id: string; token: string };
  beforeAll(async () => {
    client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY },
    });
    uploader = await photoUploader(ctx.app);
  });
  afterAll(() => client.destroy());
  afterEach(() => ctx.restoreNow());

  const objectBytes = async (key: string): Promise<Buffer> => {
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    return Buffer.from(
      await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
    );
  };
  const exists = async (key: string): Promise<boolean> => {
    try {
      await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
      return true;
    } catch {
      return false;
    }
  };

  it('runs the app on the S3 driver chosen by the configuration', () => {
    expect(ctx.config.mediaStorage).toMatchObject({ driver: 's3', bucket: s3.bucket });
    expect(ctx.app.get(MediaStorage)).toBeInstanceOf(S3MediaStorage);
  });

  it('uploads into the bucket, serves the object through the signed URL, and deletes it', async () => {
    const view = await uploadedPhoto(ctx.app, uploader.token, await jpegWithGps({ seed: 21 }));
    const row = await ctx.dataSource.getRepository(MediaEntity).findOneByOrFail({ id: view.id });

    // Stored in the bucket under the server's keys, and nowhere on the API's disk.
    expect(await exists(row.storageKey)).toBe(true);
    expect(await exists(row.thumbKey)).toBe(true);
    expect(existsSync(join(ctx.database.dataDir, 'media'))).toBe(false);

    const full = await fetchMedia(ctx.app, view.url);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(Number(full.headers['content-length'])).toBe(row.bytes);
    expect(full.bytes.equals(await objectBytes(row.storageKey))).toBe(true);
    expect((await sharp(full.bytes).metadata()).exif).toBeUndefined();
    const thumb = await fetchMedia(ctx.app, view.thumbUrl);
    expect(thumb.bytes.equals(await objectBytes(row.thumbKey))).toBe(true);

    // Never attached: a day later the sweep deletes both objects, then the row.
    ctx.setNow(new Date(Date.now() + 25 * 3600 * 1000));
    const run = await ctx.app.get(MediaSweep).sweep();
    expect(run).toEqual({ deleted: 1, failures: 0 });
    expect(await exists(row.storageKey)).toBe(false);
    expect(await exists(row.thumbKey)).toBe(false);
    expect(await ctx.dataSource.getRepository(MediaEntity).countBy({ id: view.id })).toBe(0);
    expect((await fetchMedia(ctx.app, view.url)).status).toBe(404);
  });

  it('answers 404 for a photo whose object is missing from the bucket', async () => {
    const view = await uploadedPhoto(ctx.app, uploader.token, await jpegWithGps({ seed: 22 }));
    const row = await ctx.dataSource.getRepository(MediaEntity).findOneByOrFail({ id: view.id });
    await ctx.app.get(MediaStorage).delete(row.thumbKey);

    expect((await fetchMedia(ctx.app, view.thumbUrl)).status).toBe(404);
    expect((await fetchMedia(ctx.app, view.url)).status).toBe(200);
  });

  it('treats deleting an absent object as done', async () => {
    await expect(
      ctx.app.get(MediaStorage).delete('photos/2000/01/absent.jpg'),
    ).resolves.toBeUndefined();
  });
});
