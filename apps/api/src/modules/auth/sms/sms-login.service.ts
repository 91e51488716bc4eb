import { Injectable } from '@nestjs/common';
import { SmsSendResponse } from '@yizhan/contracts';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Clock } from '../../../common/clock';
import { PiiCipher } from '../../../common/crypto/pii-cipher';
import { ProfilesService } from '../../users/profiles.service';
import { AuthError } from '../auth.errors';
import { SmsChallengeEntity } from '../sms-challenge.entity';
import { SmsChallengesRepository } from './sms-challenges.repository';
import { SmsSender } from './sms-sender';

export const SMS_CODE_TTL_SECONDS = 5 * 60;
export const SMS_RESEND_AFTER_SECONDS = 60;
export const SMS_MAX_ATTEMPTS = 5;
export const SMS_MAX_PER_DAY = 10;

/**
 * One-time SMS codes for H5 login. A code lives five minutes, allows five guesses, and a
 * phone gets at most one code a minute and ten a day (on top of the per-IP rate limit), so
 * guessing a 6-digit code or flooding a stranger's phone costs more than it can win.
 */
@Injectable()
export class SmsLoginService {
  constructor(
    private readonly challenges: SmsChallengesRepository,
    private readonly sender: SmsSender,
    private readonly cipher: PiiCipher,
    private readonly profiles: ProfilesService,
    private readonly clock: Clock,
    @InjectPinoLogger(SmsLoginService.name) private readonly logger: PinoLogger,
  ) {}

  async send(phone: string): Promise<SmsSendResponse> {
    if (!this.sender.enabled)
      throw AuthError.unavailable('Phone login is not enabled on this server');
    const now = this.clock.now();
    const phoneIndex = this.profiles.phoneIndex(phone);
    const latest = await this.challenges.latestFor(phoneIndex);
    if (latest) {
      const waitMs = latest.createdAt.getTime() + SMS_RESEND_AFTER_SECONDS * 1000 - now.getTime();
      if (waitMs > 0) throw AuthError.tooSoon(Math.ceil(waitMs / 1000));
    }
    const sentToday = await this.challenges.countSince(
      phoneIndex,
      new Date(now.getTime() - 86_400_000),
    );
    if (sentToday >= SMS_MAX_PER_DAY) throw AuthError.tooSoon(3600);

    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    const challenge = Object.assign(new SmsChallengeEntity(), {
      id: randomUUID(),
      phoneIndex,
      codeHash: '',
      expiresAt: new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000),
      attempts: 0,
      consumedAt: null,
      createdAt: now,
    });
    challenge.codeHash = this.codeHash(challenge.id, code);
    await this.challenges.retireOpen(phoneIndex, now);
    await this.challenges.insert(challenge);
    try {
      await this.sender.send({ phone, code, ttlSeconds: SMS_CODE_TTL_SECONDS });
    } catch (error) {
      await this.challenges.delete(challenge.id);
      this.logger.error(
        { reason: error instanceof Error ? error.message : String(error) },
        'SMS sender failed',
      );
      throw AuthError.unavailable('The SMS could not be sent; try again shortly');
    }
    return { expiresInSeconds: SMS_CODE_TTL_SECONDS, resendAfterSeconds: SMS_RESEND_AFTER_SECONDS };
  }

  /** Consumes the phone's open code if `code` matches; throws 401 otherwise. */
  async verify(phone: string, code: string): Promise<void> {
    const now = this.clock.now();
    const challenge = await this.challenges.latestFor(this.profiles.phoneIndex(phone));
    if (!challenge || challenge.consumedAt || challenge.expiresAt <= now)
      throw AuthError.badSmsCode();
    if (!(await this.challenges.takeAttempt(challenge.id, SMS_MAX_ATTEMPTS))) {
      throw AuthError.badSmsCode();
    }
    const expected = Buffer.from(challenge.codeHash, 'hex');
    const given = Buffer.from(this.codeHash(challenge.id, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw AuthError.badSmsCode();
    }
    if (!(await this.challenges.consume(challenge.id, now))) throw AuthError.badSmsCode();
  }

  /** Bound to the challenge and keyed: a leaked table cannot be brute-forced offline. */
  private codeHash(challengeId: string, code: string): string {
    return createHmac('sha256', this.cipher.index('sms-code-key', challengeId))
      .update(code)
      .digest('hex');
  }
}
