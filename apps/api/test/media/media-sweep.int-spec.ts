import { MediaView } from '@yizhan/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MediaAttachments } from '../../src/modules/media/media-attachments';
import { MediaSweep, UNATTACHED_MAX_AGE_MS } from '../../src/modules/media/media-sweep';
import { DISCARDED, MediaEntity } from '../../src/modules/media/media.entity';
import { MediaStorage } from '../../src/modules/media/storage/media-storage';
import { Transactions } from '../../src/database/transactions';
import { photoUploader, testJpeg, uploadedPhoto } from '../support/media';
import { useTestApp } from '../support/test-app';

const HOUR = 3600 * 1000;
/** The suite's clock: uploads happen at T0, the sweep runs later. */
const T0 = new Date('2026-11-20T02:00:00Z');

describe(`${MediaSweep.name}: unattached and discarded photos are deleted (integration)`, () => {
  const ctx = useTestApp();
  let uploader: { id: string; token: string };
  let seed = 100;

  beforeAll(async () => {
    uploader = await photoUploader(ctx.app);
  });
  afterEach(() => {
    ctx.restoreNow();
    jest.restoreAllMocks();
  });

  const rows = () => ctx.dataSource.getRepository(MediaEntity);
  const rowOf = (view: MediaView) => rows().findOneBy({ id: view.id });
  const stored = (key: string) => existsSync(join(ctx.database.dataDir, 'media', key));
  const uploadAt = async (at: Date): Promise<MediaView> => {
    ctx.setNow(at);
    return uploadedPhoto(
      ctx.app,
      uploader.token,
      await testJpeg({ width: 200, height: 150, seed: (seed += 1) }),
    );
  };
  const sweepAt = (at: Date) => {
    ctx.setNow(at);
    return ctx.app.get(MediaSweep).sweep();
  };
  /** Deletes everything due first, so each test counts only its own photos. */
  const sweepAll = () => sweepAt(new Date(Date.now() + 1000 * 24 * HOUR));

  it('deletes a photo never attached after 24 hours: both files, then the row', async () => {
    await sweepAll();
    const old = await uploadAt(T0);
    const row = (await rowOf(old)) as MediaEntity;
    expect(stored(row.storageKey) && stored(row.thumbKey)).toBe(true);

    expect(await sweepAt(new Date(T0.getTime() + UNATTACHED_MAX_AGE_MS - 1000))).toEqual({
      deleted: 0,
      failures: 0,
    });
    expect(await rowOf(old)).not.toBeNull();

    expect(await sweepAt(new Date(T0.getTime() + UNATTACHED_MAX_AGE_MS + 1000))).toEqual({
      deleted: 1,
      failures: 0,
    });
    expect(await rowOf(old)).toBeNull();
    expect(stored(row.storageKey)).toBe(false);
    expect(stored(row.thumbKey)).toBe(false);
  });

  it('keeps attached photos and photos younger than a day', async () => {
    await sweepAll();
    const attached = await uploadAt(T0);
    const young = await uploadAt(new Date(T0.getTime() + 20 * HOUR));
    await ctx.app
      .get(Transactions)
      .run((manager) =>
        ctx.app
          .get(MediaAttachments)
          .attach(manager, [attached.id], uploader.id, { type: 'station', id: uploader.id }, T0),
      );

    expect(await sweepAt(new Date(T0.getTime() + 30 * HOUR))).toEqual({ deleted: 0, failures: 0 });
    expect(await rowOf(attached)).toMatchObject({ targetType: 'station' });
    expect(await rowOf(young)).toMatchObject({ targetId: null });
    const kept = (await rowOf(attached)) as MediaEntity;
    expect(stored(kept.storageKey) && stored(kept.thumbKey)).toBe(true);
  });

  it('goes on past a storage error and deletes the photo on the next run', async () => {
    await sweepAll();
    const failing = await uploadAt(T0);
    const fine = await uploadAt(T0);
    const failingRow = (await rowOf(failing)) as MediaEntity;
    const storage = ctx.app.get(MediaStorage);
    const realDelete = storage.delete.bind(storage);
    jest.spyOn(storage, 'delete').mockImplementation(async (key: string) => {
      if (key === failingRow.thumbKey) throw new Error('storage unavailable');
      return realDelete(key);
    });

    const later = new Date(T0.getTime() + 25 * HOUR);
    expect(await sweepAt(later)).toEqual({ deleted: 1, failures: 1 });
    expect(await rowOf(fine)).toBeNull();
    // Kept, and marked so nothing can attach it while its files are half gone.
    expect(await rowOf(failing)).toMatchObject({ targetType: DISCARDED, targetId: failing.id });
    await expect(
      ctx.app
        .get(Transactions)
        .run((manager) =>
          ctx.app
            .get(MediaAttachments)
            .attach(manager, [failing.id], uploader.id, { type: 'report', id: failing.id }, later),
        ),
    ).rejects.toMatchObject({ code: 'MEDIA_NOT_ATTACHABLE' });

    jest.restoreAllMocks();
    expect(await sweepAt(new Date(later.getTime() + HOUR))).toEqual({ deleted: 1, failures: 0 });
    expect(await rowOf(failing)).toBeNull();
    expect(stored(failingRow.storageKey) || stored(failingRow.thumbKey)).toBe(false);
  });

  it('logs and survives a failing run when scheduled', async () => {
    jest
      .spyOn(ctx.app.get(MediaAttachments), 'unattachedBefore')
      .mockRejectedValue(new Error('db down'));

    await expect(ctx.app.get(MediaSweep).scheduled()).resolves.toBeUndefined();
  });
});
