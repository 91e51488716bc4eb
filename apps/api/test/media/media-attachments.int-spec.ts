import { MediaView } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { Transactions } from '../../src/database/transactions';
import {
  MediaAttachments,
  MediaTarget,
  SAME_PICTURE_MAX_DISTANCE,
} from '../../src/modules/media/media-attachments';
import { MediaEntity } from '../../src/modules/media/media.entity';
import { hammingDistance } from '../../src/modules/media/perceptual-hash';
import { fetchMedia, photoUploader, testJpeg, uploadedPhoto } from '../support/media';
import { useTestApp } from '../support/test-app';

const NOW = new Date('2026-11-24T02:00:00Z');

describe(`${MediaAttachments.name}: attaching photos and finding reused ones (integration)`, () => {
  const ctx = useTestApp();
  let alice: { id: string; token: string };
  let bob: { id: string; token: string };
  let seed = 200;

  beforeAll(async () => {
    alice = await photoUploader(ctx.app);
    bob = await photoUploader(ctx.app);
  });

  const attachments = () => ctx.app.get(MediaAttachments);
  const attach = (ids: string[], uploaderId: string, target: MediaTarget) =>
    ctx.app
      .get(Transactions)
      .run((manager) => attachments().attach(manager, ids, uploaderId, target, NOW));
  const photoOf = async (user: { token: string }, picture?: Buffer): Promise<MediaView> =>
    uploadedPhoto(
      ctx.app,
      user.token,
      picture ?? (await testJpeg({ width: 400, height: 300, seed: (seed += 1) })),
    );
  const rowOf = (id: string) => ctx.dataSource.getRepository(MediaEntity).findOneByOrFail({ id });
  const report = (): MediaTarget => ({ type: 'report', id: randomUUID() });
  const refusal = (ids: string[]) => ({
    code: 'MEDIA_NOT_ATTACHABLE',
    status: 422,
    details: { mediaIds: ids },
  });

  describe('attach', () => {
    it('attaches the uploader’s photos in the given order, and views list them so', async () => {
      const [first, second, third] = [
        await photoOf(alice),
        await photoOf(alice),
        await photoOf(alice),
      ];
      const target = report();

      await attach([third.id, first.id, second.id], alice.id, target);

      const rows = await Promise.all([third, first, second].map((photo) => rowOf(photo.id)));
      expect(rows.map((row) => [row.targetType, row.targetId, row.position])).toEqual([
        ['report', target.id, 0],
        ['report', target.id, 1],
        ['report', target.id, 2],
      ]);
      expect(rows.every((row) => row.attachedAt?.getTime() === NOW.getTime())).toBe(true);
      const views = await attachments().viewsOf('report', [target.id, randomUUID()]);
      expect(views.get(target.id)?.map((view) => view.id)).toEqual([third.id, first.id, second.id]);
      expect([...views.values()][1]).toEqual([]);
      // The views carry working signed URLs.
      const thumb = views.get(target.id)?.[0].thumbUrl as string;
      expect((await fetchMedia(ctx.app, thumb)).status).toBe(200);
    });

    it('appends photos attached later after the target’s others', async () => {
      const target = report();
      const [a, b] = [await photoOf(alice), await photoOf(alice)];
      await attach([a.id], alice.id, target);
      await attach([b.id], alice.id, target);

      expect((await rowOf(b.id)).position).toBe(1);
    });

    it('refuses another user’s photo with 422 MEDIA_NOT_ATTACHABLE, attaching none of the list', async () => {
      const own = await photoOf(alice);
      const others = await photoOf(bob);

      await expect(attach([own.id, others.id], alice.id, report())).rejects.toMatchObject(
        refusal([others.id]),
      );
      expect(await rowOf(own.id)).toMatchObject({ targetId: null, targetType: null });
      expect(await rowOf(others.id)).toMatchObject({ targetId: null });
    });

    it('refuses unknown ids', async () => {
      const unknown = randomUUID();

      await expect(attach([unknown], alice.id, report())).rejects.toMatchObject(refusal([unknown]));
    });

    it('refuses a photo already attached to another target, and keeps it where it is', async () => {
      const photo = await photoOf(alice);
      const first = report();
      await attach([photo.id], alice.id, first);

      await expect(attach([photo.id], alice.id, report())).rejects.toMatchObject(
        refusal([photo.id]),
      );
      await expect(
        attach([photo.id], alice.id, { type: 'station', id: first.id }),
      ).rejects.toMatchObject(refusal([photo.id]));
      expect(await rowOf(photo.id)).toMatchObject({ targetType: 'report', targetId: first.id });
    });

    it('accepts a retry to the same target without moving anything', async () => {
      const [a, b] = [await photoOf(alice), await photoOf(alice)];
      const target = report();
      await attach([a.id, b.id], alice.id, target);

      await expect(attach([a.id, b.id], alice.id, target)).resolves.toBeUndefined();
      expect((await rowOf(a.id)).position).toBe(0);
      expect((await rowOf(b.id)).position).toBe(1);
    });

    it('attaches an id sent twice once, and reads ids in any letter case', async () => {
      const [a, b] = [await photoOf(alice), await photoOf(alice)];
      const target = report();

      await attach([a.id, a.id.toUpperCase(), b.id], alice.id, target);

      expect((await rowOf(a.id)).position).toBe(0);
      expect((await rowOf(b.id)).position).toBe(1);
    });

    it('lets only one of two parallel requests attach the same photo', async () => {
      const photo = await photoOf(alice);
      const targets = [report(), report()];

      const outcomes = await Promise.allSettled(
        targets.map((target) => attach([photo.id], alice.id, target)),
      );

      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const row = await rowOf(photo.id);
      expect(targets.map((target) => target.id)).toContain(row.targetId);
    });
  });

  describe('reusedOnOthersReports', () => {
    let original: Buffer;
    let onBobsReport: MediaView;

    beforeAll(async () => {
      original = await testJpeg({ width: 1800, height: 1200, seed: 300 });
      onBobsReport = await photoOf(bob, original);
      await attach([onBobsReport.id], bob.id, report());
    });

    it('finds a re-encoded, resized re-upload of another worker’s report photo', async () => {
      const copy = await sharp(original).resize(900).jpeg({ quality: 55 }).toBuffer();
      const reupload = await photoOf(alice, copy);
      const fresh = await photoOf(alice);

      const distance = hammingDistance(
        (await rowOf(reupload.id)).phash,
        (await rowOf(onBobsReport.id)).phash,
      );
      expect(distance).toBeLessThanOrEqual(SAME_PICTURE_MAX_DISTANCE);
      expect(
        hammingDistance((await rowOf(fresh.id)).phash, (await rowOf(reupload.id)).phash),
      ).toBeGreaterThan(10);
      expect(await attachments().reusedOnOthersReports([fresh.id, reupload.id], alice.id)).toEqual([
        reupload.id,
      ]);
    });

    it('does not count the uploader’s own photos, nor photos that are not on a report', async () => {
      const ownCopy = await photoOf(bob, await sharp(original).png().toBuffer());
      expect(await attachments().reusedOnOthersReports([ownCopy.id], bob.id)).toEqual([]);

      const stationPicture = await testJpeg({ width: 800, height: 600, seed: 301 });
      const onStation = await photoOf(bob, stationPicture);
      await attach([onStation.id], bob.id, { type: 'station', id: randomUUID() });
      const copy = await photoOf(alice, stationPicture);
      expect(await attachments().reusedOnOthersReports([copy.id], alice.id)).toEqual([]);
      expect(await attachments().reusedOnOthersReports([], alice.id)).toEqual([]);
    });
  });
});
