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
import {
  consentState,
  decideConsent,
  forgetConsentDecisions,
  localDecision,
  PRIVACY_VERSION,
  reconcileConsents,
  reloadConsents,
  subscribeConsents,
} from './consent';
import { setTokenRefresher } from './request';
import { session } from './session';

function signIn(consents = meResponse().consents) {
  session.signIn({ accessToken: 'a', refreshToken: 'r' }, meResponse({ consents }));
}

describe('consent', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
    reloadConsents();
    setTokenRefresher(null);
    serveRoutes({
      'POST /me/consents': (option) => ok(consentRecord(option.data as object), 201),
      'DELETE /me/consents/location': () => noContent(),
    });
  });

  it('has not asked anyone yet', () => {
    expect(consentState('location')).toBe('undecided');
    expect(localDecision('location')).toBeNull();
  });

  it('keeps a signed-out decision on the device only', async () => {
    const listener = jest.fn();
    subscribeConsents(listener);

    await decideConsent('location', true);

    expect(consentState('location')).toBe('granted');
    expect(taroFake.requests).toHaveLength(0);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(taroFake.storage.get('yizhan.consent.location')).toMatchObject({
      kind: 'location',
      version: PRIVACY_VERSION,
      granted: true,
    });
  });

  it('survives a restart', async () => {
    await decideConsent('location', false);
    reloadConsents();

    expect(consentState('location')).toBe('refused');
  });

  it('asks again when the privacy text has a new version', () => {
    taroFake.storage.set('yizhan.consent.location', {
      kind: 'location',
      version: '2025-01',
      granted: true,
      decidedAt: '2025-01-02T00:00:00Z',
    });

    expect(consentState('location')).toBe('undecided');
  });

  it('records an agreement on the server when signed in', async () => {
    signIn();

    await decideConsent('location', true);

    expect(bodyOf(sentTo('POST /me/consents')[0])).toEqual({
      kind: 'location',
      version: PRIVACY_VERSION,
    });
    expect(session.getUser()?.consents.map((record) => record.kind)).toEqual(['location']);
  });

  it('withdraws on the server what a refusal takes back', async () => {
    signIn([consentRecord()]);

    await decideConsent('location', false);

    expect(sentTo('DELETE /me/consents/location')).toHaveLength(1);
    expect(consentState('location')).toBe('refused');
  });

  it('does not call the server to refuse what it never held', async () => {
    signIn([]);

    await decideConsent('location', false);

    expect(taroFake.requests).toHaveLength(0);
  });

  it('follows the user on the device even when the server call fails', async () => {
    signIn([consentRecord()]);
    serveRoutes({ 'DELETE /me/consents/location': () => fail(503, ErrorCode.SERVICE_UNAVAILABLE) });

    await expect(decideConsent('location', false)).rejects.toMatchObject({
      code: ErrorCode.SERVICE_UNAVAILABLE,
    });

    expect(consentState('location')).toBe('refused');
  });

  it('counts an agreement the server holds for this version when the device has none', () => {
    signIn([consentRecord()]);

    expect(consentState('location')).toBe('granted');
    expect(consentState('photos')).toBe('undecided');
  });

  describe(reconcileConsents.name, () => {
    it('records on the server an agreement given while signed out', async () => {
      await decideConsent('location', true);
      signIn([]);

      await reconcileConsents(meResponse({ consents: [] }), ['location', 'photos']);

      expect(sentTo('POST /me/consents')).toHaveLength(1);
    });

    it('withdraws a server record the device refused', async () => {
      await decideConsent('location', false);
      signIn([consentRecord()]);

      await reconcileConsents(meResponse({ consents: [consentRecord()] }), ['location']);

      expect(sentTo('DELETE /me/consents/location')).toHaveLength(1);
    });

    it('adopts the server agreement on a new device', async () => {
      signIn([consentRecord()]);

      await reconcileConsents(meResponse({ consents: [consentRecord()] }), ['location']);

      expect(localDecision('location')?.granted).toBe(true);
      expect(taroFake.requests).toHaveLength(0);
    });

    it('sends one call when a login and the 我的 tab reconcile at once', async () => {
      await decideConsent('location', true);
      signIn([]);
      const user = meResponse({ consents: [] });

      await Promise.all([
        reconcileConsents(user, ['location']),
        reconcileConsents(user, ['location']),
      ]);

      expect(sentTo('POST /me/consents')).toHaveLength(1);
    });
  });
  describe(forgetConsentDecisions.name, () => {
    it('forgets the device decisions so the next person on a shared phone is asked again', async () => {
      await decideConsent('location', true);
      const heard = jest.fn();
      const unsubscribe = subscribeConsents(heard);

      forgetConsentDecisions();
      unsubscribe();
      reloadConsents();

      expect(localDecision('location')).toBeNull();
      expect(heard).toHaveBeenCalled();
    });
  });
});
