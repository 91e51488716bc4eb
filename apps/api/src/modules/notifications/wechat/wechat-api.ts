import { Injectable } from '@nestjs/common';
import { AppConfig, MiniprogramState } from '../../../config/app-config';
import { FetchedToken } from './access-token-cache';
import { TemplateData } from './wechat-message.entity';

/** WeChat answers slowly under load; a sweep must not hang behind one call. */
export const WECHAT_CALL_TIMEOUT_MS = 5_000;

/** The body of `POST /cgi-bin/message/subscribe/send`. */
export interface SubscribeMessage {
  touser: string;
  template_id: string;
  page: string;
  data: TemplateData;
  miniprogram_state: MiniprogramState;
  lang: 'zh_CN';
}

/** WeChat's verdict on one call: 0 is success, anything else an error code. */
export interface WechatAnswer {
  errcode: number;
  errmsg: string;
}

/**
 * WeChat did not give a usable answer (network, timeout, 5xx, garbage) or refused to hand out
 * an access token (bad credentials, IP not allowed, rate limit): worth trying again later.
 */
export class WechatUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WechatUnavailableError';
  }
}

interface TokenBody {
  access_token?: unknown;
  expires_in?: unknown;
  errcode?: unknown;
  errmsg?: unknown;
}

/** The two server-side WeChat calls a subscribe message needs, at `WECHAT_API_BASE`. */
@Injectable()
export class WechatApi {
  /** How long one call may take; a field so tests need not wait 5 s. */
  timeoutMs = WECHAT_CALL_TIMEOUT_MS;

  constructor(private readonly config: AppConfig) {}

  /** `GET /cgi-bin/token?grant_type=client_credential`: a new app access token. */
  async fetchAccessToken(): Promise<FetchedToken> {
    const { appId, secret, apiBase } = this.config.wechat;
    if (!appId || !secret) throw new WechatUnavailableError('WeChat credentials are not set');
    const url = new URL(`${apiBase}/cgi-bin/token`);
    url.search = new URLSearchParams({
      grant_type: 'client_credential',
      appid: appId,
      secret,
    }).toString();
    const body = (await this.call(url, { method: 'GET' })) as TokenBody;
    if (typeof body.access_token === 'string' && typeof body.expires_in === 'number') {
      return { token: body.access_token, expiresInSeconds: body.expires_in };
    }
    // The secret never reaches a log or an error message: only WeChat's code and message.
    throw new WechatUnavailableError(
      `access token refused: errcode ${String(body.errcode)} ${String(body.errmsg ?? '')}`.trim(),
    );
  }

  /** `POST /cgi-bin/message/subscribe/send`; WeChat's errcode is the caller's to judge. */
  async sendSubscribeMessage(
    accessToken: string,
    message: SubscribeMessage,
  ): Promise<WechatAnswer> {
    const url = new URL(`${this.config.wechat.apiBase}/cgi-bin/message/subscribe/send`);
    url.search = new URLSearchParams({ access_token: accessToken }).toString();
    const body = (await this.call(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
    })) as { errcode?: unknown; errmsg?: unknown };
    if (typeof body.errcode !== 'number') {
      throw new WechatUnavailableError('subscribe/send answered without an errcode');
    }
    return { errcode: body.errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : '' };
  }

  private async call(url: URL, init: RequestInit): Promise<Record<string, unknown>> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new WechatUnavailableError(
        `${url.pathname} unreachable: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!response.ok)
      throw new WechatUnavailableError(`${url.pathname} answered HTTP ${response.status}`);
    try {
      const body: unknown = await response.json();
      if (typeof body !== 'object' || body === null) throw new Error('not an object');
      return body as Record<string, unknown>;
    } catch {
      throw new WechatUnavailableError(`${url.pathname} answered something other than JSON`);
    }
  }
}
