import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TxManager } from '../../../database/transactions';
import { WechatIdentityEntity } from '../wechat-identity.entity';

@Injectable()
export class WechatIdentitiesRepository {
  constructor(
    @InjectRepository(WechatIdentityEntity)
    private readonly identities: Repository<WechatIdentityEntity>,
  ) {}

  findByOpenId(appId: string, openId: string): Promise<WechatIdentityEntity | null> {
    return this.identities.findOneBy({ appId, openId });
  }

  findByUser(userId: string, manager?: TxManager): Promise<WechatIdentityEntity | null> {
    return (manager ? manager.getRepository(WechatIdentityEntity) : this.identities).findOneBy({
      userId,
    });
  }

  async insert(identity: WechatIdentityEntity, manager?: TxManager): Promise<void> {
    await (manager ? manager.getRepository(WechatIdentityEntity) : this.identities).insert(
      identity,
    );
  }

  async updateSession(
    id: string,
    changes: Pick<WechatIdentityEntity, 'sessionKeyCipher' | 'unionId'>,
  ) {
    await this.identities.update({ id }, changes);
  }

  async deleteByUser(userId: string, manager: TxManager): Promise<void> {
    await manager.getRepository(WechatIdentityEntity).delete({ userId });
  }
}
