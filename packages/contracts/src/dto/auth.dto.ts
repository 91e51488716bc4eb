import { IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import type { MeResponse } from './me.dto';
import { PASSWORD_MAX_LENGTH, PHONE_PATTERN } from '../account-values';

/** `POST /auth/wechat`: the code `wx.login` returned (valid for five minutes, once). */
export class WechatLoginDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  code!: string;
}

/** `POST /auth/sms/send`: ask for a one-time login code by SMS (H5 workers). */
export class SmsSendDto {
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mainland mobile number' })
  phone!: string;
}

/** `POST /auth/sms/login`: the phone and the code it received. */
export class SmsLoginDto {
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be an 11-digit mainland mobile number' })
  phone!: string;

  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits of the SMS' })
  code!: string;
}

/** `POST /auth/login`: staff and merchant accounts. */
export class PasswordLoginDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

/** `POST /auth/refresh` and `POST /auth/logout`. */
export class RefreshTokenDto {
  @IsString()
  @MinLength(20)
  @MaxLength(256)
  refreshToken!: string;
}

/** How the caller proved who they are; also the kind of the account's credentials. */
export const LoginMethod = { Wechat: 'wechat', Sms: 'sms', Password: 'password' } as const;
export type LoginMethod = (typeof LoginMethod)[keyof typeof LoginMethod];
export const LOGIN_METHODS: readonly LoginMethod[] = Object.values(LoginMethod);

/** Answer of every login and of `POST /auth/refresh`. */
export interface AuthResponse {
  accessToken: string;
  /** ISO time the access token stops working; refresh before it. */
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: MeResponse;
}

/** Answer of `POST /auth/sms/send`. */
export interface SmsSendResponse {
  /** Seconds the code stays valid. */
  expiresInSeconds: number;
  /** Seconds before another code may be requested for this phone. */
  resendAfterSeconds: number;
}
