import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../../config/app-config';
import {
  AccessTokenCache,
  MemoryTokenStore,
  RedisTokenStore,
  TokenStore,
} from './access-token-cache';
import { WechatApi } from './wechat-api';

/** Redis key of the app's token (per app id: two apps on one Redis keep two tokens). */
export function accessTokenKey(appId: string): string {
  return `yizhan:wechat:access-token:${appId}`;
}

/**
 * The app's WeChat access token for this process: in Redis when `REDIS_URL` is set (every API
 * process uses the one token and one of them refreshes it), in memory otherwise.
 */
@Injectable()
export class WechatAccessTokens implements OnModuleDestroy {
  private readonly redis: Redis | null;
  private readonly cache: AccessTokenCache;

  constructor(
    config: AppConfig,
    api: WechatApi,
    @InjectPinoLogger(WechatAccessTokens.name) private readonly logger: PinoLogger,
  ) {
    // Without an offline queue a Redis outage fails fast and the cache uses its own copy. A
    // process that sends no subscribe messages needs no connection.
    this.redis =
      config.redisUrl && config.wechat.reportMessages
        ? new Redis(config.redisUrl, { enableOfflineQueue: false })
        : null;
    const store: TokenStore = this.redis
      ? new RedisTokenStore(this.redis, accessTokenKey(config.wechat.appId ?? 'none'))
      : new MemoryTokenStore();
    this.cache = new AccessTokenCache(store, () => api.fetchAccessToken(), {
      onStoreError: (error) =>
        this.logger.warn({ err: error }, 'WeChat token store failed; using this process copy'),
    });
  }

  get(): Promise<string> {
    return this.cache.get();
  }

  refresh(stale: string): Promise<string> {
    return this.cache.refresh(stale);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
