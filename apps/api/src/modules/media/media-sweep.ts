import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { MediaAttachments } from './media-attachments';
import { MediaEntity } from './media.entity';
import { MediaRepository } from './media.repository';
import { MediaService } from './media.service';

/** A photo nobody attached within this is taken as abandoned (a report never sent). */
export const UNATTACHED_MAX_AGE_MS = 24 * 60 * 60 * 1000;
/** Photos handled per query. */
const BATCH = 100;

export interface SweepRun {
  deleted: number;
  /** Photos whose files could not be deleted; they stay discarded and are tried next run. */
  failures: number;
}

/**
 * Deletes photos never attached within a day, and photos discarded from what they showed (a
 * station's removed photo): files first, row last. A photo is marked discarded before its files
 * go, so a late request cannot attach a photo whose files are being deleted; a storage error
 * leaves the row discarded and the next run tries again.
 */
@Injectable()
export class MediaSweep {
  constructor(
    private readonly attachments: MediaAttachments,
    private readonly media: MediaRepository,
    private readonly service: MediaService,
    private readonly clock: Clock,
    @InjectPinoLogger(MediaSweep.name) private readonly logger: PinoLogger,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'media-sweep', waitForCompletion: true })
  async scheduled(): Promise<void> {
    try {
      const run = await this.sweep();
      if (run.deleted > 0 || run.failures > 0) this.logger.info(run, 'Swept unused photos');
    } catch (error) {
      this.logger.error({ err: error }, 'Photo sweep failed');
    }
  }

  async sweep(now = this.clock.now()): Promise<SweepRun> {
    const run: SweepRun = { deleted: 0, failures: 0 };
    const failed = new Set<string>();
    const before = new Date(now.getTime() - UNATTACHED_MAX_AGE_MS);
    for (;;) {
      const abandoned = (await this.attachments.unattachedBefore(before, BATCH)).filter(
        (photo) => !failed.has(photo.id),
      );
      for (const photo of abandoned) {
        if (await this.media.discardIfUnattached(photo.id)) await this.remove(photo, run, failed);
      }
      if (abandoned.length === 0) break;
    }
    for (;;) {
      const discarded = (await this.media.discarded(BATCH + failed.size)).filter(
        (photo) => !failed.has(photo.id),
      );
      if (discarded.length === 0) break;
      for (const photo of discarded) await this.remove(photo, run, failed);
    }
    return run;
  }

  private async remove(photo: MediaEntity, run: SweepRun, failed: Set<string>): Promise<void> {
    if (await this.service.removeFiles(photo)) {
      await this.media.deleteDiscarded(photo.id);
      run.deleted += 1;
    } else {
      failed.add(photo.id);
      run.failures += 1;
    }
  }
}
