/** A one-time login code to deliver. */
export interface SmsMessage {
  phone: string;
  code: string;
  ttlSeconds: number;
}

/**
 * Delivers login codes. The configured implementation is chosen by `SMS_SENDER`; a sender
 * that cannot deliver throws, and the code is then not kept.
 */
export abstract class SmsSender {
  /** False when phone login is switched off on this server (`SMS_SENDER=none`). */
  abstract readonly enabled: boolean;
  abstract send(message: SmsMessage): Promise<void>;
}
