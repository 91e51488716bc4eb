import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';

/** A generous ceiling for ordinary routes; auth routes set tighter ones with `@Throttle`. */
export const DEFAULT_RATE_LIMIT = { ttl: 60_000, limit: 300 } as const;

/** `@Throttle(perMinute(n))`: a tighter limit of the default throttler for one route. */
export const perMinute = (limit: number) => ({ default: { limit, ttl: 60_000 } });

/**
 * Rate limits with @nestjs/throttler. Counters live in Redis when `REDIS_URL` is set (shared by
 * every API instance), in memory otherwise (one process, the embedded default).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ...DEFAULT_RATE_LIMIT }],
        errorMessage: 'Too many requests; wait a moment and try again',
        storage: config.redisUrl ? new ThrottlerStorageRedisService(config.redisUrl) : undefined,
      }),
    }),
  ],
  exports: [ThrottlerModule],
})
export class ThrottlingModule {}
