import { Injectable } from '@nestjs/common';
import { MediaView } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { NotFoundError, ServiceUnavailableError } from '../../common/errors/domain.error';
import { isUuid } from '../../common/uuid';
import { Actor } from '../access/actor';
import { MediaAttachments } from './media-attachments';
import { MediaVariant, MediaUrlSigner } from './media-url-signer';
import { DISCARDED, MediaEntity } from './media.entity';
import { MediaRepository } from './media.repository';
import { PhotoProcessor } from './photo-processor';
import { phashBands } from './perceptual-hash';
import { MediaStorage, StoredObject } from './storage/media-storage';

export const MEDIA_VARIANTS: readonly MediaVariant[] = ['full', 'thumb'];

/** A stored photo file on its way to a holder of a valid signed URL. */
export interface ServedMedia extends StoredObject {
  contentType: string;
  /** Seconds the URL stays valid: no cache may keep the bytes longer. */
  maxAgeSeconds: number;
}

/** Storage keys of one photo: server-made from its id and upload month, never the client's. */
export function storageKeysOf(id: string, uploadedAt: Date): { full: string; thumb: string } {
  const year = uploadedAt.getUTCFullYear();
  const month = String(uploadedAt.getUTCMonth() + 1).padStart(2, '0');
  const base = `photos/${year}/${month}/${id}`;
  return { full: `${base}.jpg`, thumb: `${base}-thumb.jpg` };
}

/**
 * Uploads and serving. An upload is re-encoded (see PhotoProcessor), stored under keys the
 * server makes, and recorded as its uploader's unattached photo; features attach it later.
 * Files are read back only through signed URLs.
 */
@Injectable()
export class MediaService {
  constructor(
    private readonly media: MediaRepository,
    private readonly processor: PhotoProcessor,
    private readonly storage: MediaStorage,
    private readonly attachments: MediaAttachments,
    private readonly signer: MediaUrlSigner,
    private readonly clock: Clock,
    @InjectPinoLogger(MediaService.name) private readonly logger: PinoLogger,
  ) {}

  async upload(actor: Actor, upload: Buffer): Promise<MediaView> {
    const photo = await this.processor.process(upload);
    const now = this.clock.now();
    const id = randomUUID();
    const keys = storageKeysOf(id, now);
    const bands = phashBands(photo.phash);
    const row = Object.assign(new MediaEntity(), {
      id,
      uploaderId: actor.userId,
      storageKey: keys.full,
      thumbKey: keys.thumb,
      contentType: photo.contentType,
      bytes: photo.full.length,
      width: photo.width,
      height: photo.height,
      phash: photo.phash,
      phashBand0: bands[0],
      phashBand1: bands[1],
      phashBand2: bands[2],
      phashBand3: bands[3],
      targetType: null,
      targetId: null,
      position: 0,
      attachedAt: null,
      createdAt: now,
    });
    // Both writes settle before any cleanup: deleting while the other write is still under
    // way would leave its file behind, with no row to find it by.
    const writes = await Promise.allSettled([
      this.storage.put(keys.full, photo.full, photo.contentType),
      this.storage.put(keys.thumb, photo.thumb, photo.contentType),
    ]);
    const failedWrite = writes.find(
      (write): write is PromiseRejectedResult => write.status === 'rejected',
    );
    if (failedWrite) {
      await this.removeFiles(row);
      throw this.storageUnavailable(failedWrite.reason, id);
    }
    try {
      await this.media.insert(row);
    } catch (error) {
      // Nothing refers to the files without their row: take them back before answering.
      await this.removeFiles(row);
      throw error;
    }
    return this.attachments.viewOf(row);
  }

  /**
   * The bytes behind a signed URL. A missing or wrong signature, an expired one, another
   * variant's, an unknown photo and a file gone from storage all answer the same 404.
   */
  async open(id: string, variant: string, exp: unknown, sig: unknown): Promise<ServedMedia> {
    const notFound = () => new NotFoundError('Photo not found or link expired');
    if (!isUuid(id) || !isVariant(variant) || typeof exp !== 'string' || typeof sig !== 'string') {
      throw notFound();
    }
    if (!this.signer.verify(id, variant, exp, sig)) throw notFound();
    const row = await this.media.findById(id.toLowerCase());
    // A photo removed from what it showed is gone for everyone, whatever URLs are still out.
    if (!row || row.targetType === DISCARDED) throw notFound();
    let stored: StoredObject | null;
    try {
      stored = await this.storage.get(variant === 'full' ? row.storageKey : row.thumbKey);
    } catch (error) {
      throw this.storageUnavailable(error, row.id);
    }
    if (!stored) throw notFound();
    const secondsLeft = Number(exp) - Math.floor(this.clock.now().getTime() / 1000);
    return { ...stored, contentType: row.contentType, maxAgeSeconds: Math.max(0, secondsLeft) };
  }

  /** A store that fails is an outage to retry (503), not a bug: logged with its cause. */
  private storageUnavailable(error: unknown, mediaId: string): ServiceUnavailableError {
    this.logger.error({ err: error, mediaId }, 'Photo storage failed');
    return new ServiceUnavailableError('Photo storage is unavailable; try again in a moment');
  }

  /** Deletes a photo's two files; a failure is logged and left to the sweep's next run. */
  async removeFiles(media: Pick<MediaEntity, 'id' | 'storageKey' | 'thumbKey'>): Promise<boolean> {
    const results = await Promise.allSettled([
      this.storage.delete(media.storageKey),
      this.storage.delete(media.thumbKey),
    ]);
    const failed = results.find(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    if (failed) {
      this.logger.warn({ err: failed.reason, mediaId: media.id }, 'Could not delete photo files');
      return false;
    }
    return true;
  }
}

function isVariant(variant: string): variant is MediaVariant {
  return (MEDIA_VARIANTS as readonly string[]).includes(variant);
}
