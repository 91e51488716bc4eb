import { Injectable } from '@nestjs/common';
import { MediaView } from '@yizhan/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { DISCARDED, MediaEntity, MediaTargetType } from './media.entity';
import { MediaError } from './media.errors';
import { MediaUrlSigner } from './media-url-signer';
import { hammingDistance, phashBands } from './perceptual-hash';

/** Photos this close (bits of 64) to another are taken as the same picture. */
export const SAME_PICTURE_MAX_DISTANCE = 3;

export interface MediaTarget {
  type: MediaTargetType;
  id: string;
}

/**
 * What other features do with uploaded photos: attach them to what they show (inside the
 * caller's transaction), hand out signed views of a target's photos to callers the feature has
 * already authorised, and spot a picture that was already used on someone else's report.
 */
@Injectable()
export class MediaAttachments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signer: MediaUrlSigner,
  ) {}

  /**
   * Attaches the uploader's photos to `target`, in the given order after any it has. Each must
   * be the uploader's and free, or already on this target (a retried request). Anything else
   * refuses all of them: 422 MEDIA_NOT_ATTACHABLE listing the offending ids.
   */
  async attach(
    manager: TxManager,
    mediaIds: readonly string[],
    uploaderId: string,
    target: MediaTarget,
    now: Date,
  ): Promise<void> {
    // Ids as stored (lowercase); one sent twice is attached once, at its first place (a second
    // pass would find it taken by this very request and refuse it).
    const ids = [...new Set(mediaIds.map((id) => id.toLowerCase()))];
    if (ids.length === 0) return;
    const rows = await manager.find(MediaEntity, { where: { id: In(ids) } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    const refused = ids.filter((id) => {
      const row = byId.get(id);
      if (!row || row.uploaderId !== uploaderId) return true;
      return (
        row.targetId !== null && !(row.targetType === target.type && row.targetId === target.id)
      );
    });
    if (refused.length > 0) throw MediaError.notAttachable(refused);

    const already = await manager.count(MediaEntity, {
      where: { targetType: target.type, targetId: target.id },
    });
    let position = already;
    for (const id of ids) {
      if (byId.get(id)?.targetId !== null) continue;
      // Conditional on still being free: a parallel request attaching it elsewhere loses here.
      const result = await manager
        .createQueryBuilder()
        .update(MediaEntity)
        .set({ targetType: target.type, targetId: target.id, position, attachedAt: now })
        .where('id = :id AND target_id IS NULL', { id })
        .execute();
      if (result.affected !== 1) throw MediaError.notAttachable([id]);
      position += 1;
    }
  }

  /**
   * Makes `mediaIds` the target's whole list of photos, in that order (a station's photos).
   * Ids new to the target are attached as `attach` does (the uploader's and free, else 422
   * refusing the whole list); photos left out are discarded (the sweep deletes their files);
   * the kept ones take their new places. Answers the list before and after.
   */
  async replace(
    manager: TxManager,
    target: MediaTarget,
    mediaIds: readonly string[],
    uploaderId: string,
    now: Date,
  ): Promise<{ before: string[]; after: string[] }> {
    const wanted = [...new Set(mediaIds.map((id) => id.toLowerCase()))];
    const current = await manager.find(MediaEntity, {
      where: { targetType: target.type, targetId: target.id },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    const before = current.map((row) => row.id);
    if (before.length === wanted.length && before.every((id, index) => id === wanted[index])) {
      return { before, after: before };
    }

    await this.attach(
      manager,
      wanted.filter((id) => !before.includes(id)),
      uploaderId,
      target,
      now,
    );
    const dropped = before.filter((id) => !wanted.includes(id));
    if (dropped.length > 0) {
      await manager
        .createQueryBuilder()
        .update(MediaEntity)
        .set({ targetType: DISCARDED, targetId: () => 'id', position: 0 })
        .where('id IN (:...dropped) AND target_type = :type AND target_id = :targetId', {
          dropped,
          type: target.type,
          targetId: target.id,
        })
        .execute();
    }
    for (const [position, id] of wanted.entries()) {
      await manager
        .createQueryBuilder()
        .update(MediaEntity)
        .set({ position })
        .where('id = :id AND target_id = :targetId AND position <> :position', {
          id,
          targetId: target.id,
          position,
        })
        .execute();
    }
    return { before, after: wanted };
  }

  /** Signed views of the photos of each target, in their order. */
  async viewsOf(
    type: MediaTargetType,
    targetIds: readonly string[],
  ): Promise<Map<string, MediaView[]>> {
    const views = new Map<string, MediaView[]>(targetIds.map((id) => [id, []]));
    if (targetIds.length === 0) return views;
    const rows = await this.dataSource.manager.find(MediaEntity, {
      where: { targetType: type, targetId: In([...targetIds]) },
      order: { position: 'ASC', createdAt: 'ASC' },
    });
    for (const row of rows) views.get(row.targetId as string)?.push(this.viewOf(row));
    return views;
  }

  /** A photo as its uploader sees it right after the upload. */
  viewOf(media: MediaEntity): MediaView {
    const full = this.signer.sign(media.id, 'full');
    const thumb = this.signer.sign(media.id, 'thumb');
    return {
      id: media.id,
      url: full.url,
      thumbUrl: thumb.url,
      width: media.width,
      height: media.height,
      urlExpiresAt: full.expiresAt.toISOString(),
    };
  }

  /**
   * The ids among `mediaIds` whose picture is (by perceptual hash) already on a report of
   * another uploader. Candidates share a hash quarter (indexed); the exact distance decides.
   */
  async reusedOnOthersReports(mediaIds: readonly string[], uploaderId: string): Promise<string[]> {
    if (mediaIds.length === 0) return [];
    const own = await this.dataSource.manager.find(MediaEntity, {
      where: { id: In([...mediaIds]) },
    });
    const reused: string[] = [];
    // Answered in the order the ids were given.
    own.sort((a, b) => mediaIds.indexOf(a.id) - mediaIds.indexOf(b.id));
    for (const photo of own) {
      const bands = phashBands(photo.phash);
      const candidates = await this.dataSource.manager
        .createQueryBuilder(MediaEntity, 'media')
        .where('media.target_type = :type', { type: 'report' })
        .andWhere('media.uploader_id <> :uploaderId', { uploaderId })
        .andWhere(
          '(media.phash_band0 = :b0 OR media.phash_band1 = :b1 OR media.phash_band2 = :b2 OR media.phash_band3 = :b3)',
          { b0: bands[0], b1: bands[1], b2: bands[2], b3: bands[3] },
        )
        .limit(200)
        .getMany();
      if (
        candidates.some(
          (other) => hammingDistance(other.phash, photo.phash) <= SAME_PICTURE_MAX_DISTANCE,
        )
      ) {
        reused.push(photo.id);
      }
    }
    return reused;
  }

  /** Photos never attached, uploaded before `before`, oldest first (the sweep uses this). */
  unattachedBefore(before: Date, limit: number): Promise<MediaEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(MediaEntity, 'media')
      .where('media.target_id IS NULL')
      .andWhere('media.created_at < :before', { before })
      .orderBy('media.created_at', 'ASC')
      .limit(limit)
      .getMany();
  }
}
