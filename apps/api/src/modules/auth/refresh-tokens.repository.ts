import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { RefreshTokenEntity } from './refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
  ) {}

  async insert(token: RefreshTokenEntity, manager?: TxManager): Promise<void> {
    await (manager ? manager.getRepository(RefreshTokenEntity) : this.tokens).insert(token);
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  /**
   * Marks a live token used; true only for the one caller that won (a conditional update, so
   * two concurrent refreshes with the same token cannot both succeed).
   */
  async markUsed(id: string, at: Date, manager: TxManager): Promise<boolean> {
    const result = await manager
      .getRepository(RefreshTokenEntity)
      .update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllOfUser(userId: string, at: Date, manager?: TxManager): Promise<void> {
    await (manager ? manager.getRepository(RefreshTokenEntity) : this.tokens).update(
      { userId, revokedAt: IsNull() },
      { revokedAt: at },
    );
  }

  ofUser(userId: string): Promise<RefreshTokenEntity[]> {
    return this.tokens.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }
}
