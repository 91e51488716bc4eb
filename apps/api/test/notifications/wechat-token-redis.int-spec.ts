import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import {
  AccessTokenCache,
  FetchedToken,
  RedisTokenStore,
} from '../../src/modules/notifications/wechat/access-token-cache';
import {
  accessTokenKey,
  WechatAccessTokens,
} from '../../src/modules/notifications/wechat/wechat-access-tokens';
import { fakeWechat, useFakeServer } from '../support/fake-servers';
import { useTestApp } from '../support/test-app';

/** A Redis database of its own (throttling uses 5, counter guesses 6). */
const REDIS_URL = 'redis://127.0.0.1:6379/7';
/** Keys of this run only, so parallel runs (SQLite and MariaDB) never share a token. */
const RUN = `yizhan-test:${randomUUID()}`;

describe('WeChat access token in Redis (integration, real Redis)', () => {
  let redis: Redis;
  const clients: Redis[] = [];

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${RUN}*`);
    if (keys.length > 0) await redis.del(...keys);
    for (const client of clients) client.disconnect();
    redis.disconnect();
  });

  /** A token endpoint handing out run-unique tokens, answering on a later tick. */
  function tokenEndpoint() {
    let issued = 0;
    return jest.fn(async (): Promise<FetchedToken> => {
      issued += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { token: `${RUN}-token-${issued}`, expiresInSeconds: 7200 };
    });
  }

  /** A cache as one API process builds it: its own Redis connection, the shared key. */
  function processCache(key: string, fetch: () => Promise<FetchedToken>): AccessTokenCache {
    const client = new Redis(REDIS_URL);
    clients.push(client);
    return new AccessTokenCache(new RedisTokenStore(client, key), fetch, { pollMs: 10 });
  }

  it('shares one fetched token between processes', async () => {
    const key = `${RUN}:shared`;
    const fetch = tokenEndpoint();
    const processes = [
      processCache(key, fetch),
      processCache(key, fetch),
      processCache(key, fetch),
    ];

    const tokens = await Promise.all(processes.flatMap((cache) => [cache.get(), cache.get()]));

    expect(new Set(tokens)).toEqual(new Set([`${RUN}-token-1`]));
    expect(fetch).toHaveBeenCalledTimes(1);
    const stored = JSON.parse((await redis.get(key)) ?? 'null') as { token: string };
    expect(stored.token).toBe(`${RUN}-token-1`);
    // Kept until shortly before WeChat's expiry (7200 s less the 5-minute margin).
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(6_800_000);
    expect(ttl).toBeLessThanOrEqual(6_900_000);
    expect(await redis.exists(`${key}:lock`)).toBe(0);
  });

  it('replaces a refused token once for every process', async () => {
    const key = `${RUN}:refresh`;
    const fetch = tokenEndpoint();
    const [first, second] = [processCache(key, fetch), processCache(key, fetch)];
    const stale = await first.get();

    const fresh = await Promise.all([first.refresh(stale), second.refresh(stale)]);

    expect(fresh).toEqual([`${RUN}-token-2`, `${RUN}-token-2`]);
    expect(await second.get()).toBe(`${RUN}-token-2`);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps a newer token when a process reports an older one refused', async () => {
    const key = `${RUN}:newer`;
    const fetch = tokenEndpoint();
    const [first, second] = [processCache(key, fetch), processCache(key, fetch)];
    const old = await first.get();
    const newer = await first.refresh(old);

    expect(await second.refresh(old)).toBe(newer);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  describe('API processes with REDIS_URL', () => {
    const appId = `wx-${RUN}`;
    const wechat = useFakeServer(fakeWechat());
    const ctx = useTestApp({
      env: () => ({
        WECHAT_APPID: appId,
        WECHAT_SECRET: 'secret',
        WECHAT_API_BASE: wechat.url,
        WECHAT_REPORT_TEMPLATE_ID: 'report-template',
        REDIS_URL,
      }),
    });

    it('use one token from WeChat for all of them', async () => {
      const other = await ctx.bootAnother();
      const caches = [ctx.app.get(WechatAccessTokens), other.get(WechatAccessTokens)];
      // Each connects in the background; wait until both clients are ready.
      for (const app of [ctx.app, other]) {
        const client = (app.get(WechatAccessTokens) as unknown as { redis: Redis }).redis;
        if (client.status !== 'ready')
          await new Promise((resolve) => client.once('ready', resolve));
      }

      const got = await Promise.all(caches.flatMap((cache) => [cache.get(), cache.get()]));

      expect(new Set(got)).toEqual(new Set(['fake-token-1']));
      expect(wechat.tokenRequests()).toHaveLength(1);
      expect(await redis.exists(accessTokenKey(appId))).toBe(1);
    });

    afterAll(async () => {
      await redis.del(accessTokenKey(appId), `${accessTokenKey(appId)}:lock`);
    });
  });
});
