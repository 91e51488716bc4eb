import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DISCARDED, MediaEntity } from './media.entity';

/** Rows of the `media` table the upload, the serving and the sweep need. */
@Injectable()
export class MediaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(media: MediaEntity): Promise<void> {
    await this.dataSource.manager.insert(MediaEntity, media);
  }

  findById(id: string): Promise<MediaEntity | null> {
    return this.dataSource.manager.findOne(MediaEntity, { where: { id } });
  }

  /**
   * Marks a still-unattached photo discarded, so no request can attach it while its files
   * are deleted; false when a request attached it first (then it stays, files and all).
   */
  async discardIfUnattached(id: string): Promise<boolean> {
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .update(MediaEntity)
      .set({ targetType: DISCARDED, targetId: id, position: 0 })
      .where('id = :id AND target_id IS NULL', { id })
      .execute();
    return result.affected === 1;
  }

  /** Photos marked discarded whose files are still to be deleted, oldest first. */
  discarded(limit: number): Promise<MediaEntity[]> {
    return this.dataSource.manager.find(MediaEntity, {
      where: { targetType: DISCARDED },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** Removes the row of a discarded photo whose files are gone. */
  async deleteDiscarded(id: string): Promise<void> {
    await this.dataSource.manager.delete(MediaEntity, { id, targetType: DISCARDED });
  }
}
