import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { SmsLoginDto } from '@yizhan/contracts';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { validateBody } from '../../../common/pipes/validate-body';
import { UserEntity } from '../../users/user.entity';
import { AccountsService } from '../accounts.service';
import { SmsLoginService } from '../sms/sms-login.service';

/** `POST /auth/sms/login`: a phone that proves it received our code names a worker. */
@Injectable()
export class SmsStrategy extends PassportStrategy(Strategy, 'sms') {
  constructor(
    private readonly sms: SmsLoginService,
    private readonly accounts: AccountsService,
  ) {
    super();
  }

  async validate(request: FastifyRequest): Promise<UserEntity> {
    const { phone, code } = validateBody(SmsLoginDto, request.body);
    await this.sms.verify(phone, code);
    return this.accounts.workerByPhone(phone);
  }
}
