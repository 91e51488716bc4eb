import { ErrorCode } from '@yizhan/contracts';
import {
  bodyOf,
  consentRecord,
  fail,
  meResponse,
  noContent,
  ok,
  sentTo,
  serveRoutes,
} from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { deleteMe, exportMe, getMe, grantConsent, updateMe, withdrawConsent } from './me';
import { setTokenRefresher } from './request';
import { session } from './session';

describe('me', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    setTokenRefresher(null);
    session.signIn({ accessToken: 'a', refreshToken: 'r' }, meResponse());
  });

  it('keeps the session user in step with GET /me', async () => {
    serveRoutes({ 'GET /me': () => ok(meResponse({ platform: '顺丰' })) });

    await getMe();

    expect(session.getSnapshot().user?.platform).toBe('顺丰');
  });

  it('patches only the given fields and stores the answer', async () => {
    serveRoutes({
      'PATCH /me': (option) => ok(meResponse(option.data as Record<string, string>)),
    });

    const user = await updateMe({ nickname: '老王', occupation: 'courier' });

    expect(bodyOf(sentTo('PATCH /me')[0])).toEqual({ nickname: '老王', occupation: 'courier' });
    expect(user.nickname).toBe('老王');
    expect(session.getSnapshot().user?.occupation).toBe('courier');
  });

  it('leaves the session user alone when the patch is refused', async () => {
    serveRoutes({ 'PATCH /me': () => fail(400, ErrorCode.VALIDATION_FAILED) });

    await expect(updateMe({ nickname: '<b>' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
    });

    expect(session.getSnapshot().user?.nickname).toBe('小李');
  });

  it('exports everything as the server returns it', async () => {
    const exported = { exportedAt: 'now', profile: meResponse(), consents: [], sessions: [] };
    serveRoutes({ 'GET /me/export': () => ok(exported) });

    await expect(exportMe()).resolves.toEqual(exported);
  });

  it('ends the session after DELETE /me', async () => {
    serveRoutes({ 'DELETE /me': () => noContent() });

    await deleteMe();

    expect(session.getSnapshot()).toEqual({ signedIn: false, user: null });
  });

  it('keeps the session when the deletion fails', async () => {
    serveRoutes({ 'DELETE /me': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE) });

    await expect(deleteMe()).rejects.toMatchObject({ code: ErrorCode.SERVICE_UNAVAILABLE });

    expect(session.getSnapshot().signedIn).toBe(true);
  });

  it('adds a granted consent to the user and removes a withdrawn one', async () => {
    const record = consentRecord({ kind: 'photos' });
    serveRoutes({
      'POST /me/consents': () => ok(record, 201),
      'DELETE /me/consents/photos': () => noContent(),
    });

    await grantConsent('photos', '2026-11');
    expect(bodyOf(sentTo('POST /me/consents')[0])).toEqual({ kind: 'photos', version: '2026-11' });
    expect(session.getSnapshot().user?.consents).toEqual([record]);

    await withdrawConsent('photos');
    expect(sentTo('DELETE /me/consents/photos')).toHaveLength(1);
    expect(session.getSnapshot().user?.consents).toEqual([]);
  });
});
