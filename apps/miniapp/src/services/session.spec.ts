import { meResponse } from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { session } from './session';

const TOKENS = { accessToken: 'access-1', refreshToken: 'refresh-1' };

describe('session', () => {
  beforeEach(() => {
    taroFake.reset();
    session.reload();
  });

  it('starts signed out with a stable snapshot', () => {
    const first = session.getSnapshot();

    expect(first).toEqual({ signedIn: false, user: null });
    expect(session.getSnapshot()).toBe(first);
  });

  it('signs in with the tokens and the user in one change, and keeps the tokens out of the snapshot', () => {
    const listener = jest.fn();
    session.subscribe(listener);
    const user = meResponse();

    session.signIn(TOKENS, user);

    expect(listener).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot()).toEqual({ signedIn: true, user });
    expect(JSON.stringify(session.getSnapshot())).not.toContain('access-1');
    expect(taroFake.storage.get('yizhan.session')).toEqual(TOKENS);
  });

  it('swaps tokens on a refresh without telling the pages', () => {
    session.signIn(TOKENS, meResponse());
    const snapshot = session.getSnapshot();
    const listener = jest.fn();
    session.subscribe(listener);

    session.set({ accessToken: 'access-2', refreshToken: 'refresh-2' });

    expect(listener).not.toHaveBeenCalled();
    expect(session.getSnapshot()).toBe(snapshot);
    expect(session.get()).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
  });

  it('replaces the user on a profile update', () => {
    session.signIn(TOKENS, meResponse());
    const listener = jest.fn();
    session.subscribe(listener);

    session.setUser(meResponse({ nickname: '老王' }));

    expect(listener).toHaveBeenCalledTimes(1);
    expect(session.getSnapshot().user?.nickname).toBe('老王');
  });

  it('ignores a profile that arrives after signing out', () => {
    session.setUser(meResponse());

    expect(session.getSnapshot()).toEqual({ signedIn: false, user: null });
    expect(session.getUser()).toBeNull();
  });

  it('clears the tokens and the user together and stops notifying an unsubscribed page', () => {
    session.signIn(TOKENS, meResponse());
    const listener = jest.fn();
    const unsubscribe = session.subscribe(listener);

    session.clear();
    unsubscribe();
    session.signIn(TOKENS, meResponse());

    expect(listener).toHaveBeenCalledTimes(1);
    session.clear();
    expect(session.getSnapshot()).toEqual({ signedIn: false, user: null });
    expect(taroFake.storage.has('yizhan.session')).toBe(false);
  });

  it('comes back signed in after a restart, with the profile still to fetch', () => {
    taroFake.storage.set('yizhan.session', TOKENS);
    session.reload();

    expect(session.get()).toEqual(TOKENS);
    expect(session.getSnapshot()).toEqual({ signedIn: true, user: null });
  });

  it('treats anything else in storage as signed out', () => {
    taroFake.storage.set('yizhan.session', { accessToken: 42 });
    session.reload();

    expect(session.get()).toBeNull();
  });
});
