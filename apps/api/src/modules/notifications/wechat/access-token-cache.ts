import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

/** An access token and the moment to stop using it (shortly before WeChat expires it). */
export interface CachedToken {
  token: string;
  /** Epoch milliseconds. */
  refreshAt: number;
}

/** What WeChat's token endpoint answered. */
export interface FetchedToken {
  token: string;
  expiresInSeconds: number;
}

/** Releases a refresh lock. */
export type ReleaseLock = () => Promise<void>;

/**
 * Where the token lives between calls: this process's memory, or Redis, shared by every API
 * process (each fetch of a new token cuts the life of the previous one to five minutes, so
 * processes must not each fetch their own).
 */
export interface TokenStore {
  get(): Promise<CachedToken | null>;
  set(token: CachedToken, now: number): Promise<void>;
  /** Forgets `token` if it is still the stored one; a newer token stays. */
  discard(token: string): Promise<void>;
  /** The right to fetch a new token for `ttlMs`; null while someone else holds it. */
  lock(ttlMs: number, now: number): Promise<ReleaseLock | null>;
}

/** One process's store; its lock serialises caches sharing it as Redis serialises processes. */
export class MemoryTokenStore implements TokenStore {
  private value: CachedToken | null = null;
  private lockedUntil = 0;

  async get(): Promise<CachedToken | null> {
    return this.value;
  }

  async set(token: CachedToken): Promise<void> {
    this.value = token;
  }

  async discard(token: string): Promise<void> {
    if (this.value?.token === token) this.value = null;
  }

  async lock(ttlMs: number, now: number): Promise<ReleaseLock | null> {
    if (this.lockedUntil > now) return null;
    this.lockedUntil = now + ttlMs;
    return async () => {
      this.lockedUntil = 0;
    };
  }
}

const DISCARD_IF_CURRENT = `
local value = redis.call('GET', KEYS[1])
if value and cjson.decode(value).token == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** The token in Redis under `key`, with `key:lock` as the cross-process refresh lock. */
export class RedisTokenStore implements TokenStore {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  async get(): Promise<CachedToken | null> {
    const raw = await this.redis.get(this.key);
    if (raw === null) return null;
    const value = JSON.parse(raw) as Partial<CachedToken>;
    return typeof value.token === 'string' && typeof value.refreshAt === 'number'
      ? { token: value.token, refreshAt: value.refreshAt }
      : null;
  }

  async set(token: CachedToken, now: number): Promise<void> {
    const ttlMs = Math.max(1, token.refreshAt - now);
    await this.redis.set(this.key, JSON.stringify(token), 'PX', ttlMs);
  }

  async discard(token: string): Promise<void> {
    await this.redis.eval(DISCARD_IF_CURRENT, 1, this.key, token);
  }

  async lock(ttlMs: number): Promise<ReleaseLock | null> {
    const lockKey = `${this.key}:lock`;
    const owner = randomUUID();
    const taken = await this.redis.set(lockKey, owner, 'PX', ttlMs, 'NX');
    if (taken !== 'OK') return null;
    return async () => {
      await this.redis.eval(RELEASE_IF_OWNER, 1, lockKey, owner);
    };
  }
}

export interface AccessTokenCacheOptions {
  /** Stop using a token this long before WeChat says it expires (at most half its life). */
  refreshMarginMs?: number;
  /** How long one fetch may hold the refresh lock. */
  lockTtlMs?: number;
  /** How often a process waiting for another's fetch looks for the new token. */
  pollMs?: number;
  now?: () => number;
  /** Told when the store fails; the cache then carries on with this process's copy. */
  onStoreError?: (error: unknown) => void;
}

/**
 * WeChat's app access token, fetched once and reused until shortly before it expires. One
 * fetch at a time: callers in this process share the fetch in flight, and processes sharing a
 * store take its lock, the others waiting for the winner's token. When the store (Redis)
 * fails, the cache keeps going with its own copy rather than stopping every message.
 */
export class AccessTokenCache {
  private local: CachedToken | null = null;
  private inflight: Promise<string> | null = null;
  private readonly refreshMarginMs: number;
  private readonly lockTtlMs: number;
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly onStoreError: (error: unknown) => void;

  constructor(
    private readonly store: TokenStore,
    private readonly fetchToken: () => Promise<FetchedToken>,
    options: AccessTokenCacheOptions = {},
  ) {
    this.refreshMarginMs = options.refreshMarginMs ?? 5 * 60_000;
    this.lockTtlMs = options.lockTtlMs ?? 10_000;
    this.pollMs = options.pollMs ?? 100;
    this.now = options.now ?? Date.now;
    this.onStoreError = options.onStoreError ?? (() => undefined);
  }

  /** A token still good for a while: the cached one, or a newly fetched one. */
  async get(): Promise<string> {
    const cached = await this.read();
    if (cached && this.usable(cached)) return cached.token;
    return this.refreshOnce(null);
  }

  /** WeChat refused `stale` (40001, 42001, 40014): forget it and return another one. */
  async refresh(stale: string): Promise<string> {
    if (this.local?.token === stale) this.local = null;
    await this.guard(() => this.store.discard(stale), undefined);
    return this.refreshOnce(stale);
  }

  private refreshOnce(stale: string | null): Promise<string> {
    this.inflight ??= this.refreshLocked(stale).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async refreshLocked(stale: string | null): Promise<string> {
    const giveUpAt = this.now() + 2 * this.lockTtlMs;
    for (;;) {
      // Without a store there is nobody to wait for: fetch alone.
      const release = await this.guard(
        () => this.store.lock(this.lockTtlMs, this.now()),
        async () => undefined,
      );
      if (release) {
        try {
          // Another process may have stored a new token between our read and our lock.
          const current = await this.read();
          if (current && current.token !== stale && this.usable(current)) return current.token;
          return await this.fetchAndStore();
        } finally {
          await this.guard(release, undefined);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
      const current = await this.read();
      if (current && current.token !== stale && this.usable(current)) return current.token;
      if (this.now() > giveUpAt)
        throw new Error('Timed out waiting for another access-token fetch');
    }
  }

  private async fetchAndStore(): Promise<string> {
    const fetched = await this.fetchToken();
    const lifeMs = fetched.expiresInSeconds * 1000;
    const now = this.now();
    const token = {
      token: fetched.token,
      refreshAt: now + lifeMs - Math.min(this.refreshMarginMs, lifeMs / 2),
    };
    this.local = token;
    await this.guard(() => this.store.set(token, now), undefined);
    return token.token;
  }

  /** The stored token, or this process's copy when the store cannot be read. */
  private async read(): Promise<CachedToken | null> {
    const stored = await this.guard(() => this.store.get(), this.local);
    if (stored) this.local = stored;
    return stored;
  }

  private usable(token: CachedToken): boolean {
    return token.refreshAt > this.now();
  }

  private async guard<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.onStoreError(error);
      return fallback;
    }
  }
}
