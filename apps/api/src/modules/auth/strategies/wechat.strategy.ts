import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { WechatLoginDto } from '@yizhan/contracts';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { validateBody } from '../../../common/pipes/validate-body';
import { UserEntity } from '../../users/user.entity';
import { AccountsService } from '../accounts.service';
import { WechatClient } from '../wechat/wechat.client';

/** `POST /auth/wechat`: the code from `wx.login`, proven with WeChat, names a worker. */
@Injectable()
export class WechatStrategy extends PassportStrategy(Strategy, 'wechat') {
  constructor(
    private readonly wechat: WechatClient,
    private readonly accounts: AccountsService,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<UserEntity> {
    const { code } = validateBody(WechatLoginDto, request.body);
    return this.accounts.workerByWechat(await this.wechat.code2session(code));
  }
}
