import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import {
  AuthResponse,
  PasswordLoginDto,
  RefreshTokenDto,
  Routes,
  SmsLoginDto,
  SmsSendDto,
  SmsSendResponse,
  WechatLoginDto,
} from '@yizhan/contracts';
import { FastifyRequest } from 'fastify';
import { ApiErrorResponses } from '../../common/decorators/api-error-responses.decorator';
import { CurrentActor, Public, RequestInfo, RequestMeta } from '../access/access.decorators';
import { Actor } from '../access/actor';
import { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';
import { SmsLoginService } from './sms/sms-login.service';
import { perMinute } from '../../common/throttling/throttling.module';

type LoggedInRequest = FastifyRequest & { user: UserEntity };

/**
 * Sign-in routes. Each login route proves an identity through a passport strategy (the body
 * is validated there), then gets a fresh session. Limits are per IP address: a caller is
 * anonymous here.
 */
@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sms: SmsLoginService,
  ) {}

  @Post(Routes.authWechat)
  @Public()
  @HttpCode(200)
  @Throttle(perMinute(20))
  @UseGuards(AuthGuard('wechat'))
  @ApiOperation({ summary: 'Worker login with the code of wx.login (jscode2session)' })
  @ApiErrorResponses(400, 401, 429, 503)
  wechat(
    @Req() request: LoggedInRequest,
    @Body() _body: WechatLoginDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<AuthResponse> {
    return this.auth.signIn(request.user, meta);
  }

  @Post(Routes.authSmsSend)
  @Public()
  @HttpCode(200)
  @Throttle(perMinute(5))
  @ApiOperation({ summary: 'Send a one-time login code by SMS (H5 workers)' })
  @ApiErrorResponses(400, 429, 503)
  sendSms(@Body() body: SmsSendDto): Promise<SmsSendResponse> {
    return this.sms.send(body.phone);
  }

  @Post(Routes.authSmsLogin)
  @Public()
  @HttpCode(200)
  @Throttle(perMinute(10))
  @UseGuards(AuthGuard('sms'))
  @ApiOperation({ summary: 'Worker login with phone number and SMS code' })
  @ApiErrorResponses(400, 401, 429)
  smsLogin(
    @Req() request: LoggedInRequest,
    @Body() _body: SmsLoginDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<AuthResponse> {
    return this.auth.signIn(request.user, meta);
  }

  @Post(Routes.authLogin)
  @Public()
  @HttpCode(200)
  @Throttle(perMinute(10))
  @UseGuards(AuthGuard('password'))
  @ApiOperation({ summary: 'Staff and merchant login with username and password' })
  @ApiErrorResponses(400, 401, 429)
  login(
    @Req() request: LoggedInRequest,
    @Body() _body: PasswordLoginDto,
    @RequestInfo() meta: RequestMeta,
  ): Promise<AuthResponse> {
    return this.auth.signIn(request.user, meta);
  }

  @Post(Routes.authRefresh)
  @Public()
  @HttpCode(200)
  @Throttle(perMinute(30))
  @ApiOperation({
    summary: 'New token pair for a refresh token (which dies); a dead one revokes its family',
  })
  @ApiErrorResponses(400, 401, 429)
  refresh(@Body() body: RefreshTokenDto): Promise<AuthResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post(Routes.authLogout)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session: its refresh tokens stop working' })
  @ApiErrorResponses(400, 401)
  logout(@CurrentActor() actor: Actor, @Body() body: RefreshTokenDto): Promise<void> {
    return this.auth.logout(body.refreshToken, actor.userId);
  }
}
