import { MAX_STATION_PHOTOS, MediaView, StationDetail } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { MediaSweep } from '../../src/modules/media/media-sweep';
import { DISCARDED, MediaEntity } from '../../src/modules/media/media.entity';
import { StationAdminService } from '../../src/modules/stations/station-admin.service';
import { StationEntity } from '../../src/modules/stations/station.entity';
import { createDistrict, District } from '../support/accounts';
import { grantConsent } from '../support/checkin-flow';
import { createStation } from '../support/factories';
import { api, outcome } from '../support/http';
import { fetchMedia, photoUploader, testJpeg, uploadedPhoto } from '../support/media';
import { tokenFor } from '../support/rewards';
import { useTestApp } from '../support/test-app';

const LIUYANG = { lat: 28.16, lng: 113.64 };
const HANYANG = { lat: 30.55, lng: 114.25 };

describe(`${StationAdminService.name}: a station's photos (integration)`, () => {
  const ctx = useTestApp();
  let liuyang: District;
  let hanyang: District;
  let admin = '';
  let adminId = '';
  let hanyangAdmin = '';
  let manager = '';
  let seed = 400;

  beforeAll(async () => {
    liuyang = await createDistrict(ctx.app, 'liuyang', LIUYANG);
    hanyang = await createDistrict(ctx.app, 'hanyang', HANYANG);
    adminId = liuyang.staff.district_admin.id;
    for (const staff of [liuyang.staff.district_admin, hanyang.staff.district_admin]) {
      await grantConsent(ctx.dataSource, staff.id, 'photos');
    }
    await grantConsent(ctx.dataSource, liuyang.staff.station_manager.id, 'photos');
    admin = await tokenFor(ctx.app, liuyang.staff.district_admin);
    hanyangAdmin = await tokenFor(ctx.app, hanyang.staff.district_admin);
    manager = await tokenFor(ctx.app, liuyang.staff.station_manager);
  });

  const newStation = () => createStation(ctx.dataSource, { region: liuyang.street, ...LIUYANG });
  const upload = async (token = admin): Promise<MediaView> =>
    uploadedPhoto(ctx.app, token, await testJpeg({ width: 640, height: 480, seed: (seed += 1) }));
  const patch = (token: string, station: StationEntity, body: unknown) =>
    api<StationDetail>(ctx.app, {
      method: 'PATCH',
      path: `/stations/${station.id}`,
      token,
      body,
    });
  const setPhotos = (station: StationEntity, ids: string[], token = admin) =>
    patch(token, station, { photoMediaIds: ids });
  const detail = (station: StationEntity) =>
    api<StationDetail>(ctx.app, { path: `/stations/${station.id}` });
  const photoIds = (body: StationDetail) => body.photos.map((photo) => photo.id);
  const rowOf = (id: string) => ctx.dataSource.getRepository(MediaEntity).findOneBy({ id });
  const audits = (station: StationEntity) =>
    ctx.dataSource
      .getRepository(AuditEntryEntity)
      .find({ where: { action: 'station.update', targetId: station.id } });

  it('shows no photos on a station without any', async () => {
    const response = await detail(await newStation());

    expect(response.status).toBe(200);
    expect(response.body.photos).toEqual([]);
  });

  it('takes the admin’s uploads in the order sent and shows them to anyone, signed', async () => {
    const station = await newStation();
    const [a, b] = [await upload(), await upload()];

    const response = await setPhotos(station, [b.id, a.id]);

    expect(response.status).toBe(200);
    expect(photoIds(response.body)).toEqual([b.id, a.id]);
    const shown = await detail(station);
    expect(photoIds(shown.body)).toEqual([b.id, a.id]);
    for (const photo of shown.body.photos) {
      expect(photo).toMatchObject({ width: 640, height: 480 });
      expect((await fetchMedia(ctx.app, photo.url)).status).toBe(200);
      expect((await fetchMedia(ctx.app, photo.thumbUrl)).status).toBe(200);
    }
    expect(await rowOf(a.id)).toMatchObject({ targetType: 'station', targetId: station.id });
    const [entry] = await audits(station);
    expect(entry).toMatchObject({
      actorId: adminId,
      before: { photoMediaIds: [] },
      after: { photoMediaIds: [b.id, a.id] },
    });
  });

  it('reorders, drops and adds in one list; a dropped photo is gone at once and deleted by the sweep', async () => {
    const station = await newStation();
    const [a, b, c] = [await upload(), await upload(), await upload()];
    await setPhotos(station, [a.id, b.id]);
    const dropped = (await rowOf(b.id)) as MediaEntity;

    const response = await setPhotos(station, [c.id, a.id]);

    expect(response.status).toBe(200);
    expect(photoIds(response.body)).toEqual([c.id, a.id]);
    expect(await rowOf(b.id)).toMatchObject({ targetType: DISCARDED });
    // Its URLs, handed out before, no longer work.
    expect((await fetchMedia(ctx.app, b.url)).status).toBe(404);
    const entries = await audits(station);
    expect(entries.map((entry) => entry.after)).toContainEqual({ photoMediaIds: [c.id, a.id] });

    await ctx.app.get(MediaSweep).sweep();
    expect(await rowOf(b.id)).toBeNull();
    const mediaDir = join(ctx.database.dataDir, 'media');
    expect(existsSync(join(mediaDir, dropped.storageKey))).toBe(false);
    expect(existsSync(join(mediaDir, dropped.thumbKey))).toBe(false);
    expect(photoIds((await detail(station)).body)).toEqual([c.id, a.id]);
  });

  it('keeps photos another admin of the district added, and [] removes them all', async () => {
    const station = await newStation();
    const colleague = await photoUploader(ctx.app, [
      { role: 'district_admin', region: liuyang.district },
    ]);
    const theirs = await upload(colleague.token);
    await setPhotos(station, [theirs.id], colleague.token);
    const mine = await upload();

    const both = await setPhotos(station, [theirs.id, mine.id]);
    expect(photoIds(both.body)).toEqual([theirs.id, mine.id]);

    const none = await setPhotos(station, []);
    expect(none.body.photos).toEqual([]);
    expect(await rowOf(theirs.id)).toMatchObject({ targetType: DISCARDED });
  });

  it('writes nothing, not even an audit entry, for the list the station already has', async () => {
    const station = await newStation();
    const photo = await upload();
    await setPhotos(station, [photo.id]);
    const entries = (await audits(station)).length;

    const again = await setPhotos(station, [photo.id.toUpperCase()]);

    expect(again.status).toBe(200);
    expect(photoIds(again.body)).toEqual([photo.id]);
    expect(await audits(station)).toHaveLength(entries);
  });

  it('changes photos and fields in one request and one audit entry', async () => {
    const station = await newStation();
    const photo = await upload();

    const response = await patch(admin, station, {
      photoMediaIds: [photo.id],
      name: '有照片的驿站',
    });

    expect(response.body).toMatchObject({ name: '有照片的驿站' });
    expect(photoIds(response.body)).toEqual([photo.id]);
    const [entry] = await audits(station);
    expect(entry.after).toEqual({ name: '有照片的驿站', photoMediaIds: [photo.id] });
  });

  it('refuses 422 MEDIA_NOT_ATTACHABLE for someone else’s upload, an unknown id or another station’s photo, changing nothing', async () => {
    const station = await newStation();
    const other = await newStation();
    const own = await upload();
    const workers = await upload((await photoUploader(ctx.app)).token);
    const onOther = await upload();
    await setPhotos(other, [onOther.id]);
    const unknown = randomUUID();

    for (const [ids, refused] of [
      [[own.id, workers.id], [workers.id]],
      [[unknown], [unknown]],
      [[onOther.id], [onOther.id]],
    ] as const) {
      const response = await setPhotos(station, [...ids]);
      expect(outcome(response)).toEqual([422, 'MEDIA_NOT_ATTACHABLE']);
      expect(response.body).toMatchObject({ error: { details: { mediaIds: refused } } });
    }
    expect((await detail(station)).body.photos).toEqual([]);
    expect(await rowOf(own.id)).toMatchObject({ targetId: null });
    expect(photoIds((await detail(other)).body)).toEqual([onOther.id]);
    expect(await audits(station)).toHaveLength(0);
  });

  it.each([
    ['more than the maximum', () => Array.from({ length: MAX_STATION_PHOTOS + 1 }, randomUUID)],
    ['the same id twice', () => Array(2).fill('3f1c2d3e-0000-4000-8000-000000000000') as string[]],
    ['something that is not an id', () => ['../../x.jpg']],
  ])('answers 400 VALIDATION_FAILED to %s', async (_name, ids) => {
    const response = await setPhotos(await newStation(), ids());

    expect(outcome(response)).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('lets the station’s manager not change its photos (403 naming the field)', async () => {
    const photo = await upload(manager);
    const response = await setPhotos(liuyang.station, [photo.id], manager);

    expect(outcome(response)).toEqual([403, 'FORBIDDEN']);
    expect(response.body).toMatchObject({ error: { details: { fields: ['photoMediaIds'] } } });
  });

  it('answers 404 to an admin of another district', async () => {
    const photo = await upload(hanyangAdmin);

    expect(outcome(await setPhotos(await newStation(), [photo.id], hanyangAdmin))).toEqual([
      404,
      'NOT_FOUND',
    ]);
    expect(await rowOf(photo.id)).toMatchObject({ targetId: null });
  });
});
