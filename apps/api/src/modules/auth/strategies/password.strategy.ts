import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { PasswordLoginDto } from '@yizhan/contracts';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { validateBody } from '../../../common/pipes/validate-body';
import { UserEntity } from '../../users/user.entity';
import { AccountsService } from '../accounts.service';

/**
 * `POST /auth/login` for staff and merchant accounts. passport-custom rather than
 * passport-local so a missing field is a 400 with the contract's details, like every route.
 */
@Injectable()
export class PasswordStrategy extends PassportStrategy(Strategy, 'password') {
  constructor(private readonly accounts: AccountsService) {
    super();
  }

  validate(request: FastifyRequest): Promise<UserEntity> {
    const { username, password } = validateBody(PasswordLoginDto, request.body);
    return this.accounts.staffByPassword(username, password);
  }
}
