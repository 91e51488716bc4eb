import { SmsMessage, SmsSender } from './sms-sender';

const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * Production sender (`SMS_SENDER=webhook`): POSTs `{phone, code, ttlSeconds, template}` as JSON
 * to the operator's SMS gateway (Aliyun, Tencent Cloud … behind their own small adapter), with
 * `Authorization: Bearer SMS_WEBHOOK_TOKEN` when set. Anything but a 2xx is a failed send.
 */
export class WebhookSmsSender extends SmsSender {
  readonly enabled = true;

  constructor(
    private readonly url: string,
    private readonly token: string | null,
  ) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...message, template: 'login' }),
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`SMS gateway answered HTTP ${response.status}`);
  }
}

/** `SMS_SENDER=none`: phone login is off on this server. */
export class DisabledSmsSender extends SmsSender {
  readonly enabled = false;

  send(): Promise<void> {
    return Promise.reject(new Error('SMS is disabled'));
  }
}
