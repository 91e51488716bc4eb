import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../common/errors/domain.error';
import { AppConfig } from '../../config/app-config';

/** Unknown or foreign codes one counter account may try per window before it must wait. */
export const MAX_CODE_MISSES = 10;
export const CODE_MISS_WINDOW_SECONDS = 15 * 60;

/**
 * Stops enumeration of redemption codes at the counter. Every verify or fulfil of a code that
 * does not exist or belongs to another merchant counts as a miss for the staff account; after
 * MAX_CODE_MISSES in the window that account may look up no code at all until the window ends
 * (checked before the lookup, so a blocked guesser learns nothing). With ~10¹² codes and a few
 * hundred live per merchant, that is one hit in ~10⁸ windows. Counters live in Redis when
 * configured (shared by all API instances), in memory otherwise.
 */
@Injectable()
export class RedemptionGuesses implements OnModuleDestroy {
  private readonly redis: Redis | null;
  private readonly misses: RateLimiterAbstract;

  constructor(config: AppConfig) {
    const options = {
      keyPrefix: 'redemption-code-miss',
      points: MAX_CODE_MISSES,
      duration: CODE_MISS_WINDOW_SECONDS,
    };
    // Without an offline queue a Redis outage fails fast, and the in-memory insurance limiter
    // keeps counting on this instance meanwhile (the library's documented set-up).
    this.redis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false }) : null;
    this.misses = this.redis
      ? new RateLimiterRedis({
          ...options,
          storeClient: this.redis,
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options);
  }

  /** 429 when the account has used up its misses. */
  async assertMayLookUp(userId: string): Promise<void> {
    const state = await this.misses.get(userId);
    if (state && state.consumedPoints >= MAX_CODE_MISSES) {
      throw new RateLimitedError(
        Math.max(1, Math.ceil(state.msBeforeNext / 1000)),
        'Too many unknown codes were tried; wait before trying again',
      );
    }
  }

  async recordMiss(userId: string): Promise<void> {
    await this.misses.penalty(userId, 1);
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
