import { Injectable } from '@nestjs/common';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { AppConfig } from '../../../config/app-config';
import { AuthError } from '../auth.errors';

/** WeChat answers slowly under load; a login must not hang behind it. */
export const WECHAT_TIMEOUT_MS = 5_000;

/** What `jscode2session` proves: the user's openid (and unionid), and their session key. */
export interface WechatSession {
  appId: string;
  openId: string;
  unionId: string | null;
  sessionKey: string;
}

interface Code2SessionBody {
  openid?: unknown;
  session_key?: unknown;
  unionid?: unknown;
  errcode?: unknown;
  errmsg?: unknown;
}

/**
 * Calls WeChat's `jscode2session`. An `errcode` (40029 invalid code, 40163 code used, 45011
 * frequency limit …) means WeChat refused the login: 401. No answer, a timeout or a garbled
 * one means WeChat is unavailable: 503. The session key is returned to the caller only and
 * never logged.
 */
@Injectable()
export class WechatClient {
  /** How long one call may take; a field (not only the constant) so tests need not wait 5 s. */
  timeoutMs = WECHAT_TIMEOUT_MS;

  constructor(
    private readonly config: AppConfig,
    @InjectPinoLogger(WechatClient.name) private readonly logger: PinoLogger,
  ) {}

  async code2session(code: string): Promise<WechatSession> {
    const { appId, secret, apiBase } = this.config.wechat;
    if (!appId || !secret) {
      throw AuthError.unavailable('WeChat login is not configured on this server');
    }
    const url = new URL(`${apiBase}/sns/jscode2session`);
    url.search = new URLSearchParams({
      appid: appId,
      secret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();

    let body: Code2SessionBody;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = (await response.json()) as Code2SessionBody;
    } catch (error) {
      this.logger.warn(
        { reason: error instanceof Error ? error.message : String(error) },
        'WeChat jscode2session unavailable',
      );
      throw AuthError.unavailable('WeChat is not answering; try again shortly');
    }

    if (body.errcode !== undefined && body.errcode !== 0) {
      this.logger.info(
        { errcode: body.errcode, errmsg: body.errmsg },
        'WeChat refused a login code',
      );
      throw AuthError.wechatRefused();
    }
    if (typeof body.openid !== 'string' || typeof body.session_key !== 'string') {
      this.logger.warn('WeChat jscode2session answered without openid/session_key');
      throw AuthError.unavailable('WeChat gave an unexpected answer; try again shortly');
    }
    return {
      appId,
      openId: body.openid,
      unionId: typeof body.unionid === 'string' ? body.unionid : null,
      sessionKey: body.session_key,
    };
  }
}
