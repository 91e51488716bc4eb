import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PinoLogger } from 'nestjs-pino';
import { SmsMessage, SmsSender } from './sms-sender';

export const DEV_SMS_OUTBOX = 'dev-sms-outbox.jsonl';

/**
 * Development sender (`SMS_SENDER=log`, the embedded default; refused in production): writes
 * each code to the log and appends it to `DATA_DIR/dev-sms-outbox.jsonl`, where a developer or
 * a browser test reads it — the same code path as a real SMS, with no bypass in the API.
 */
export class LogSmsSender extends SmsSender {
  readonly enabled = true;

  constructor(
    private readonly dataDir: string,
    private readonly logger: PinoLogger,
  ) {
    super();
  }

  async send(message: SmsMessage): Promise<void> {
    this.logger.warn(
      { phone: message.phone, code: message.code },
      'Development SMS sender: login code (not sent to a phone)',
    );
    await mkdir(this.dataDir, { recursive: true });
    const line = JSON.stringify({ ...message, sentAt: new Date().toISOString() });
    await appendFile(join(this.dataDir, DEV_SMS_OUTBOX), `${line}\n`, { mode: 0o600 });
  }
}
