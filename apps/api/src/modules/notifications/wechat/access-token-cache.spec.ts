import { AccessTokenCache, FetchedToken, MemoryTokenStore, TokenStore } from './access-token-cache';

/** A token endpoint that hands out token-1, token-2 … and counts its calls. */
function tokenEndpoint(expiresInSeconds = 7200) {
  let calls = 0;
  const fetch = jest.fn(async (): Promise<FetchedToken> => {
    calls += 1;
    const token = `token-${calls}`;
    // Answer on a later tick, as the network would, so concurrent callers overlap.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { token, expiresInSeconds };
  });
  return fetch;
}

describe(AccessTokenCache.name, () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = Date.parse('2026-11-30T00:00:00Z');
  });

  it('fetches once and reuses the token until five minutes before it expires', async () => {
    const fetch = tokenEndpoint(7200);
    const cache = new AccessTokenCache(new MemoryTokenStore(), fetch, { now: clock });

    expect(await cache.get()).toBe('token-1');
    now += 7200_000 - 300_000 - 1;
    expect(await cache.get()).toBe('token-1');
    expect(fetch).toHaveBeenCalledTimes(1);

    now += 1;
    expect(await cache.get()).toBe('token-2');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps a short-lived token for half its life at most', async () => {
    const fetch = tokenEndpoint(60);
    const cache = new AccessTokenCache(new MemoryTokenStore(), fetch, { now: clock });

    await cache.get();
    now += 29_999;
    expect(await cache.get()).toBe('token-1');
    now += 1;
    expect(await cache.get()).toBe('token-2');
  });

  it('makes one fetch for many concurrent callers (single flight)', async () => {
    const fetch = tokenEndpoint();
    const cache = new AccessTokenCache(new MemoryTokenStore(), fetch, { now: clock });

    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get()));

    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('replaces a token WeChat refused, once for all callers that saw it refused', async () => {
    const fetch = tokenEndpoint();
    const cache = new AccessTokenCache(new MemoryTokenStore(), fetch, { now: clock });
    const stale = await cache.get();

    const fresh = await Promise.all([cache.refresh(stale), cache.refresh(stale)]);

    expect(fresh).toEqual(['token-2', 'token-2']);
    expect(await cache.get()).toBe('token-2');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('does not throw away a newer token when told an older one was refused', async () => {
    const fetch = tokenEndpoint();
    const cache = new AccessTokenCache(new MemoryTokenStore(), fetch, { now: clock });
    const first = await cache.get();
    const second = await cache.refresh(first);

    // A late caller reports the first token again: the second one is still good.
    expect(await cache.refresh(first)).toBe(second);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('shares one fetch between caches on one store (processes on one Redis)', async () => {
    const fetch = tokenEndpoint();
    const store = new MemoryTokenStore();
    const caches = [1, 2, 3].map(
      () => new AccessTokenCache(store, fetch, { now: clock, pollMs: 1 }),
    );

    const tokens = await Promise.all(caches.map((cache) => cache.get()));

    expect(tokens).toEqual(['token-1', 'token-1', 'token-1']);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('lets the next caller try again after a failed fetch', async () => {
    const fetch = jest
      .fn<Promise<FetchedToken>, []>()
      .mockRejectedValueOnce(new Error('WeChat unavailable'))
      .mockResolvedValueOnce({ token: 'token-ok', expiresInSeconds: 7200 });
    const cache = new AccessTokenCache(new MemoryTokenStore(), fetch, { now: clock });

    await expect(cache.get()).rejects.toThrow('WeChat unavailable');
    await expect(cache.get()).resolves.toBe('token-ok');
  });

  it('carries on with its own copy when the store fails', async () => {
    const errors: unknown[] = [];
    const broken: TokenStore = {
      get: () => Promise.reject(new Error('redis down')),
      set: () => Promise.reject(new Error('redis down')),
      discard: () => Promise.reject(new Error('redis down')),
      lock: () => Promise.reject(new Error('redis down')),
    };
    const fetch = tokenEndpoint();
    const cache = new AccessTokenCache(broken, fetch, {
      now: clock,
      onStoreError: (error) => errors.push(error),
    });

    expect(await cache.get()).toBe('token-1');
    expect(await cache.get()).toBe('token-1');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(errors.length).toBeGreaterThan(0);
  });
});
