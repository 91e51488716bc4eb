import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { RefreshTokenEntity } from '../auth/refresh-token.entity';

/** How long another instance's logout may take to reach this one. */
const CHECK_TTL_MS = 5_000;
const MAX_CACHED_SESSIONS = 50_000;

/**
 * Whether a session (a refresh-token family) was ended — by logout, account erasure or a
 * detected refresh-token replay — so its still-unexpired access tokens stop working too. Any
 * revoked token revokes the family: revocation marks the tokens that exist at that moment, and
 * one issued by a refresh racing it must not outlive it.
 * Answers are cached a few seconds per session: one indexed query per session and instance
 * every few seconds, not per request. Revocations made by this instance apply at once.
 */
@Injectable()
export class SessionRevocations {
  private readonly checked = new Map<string, { revoked: boolean; until: number }>();

  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
  ) {}

  /**
   * `fresh` skips a cached "not revoked" (refresh rotation must not trust a few-second-old
   * answer); a cached "revoked" is final either way.
   */
  async isRevoked(sessionId: string, { fresh = false } = {}): Promise<boolean> {
    const known = this.knownAnswer(sessionId);
    if (known === true || (known === false && !fresh)) return known;
    return this.lookUp(sessionId, Date.now());
  }

  /**
   * The answer `isRevoked` would give from its cache, without a promise when there is one
   * (the access-token check of nearly every request); undefined when the database must be asked.
   */
  knownAnswer(sessionId: string): boolean | undefined {
    const cached = this.checked.get(sessionId);
    if (cached && (cached.revoked || cached.until > Date.now())) return cached.revoked;
    return undefined;
  }

  markRevoked(sessionId: string): void {
    this.remember(sessionId, true, Number.POSITIVE_INFINITY);
  }

  private async lookUp(sessionId: string, now: number): Promise<boolean> {
    const revoked =
      (await this.tokens.countBy({ familyId: sessionId, revokedAt: Not(IsNull()) })) > 0;
    this.remember(sessionId, revoked, revoked ? Number.POSITIVE_INFINITY : now + CHECK_TTL_MS);
    return revoked;
  }

  private remember(sessionId: string, revoked: boolean, until: number): void {
    // A crude bound: sessions are cheap to re-check, memory is not free.
    if (this.checked.size >= MAX_CACHED_SESSIONS) this.checked.clear();
    this.checked.set(sessionId, { revoked, until });
  }
}
