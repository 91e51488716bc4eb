import { ErrorCode } from '@yizhan/contracts';
import {
  bodyOf,
  consentRecord,
  fail,
  meResponse,
  ok,
  sentTo,
  serveRoutes,
} from '../../test/factories';
import { draft, media, reportView } from '../../test/report-factories';
import { restoreSession } from '../../test/session-fixtures';
import { taroFake } from '../../test/taro-fake';
import { ClientErrorCode } from './api-error';
import { reloadConsents } from './consent';
import {
  installReportQueue,
  PAGE_LOAD_ID,
  reportOwner,
  reportQueue,
  ReportQueue,
  uninstallReportQueue,
  type ReportDraft,
} from './report-queue';
import { setTokenRefresher } from './request';
import { session } from './session';

const STORAGE_KEY = 'yizhan.reportQueue';

function stored(): ReportDraft[] {
  const value = taroFake.storage.get(STORAGE_KEY) as { drafts: ReportDraft[] } | undefined;
  return value?.drafts ?? [];
}

/** Uploads answer with a media id per picked file's name (`a.jpg` → `m-a`), copied or not. */
function serveUploads(): void {
  taroFake.uploadHandler = (option) => {
    const picked = taroFake.savedFiles.get(option.filePath) ?? option.filePath;
    const name = picked.split('/').pop()?.replace(/\..*$/, '') ?? 'x';
    return Promise.resolve({ statusCode: 201, data: JSON.stringify(media(`m-${name}`)) });
  };
}

const offline = () => Promise.reject({ errMsg: 'request:fail' });

/** A new ReportQueue reading the same storage: the app was killed and started again. */
function restart(): ReportQueue {
  return new ReportQueue();
}

describe(ReportQueue.name, () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    reloadConsents();
    setTokenRefresher(null);
    restoreSession();
    session.setUser(meResponse());
    reportQueue.reload();
    uninstallReportQueue();
    process.env.TARO_ENV = 'weapp';
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it('stores the draft before sending, uploads its photos, files it once and forgets it', async () => {
    serveUploads();
    const answers: string[] = [];
    serveRoutes({
      'POST /reports': () => {
        // The draft is on the device while the request is under way.
        answers.push(
          stored()
            .map((item) => item.clientRequestId)
            .join(','),
        );
        return ok(reportView('r1'), 201);
      },
    });

    await reportQueue.put(
      draft('crid-1', {
        photos: [
          { localPath: 'wxfile://tmp/a.jpg', mediaId: null },
          { localPath: 'wxfile://tmp/b.jpg', mediaId: null },
        ],
      }),
    );
    expect(stored()).toHaveLength(1);
    const outcome = await reportQueue.send('crid-1');

    expect(outcome).toEqual({ kind: 'sent', report: reportView('r1') });
    expect(answers).toEqual(['crid-1']);
    expect(taroFake.uploads).toHaveLength(2);
    expect(bodyOf(sentTo('POST /reports')[0])).toEqual({
      clientRequestId: 'crid-1',
      category: 'guardrail',
      description: '风光桥中央隔离护栏倾斜',
      lat: 28.16,
      lng: 113.64,
      address: '浏阳河中路风光桥',
      mediaIds: ['m-a', 'm-b'],
    });
    expect(stored()).toEqual([]);
  });

  it('keeps each uploaded media id at once: after a crash before the submit, nothing is uploaded twice', async () => {
    serveUploads();
    // The phone dies (here: the network drops) between the photos and the report.
    serveRoutes({ 'POST /reports': offline });
    await reportQueue.put(
      draft('crid-1', {
        photos: [
          { localPath: 'wxfile://tmp/a.jpg', mediaId: null },
          { localPath: 'wxfile://tmp/b.jpg', mediaId: null },
        ],
      }),
    );
    await expect(reportQueue.send('crid-1')).resolves.toEqual({
      kind: 'deferred',
      code: ClientErrorCode.NetworkError,
    });
    expect(stored()[0]?.photos.map((photo) => photo.mediaId)).toEqual(['m-a', 'm-b']);
    expect(stored()[0]?.state).toBe('pending');

    const restarted = restart();
    serveRoutes({ 'POST /reports': () => ok(reportView('r1'), 201) });
    taroFake.uploads.length = 0;
    await restarted.flush();

    expect(taroFake.uploads).toHaveLength(0);
    const posts = sentTo('POST /reports');
    expect(posts).toHaveLength(2);
    expect(bodyOf(posts[1])).toMatchObject({ clientRequestId: 'crid-1', mediaIds: ['m-a', 'm-b'] });
    expect(stored()).toEqual([]);
  });

  it('uploads only the photos still missing when it died half-way through them', async () => {
    let uploads = 0;
    taroFake.uploadHandler = (option) => {
      uploads += 1;
      if (uploads === 2) return Promise.reject({ errMsg: 'uploadFile:fail' });
      const name = option.filePath.split('/').pop()?.replace(/\..*$/, '') ?? 'x';
      return Promise.resolve({ statusCode: 201, data: JSON.stringify(media(`m-${name}`)) });
    };
    serveRoutes({ 'POST /reports': () => ok(reportView('r1'), 201) });
    await reportQueue.put(
      draft('crid-1', {
        photos: [
          { localPath: 'wxfile://usr/a.jpg', mediaId: null },
          { localPath: 'wxfile://usr/b.jpg', mediaId: null },
        ],
      }),
    );

    await expect(reportQueue.send('crid-1')).resolves.toMatchObject({ kind: 'deferred' });
    expect(sentTo('POST /reports')).toHaveLength(0);

    await restart().flush();

    expect(taroFake.uploads.map((option) => option.filePath)).toEqual([
      'wxfile://usr/a.jpg',
      'wxfile://usr/b.jpg',
      'wxfile://usr/b.jpg',
    ]);
    expect(bodyOf(sentTo('POST /reports')[0])).toMatchObject({ mediaIds: ['m-a', 'm-b'] });
  });

  it('counts a 200 replay (the first answer was lost) as sent, with the same clientRequestId', async () => {
    let posts = 0;
    serveRoutes({
      'POST /reports': () => {
        posts += 1;
        // The server filed it the first time; that answer never reached the phone.
        return posts === 1 ? offline() : ok(reportView('r1'), 200);
      },
    });
    await reportQueue.put(draft('crid-1'));

    await expect(reportQueue.send('crid-1')).resolves.toMatchObject({ kind: 'deferred' });
    expect(stored()).toHaveLength(1);
    await expect(reportQueue.send('crid-1')).resolves.toMatchObject({ kind: 'sent' });

    const ids = sentTo('POST /reports').map(
      (option) => (bodyOf(option) as { clientRequestId: string }).clientRequestId,
    );
    expect(ids).toEqual(['crid-1', 'crid-1']);
    expect(stored()).toEqual([]);
  });

  it.each([
    [500, ErrorCode.INTERNAL_ERROR],
    [503, ErrorCode.SERVICE_UNAVAILABLE],
    [429, ErrorCode.RATE_LIMITED],
  ])('keeps the draft pending after a %i (%s): nothing about it is wrong', async (status, code) => {
    serveRoutes({ 'POST /reports': () => fail(status, code) });
    await reportQueue.put(draft('crid-1'));

    await expect(reportQueue.send('crid-1')).resolves.toEqual({ kind: 'deferred', code });

    expect(stored()[0]).toMatchObject({ state: 'pending', errorCode: code, attempts: 1 });
  });

  it('keeps a refused draft with the error and does not retry it until the worker edits it', async () => {
    serveRoutes({
      'POST /reports': () => fail(422, ErrorCode.REPORT_OUTSIDE_SERVICE_AREA),
    });
    await reportQueue.put(draft('crid-1'));

    await expect(reportQueue.send('crid-1')).resolves.toEqual({
      kind: 'failed',
      code: ErrorCode.REPORT_OUTSIDE_SERVICE_AREA,
    });
    expect(stored()[0]).toMatchObject({
      state: 'failed',
      errorCode: ErrorCode.REPORT_OUTSIDE_SERVICE_AREA,
    });

    await reportQueue.flush();
    expect(sentTo('POST /reports')).toHaveLength(1);

    // Edited (moved the pin): pending again, same clientRequestId, sent by the next flush.
    serveRoutes({ 'POST /reports': () => ok(reportView('r1'), 201) });
    const failed = reportQueue.find('crid-1') as ReportDraft;
    await reportQueue.put({ ...failed, lat: 28.15 });
    expect(reportQueue.find('crid-1')).toMatchObject({ state: 'pending', errorCode: null });
    await reportQueue.flush();

    expect(bodyOf(sentTo('POST /reports')[1])).toMatchObject({
      clientRequestId: 'crid-1',
      lat: 28.15,
    });
    expect(stored()).toEqual([]);
  });

  it('names the photo the API refused (415) and sends no report', async () => {
    taroFake.uploadHandler = (option) =>
      Promise.resolve(
        option.filePath.endsWith('b.jpg')
          ? {
              statusCode: 415,
              data: JSON.stringify({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'x' } }),
            }
          : { statusCode: 201, data: JSON.stringify(media('m-a')) },
      );
    await reportQueue.put(
      draft('crid-1', {
        photos: [
          { localPath: 'wxfile://usr/a.jpg', mediaId: null },
          { localPath: 'wxfile://usr/b.jpg', mediaId: null },
        ],
      }),
    );

    await expect(reportQueue.send('crid-1')).resolves.toEqual({
      kind: 'failed',
      code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    });

    expect(sentTo('POST /reports')).toHaveLength(0);
    expect(stored()[0]?.photos).toEqual([
      { localPath: 'wxfile://usr/a.jpg', mediaId: 'm-a', errorCode: null },
      {
        localPath: 'wxfile://usr/b.jpg',
        mediaId: null,
        errorCode: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      },
    ]);
  });

  it('uploads the photos once more when the API says the stored ones cannot be attached', async () => {
    serveUploads();
    let posts = 0;
    serveRoutes({
      'POST /reports': () => {
        posts += 1;
        return posts === 1 ? fail(422, ErrorCode.MEDIA_NOT_ATTACHABLE) : ok(reportView('r1'), 201);
      },
    });
    await reportQueue.put(
      draft('crid-1', { photos: [{ localPath: 'wxfile://usr/a.jpg', mediaId: 'm-old' }] }),
    );

    await expect(reportQueue.send('crid-1')).resolves.toMatchObject({ kind: 'sent' });

    expect(taroFake.uploads).toHaveLength(1);
    expect(bodyOf(sentTo('POST /reports')[1])).toMatchObject({ mediaIds: ['m-a'] });
  });

  it('gives up after one fresh upload when the photos still cannot be attached', async () => {
    serveUploads();
    serveRoutes({ 'POST /reports': () => fail(422, ErrorCode.MEDIA_NOT_ATTACHABLE) });
    await reportQueue.put(
      draft('crid-1', { photos: [{ localPath: 'wxfile://usr/a.jpg', mediaId: 'm-old' }] }),
    );

    await expect(reportQueue.send('crid-1')).resolves.toEqual({
      kind: 'failed',
      code: ErrorCode.MEDIA_NOT_ATTACHABLE,
    });
    expect(sentTo('POST /reports')).toHaveLength(2);
  });

  it('sends the oldest first, goes past a refused one, and stops at the first that cannot go', async () => {
    serveRoutes({
      'POST /reports': (option) => {
        const { clientRequestId } = bodyOf(option) as { clientRequestId: string };
        if (clientRequestId === 'b') return fail(422, ErrorCode.REPORT_CATEGORY_UNAVAILABLE);
        if (clientRequestId === 'c') return offline();
        return ok(reportView(`r-${clientRequestId}`), 201);
      },
    });
    // Put in another order than they were made.
    await reportQueue.put(draft('d', { createdAt: '2026-11-24T09:04:00.000Z' }));
    await reportQueue.put(draft('c', { createdAt: '2026-11-24T09:03:00.000Z' }));
    await reportQueue.put(draft('a', { createdAt: '2026-11-24T09:01:00.000Z' }));
    await reportQueue.put(draft('b', { createdAt: '2026-11-24T09:02:00.000Z' }));

    await reportQueue.flush();

    const order = sentTo('POST /reports').map(
      (option) => (bodyOf(option) as { clientRequestId: string }).clientRequestId,
    );
    expect(order).toEqual(['a', 'b', 'c']);
    expect(
      reportQueue.draftsOf('user-1').map((item) => [item.clientRequestId, item.state]),
    ).toEqual([
      ['b', 'failed'],
      ['c', 'pending'],
      ['d', 'pending'],
    ]);
  });

  it('sends nothing while the phone has no network, and everything when it comes back', async () => {
    serveRoutes({ 'POST /reports': () => ok(reportView('r1'), 201) });
    taroFake.networkType = 'none';
    await reportQueue.put(draft('crid-1'));

    installReportQueue();
    await reportQueue.flush();
    expect(sentTo('POST /reports')).toHaveLength(0);

    taroFake.setNetwork('4g');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await reportQueue.flush();

    expect(sentTo('POST /reports')).toHaveLength(1);
    expect(stored()).toEqual([]);
  });

  it('sends when the app comes back to the foreground', async () => {
    serveRoutes({ 'POST /reports': () => ok(reportView('r1'), 201) });
    installReportQueue();
    await reportQueue.flush();
    await reportQueue.put(draft('crid-1'));

    taroFake.appShow();
    await reportQueue.flush();

    expect(sentTo('POST /reports')).toHaveLength(1);
  });

  it("sends only the signed-in user's drafts, and none signed out", async () => {
    serveRoutes({ 'POST /reports': () => ok(reportView('r1'), 201) });
    await reportQueue.put(draft('mine'));
    await reportQueue.put(draft('theirs', { userId: 'user-2' }));

    await reportQueue.flush();
    expect(sentTo('POST /reports')).toHaveLength(1);
    expect(reportQueue.draftsOf('user-2')).toHaveLength(1);

    session.clear();
    await reportQueue.put(draft('later'));
    await reportQueue.flush();
    expect(sentTo('POST /reports')).toHaveLength(1);
  });

  it('asks who is signed in before sending when the phone does not remember it', async () => {
    serveRoutes({
      'GET /me': () => ok(meResponse()),
      'POST /reports': () => ok(reportView('r1'), 201),
    });
    await reportQueue.put(draft('crid-1'));
    restoreSession(); // tokens only, profile not loaded yet
    taroFake.storage.delete('yizhan.reportQueue.owner'); // stored by an older version

    await restart().flush();

    expect(sentTo('GET /me')).toHaveLength(1);
    expect(sentTo('POST /reports')).toHaveLength(1);
  });

  it('runs one flush at a time and never sends one draft twice at once', async () => {
    let release: () => void = () => undefined;
    serveRoutes({
      'POST /reports': () =>
        new Promise((resolve) => {
          release = () => resolve({ statusCode: 201, data: reportView('r1') });
        }),
    });
    await reportQueue.put(draft('crid-1'));

    const first = reportQueue.flush();
    const second = reportQueue.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(reportQueue.send('crid-1')).resolves.toEqual({ kind: 'busy' });
    expect(reportQueue.isSending('crid-1')).toBe(true);
    release();
    await Promise.all([first, second]);

    expect(sentTo('POST /reports')).toHaveLength(1);
    expect(reportQueue.isSending('crid-1')).toBe(false);
  });

  it("hands a refusal back to the form on the form's own try, and keeps nothing", async () => {
    serveRoutes({ 'POST /reports': () => fail(422, ErrorCode.REPORT_CATEGORY_UNAVAILABLE) });
    await reportQueue.put(draft('crid-1'));

    await expect(reportQueue.send('crid-1', { interactive: true })).resolves.toEqual({
      kind: 'failed',
      code: ErrorCode.REPORT_CATEGORY_UNAVAILABLE,
    });
    expect(stored()).toEqual([]);
  });

  it('records the location consent this phone holds when the API lacks it, then sends', async () => {
    taroFake.storage.set('yizhan.consent.location', {
      kind: 'location',
      version: '2026-11',
      granted: true,
      decidedAt: '2026-11-24T08:00:00.000Z',
    });
    let granted = false;
    serveRoutes({
      'POST /me/consents': () => {
        granted = true;
        return ok(consentRecord(), 201);
      },
      'POST /reports': () =>
        granted ? ok(reportView('r1'), 201) : fail(403, ErrorCode.CONSENT_REQUIRED),
    });
    await reportQueue.put(draft('crid-1'));

    await expect(reportQueue.send('crid-1')).resolves.toMatchObject({ kind: 'sent' });
    expect(bodyOf(sentTo('POST /me/consents')[0])).toEqual({
      kind: 'location',
      version: '2026-11',
    });
  });

  it('fails a draft whose photo was a blob: URL of an earlier H5 page load', async () => {
    process.env.TARO_ENV = 'h5';
    serveUploads();
    await reportQueue.put(
      draft('crid-1', {
        photos: [
          { localPath: 'blob:http://h5/old', mediaId: null, pageLoad: 'an-earlier-page-load' },
          { localPath: 'blob:http://h5/new', mediaId: null, pageLoad: PAGE_LOAD_ID },
        ],
      }),
    );

    await expect(reportQueue.send('crid-1')).resolves.toEqual({
      kind: 'failed',
      code: ClientErrorCode.PhotoLost,
    });
    expect(taroFake.uploads).toHaveLength(0);
    expect(stored()[0]?.photos[0]?.errorCode).toBe(ClientErrorCode.PhotoLost);
  });

  it("copies photos still to upload into the mini-program's files and removes them with the draft", async () => {
    await reportQueue.put(
      draft('crid-1', {
        photos: [
          { localPath: 'wxfile://tmp/a.jpg', mediaId: null },
          { localPath: 'wxfile://tmp/b.jpg', mediaId: 'm-b' },
        ],
      }),
    );

    expect(stored()[0]?.photos.map((photo) => photo.localPath)).toEqual([
      'wxfile://usr/report-queue-crid-1-0.jpg',
      'wxfile://tmp/b.jpg',
    ]);
    expect(taroFake.savedFiles.get('wxfile://usr/report-queue-crid-1-0.jpg')).toBe(
      'wxfile://tmp/a.jpg',
    );

    reportQueue.remove('crid-1');
    expect(taroFake.unlinkedFiles).toEqual(['wxfile://usr/report-queue-crid-1-0.jpg']);
  });

  it('reads a damaged or foreign stored value as an empty queue', () => {
    taroFake.storage.set(STORAGE_KEY, { version: 1, drafts: [{ nonsense: true }, draft('ok')] });
    const fresh = restart();
    expect(fresh.draftsOf('user-1').map((item) => item.clientRequestId)).toEqual(['ok']);

    taroFake.storage.set(STORAGE_KEY, 'garbage');
    expect(restart().draftsOf('user-1')).toEqual([]);
  });

  it("clears one user's drafts (sign-out) and leaves others'", async () => {
    await reportQueue.put(draft('mine'));
    await reportQueue.put(draft('theirs', { userId: 'user-2' }));

    reportQueue.clear('user-1');

    expect(stored().map((item) => item.clientRequestId)).toEqual(['theirs']);
  });

  it('remembers whose session it is, so drafts have an owner after an offline restart', async () => {
    expect(reportOwner()).toBe('user-1');
    expect(taroFake.storage.get('yizhan.reportQueue.owner')).toBe('user-1');

    // Restarted without network: tokens stored, no profile, GET /me cannot answer.
    session.reload();
    expect(session.getUser()).toBeNull();
    expect(reportOwner()).toBe('user-1');

    session.clear();
    expect(reportOwner()).toBeNull();
    expect(taroFake.storage.has('yizhan.reportQueue.owner')).toBe(false);
  });
});
