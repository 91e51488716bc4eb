import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { API_PREFIX, MEDIA_URL_TTL_SECONDS, Routes } from '@yizhan/contracts';
import { Clock } from '../../common/clock';
import { SERVER_SECRETS } from '../../common/crypto/crypto.module';
import { ServerSecrets } from '../../common/crypto/server-secrets';

export type MediaVariant = 'full' | 'thumb';

/**
 * Expiries are rounded up to this step, so a list loaded twice within it gets the same URLs and
 * the phone's image cache keeps working.
 */
const EXPIRY_STEP_SECONDS = 600;

export interface SignedUrl {
  url: string;
  expiresAt: Date;
}

/**
 * Signs photo URLs: `<API_PREFIX>/media/<id>/<variant>?exp=<unix seconds>&sig=<HMAC>`. The
 * mini-program's `<Image>` cannot send a token, so the URL itself is the permission, handed
 * out only to callers allowed to see the photo and useless after `exp`.
 */
@Injectable()
export class MediaUrlSigner {
  private readonly key: Buffer;

  constructor(
    @Inject(SERVER_SECRETS) secrets: ServerSecrets,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.from(
      hkdfSync('sha256', secrets.dataEncryptionKey, 'yizhan', 'media-urls', 32),
    );
  }

  sign(mediaId: string, variant: MediaVariant): SignedUrl {
    const earliest = Math.ceil(this.clock.now().getTime() / 1000) + MEDIA_URL_TTL_SECONDS;
    const exp = Math.ceil(earliest / EXPIRY_STEP_SECONDS) * EXPIRY_STEP_SECONDS;
    const sig = this.mac(mediaId, variant, exp);
    return {
      url: `${API_PREFIX}${Routes.mediaFile(mediaId, variant)}?exp=${exp}&sig=${sig}`,
      expiresAt: new Date(exp * 1000),
    };
  }

  /** True for a genuine signature of this id and variant whose expiry has not passed. */
  verify(mediaId: string, variant: MediaVariant, exp: string, sig: string): boolean {
    if (!/^\d{1,12}$/.test(exp) || !/^[A-Za-z0-9_-]{1,64}$/.test(sig)) return false;
    const expiresAt = Number(exp);
    if (expiresAt * 1000 <= this.clock.now().getTime()) return false;
    const expected = Buffer.from(this.mac(mediaId, variant, expiresAt));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(mediaId: string, variant: MediaVariant, exp: number): string {
    return createHmac('sha256', this.key)
      .update(`${mediaId}\n${variant}\n${exp}`)
      .digest('base64url')
      .slice(0, 32);
  }
}
