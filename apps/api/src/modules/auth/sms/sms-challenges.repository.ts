import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, MoreThan, Repository } from 'typeorm';
import { SmsChallengeEntity } from '../sms-challenge.entity';

@Injectable()
export class SmsChallengesRepository {
  constructor(
    @InjectRepository(SmsChallengeEntity)
    private readonly challenges: Repository<SmsChallengeEntity>,
  ) {}

  async insert(challenge: SmsChallengeEntity): Promise<void> {
    await this.challenges.insert(challenge);
  }

  async delete(id: string): Promise<void> {
    await this.challenges.delete({ id });
  }

  latestFor(phoneIndex: string): Promise<SmsChallengeEntity | null> {
    return this.challenges.findOne({ where: { phoneIndex }, order: { createdAt: 'DESC' } });
  }

  countSince(phoneIndex: string, since: Date): Promise<number> {
    return this.challenges.countBy({ phoneIndex, createdAt: MoreThan(since) });
  }

  /** A newer code retires the older ones still open. */
  async retireOpen(phoneIndex: string, at: Date): Promise<void> {
    await this.challenges.update({ phoneIndex, consumedAt: IsNull() }, { consumedAt: at });
  }

  /** Counts one guess if attempts remain; false when none remain or it is closed. */
  async takeAttempt(id: string, maxAttempts: number): Promise<boolean> {
    const result = await this.challenges
      .createQueryBuilder()
      .update(SmsChallengeEntity)
      .set({ attempts: () => 'attempts + 1' })
      .where('id = :id AND attempts < :max AND consumed_at IS NULL', { id, max: maxAttempts })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Consumes the challenge; true only for the single caller that did. */
  async consume(id: string, at: Date): Promise<boolean> {
    const result = await this.challenges.update({ id, consumedAt: IsNull() }, { consumedAt: at });
    return (result.affected ?? 0) === 1;
  }

  /** Housekeeping: challenges past their use (kept a day for the send-rate window). */
  async deleteOlderThan(before: Date): Promise<void> {
    await this.challenges.delete({ createdAt: LessThan(before) });
  }
}
