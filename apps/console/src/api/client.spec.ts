import { Routes } from '@yizhan/contracts';
import { FakeApi, apiError } from '../test/fake-api';
import { api, setSignedOutHandler } from './client';
import { ApiError } from './errors';
import { readSession, saveSession } from './session';

describe('api client', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = new FakeApi();
    fake.install();
  });

  it('sends the access token and returns the JSON body', async () => {
    saveSession({ accessToken: 'a1', refreshToken: 'r1' });
    fake.on(`GET ${Routes.regions}`, { status: 200, body: [{ id: 'x' }] });
    await expect(api.get(Routes.regions, { q: 'y', empty: '' })).resolves.toEqual([{ id: 'x' }]);
    expect(fake.sent[0].authorization).toBe('Bearer a1');
    expect(fake.sent[0].query.get('q')).toBe('y');
    expect(fake.sent[0].query.has('empty')).toBe(false);
  });

  it('refreshes once on a 401 and replays the call with the new token', async () => {
    saveSession({ accessToken: 'old', refreshToken: 'r1' });
    fake
      .on(`GET ${Routes.me}`, apiError(401, 'UNAUTHENTICATED'))
      .on(`GET ${Routes.me}`, { status: 200, body: { id: 'me' } });
    fake.on(`POST ${Routes.authRefresh}`, {
      status: 200,
      body: { accessToken: 'new', refreshToken: 'r2' },
    });
    await expect(api.get(Routes.me)).resolves.toEqual({ id: 'me' });
    expect(fake.requests(`POST ${Routes.authRefresh}`)[0].body).toEqual({ refreshToken: 'r1' });
    expect(fake.requests(`GET ${Routes.me}`)[1].authorization).toBe('Bearer new');
    expect(readSession()).toEqual({ accessToken: 'new', refreshToken: 'r2' });
  });

  it('shares one refresh between parallel 401s (a refresh token works only once)', async () => {
    saveSession({ accessToken: 'old', refreshToken: 'r1' });
    fake.on(`GET ${Routes.me}`, (request) =>
      request.authorization === 'Bearer new'
        ? { status: 200, body: {} }
        : apiError(401, 'UNAUTHENTICATED'),
    );
    fake.on(`POST ${Routes.authRefresh}`, {
      status: 200,
      body: { accessToken: 'new', refreshToken: 'r2' },
    });
    await Promise.all([api.get(Routes.me), api.get(Routes.me), api.get(Routes.me)]);
    expect(fake.requests(`POST ${Routes.authRefresh}`)).toHaveLength(1);
  });

  it('signs out when the refresh token is refused', async () => {
    saveSession({ accessToken: 'old', refreshToken: 'dead' });
    const signedOut = jest.fn();
    setSignedOutHandler(signedOut);
    fake.on(`GET ${Routes.me}`, apiError(401, 'UNAUTHENTICATED'));
    fake.on(`POST ${Routes.authRefresh}`, apiError(401, 'UNAUTHENTICATED'));
    await expect(api.get(Routes.me)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(signedOut).toHaveBeenCalledTimes(1);
    expect(readSession()).toBeNull();
  });

  it('turns the contract error into an ApiError with its code and details', async () => {
    saveSession({ accessToken: 'a1', refreshToken: 'r1' });
    fake.on(`POST ${Routes.departments}`, apiError(400, 'VALIDATION_FAILED', [{ field: 'name' }]));
    const failure = await api.post(Routes.departments, {}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    await expect(api.get(Routes.regions)).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});
