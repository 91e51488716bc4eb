import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { UUID_COLUMN } from '../../database/column-types';

/** What a photo is used by; a photo belongs to one thing only. */
export type MediaTargetType = 'report' | 'report_resolution' | 'station';

/**
 * Marks a photo on its way out (removed from its station, or claimed by the sweep): nothing
 * can attach it any more, and the sweep deletes its files, then its row.
 */
export const DISCARDED = 'discarded';
export type StoredTargetType = MediaTargetType | typeof DISCARDED;

/**
 * One uploaded photo as stored: re-encoded, without metadata, under server-made keys. It is
 * nobody's but its uploader's until it is attached to a target (a report, a resolution, a
 * station); who may see it follows from that target. Unattached photos are swept after a day.
 */
@Entity({ name: 'media' })
@Index('idx_media_target', ['targetType', 'targetId', 'position'])
@Index('idx_media_uploader_created', ['uploaderId', 'createdAt'])
@Index('idx_media_unattached', ['targetId', 'createdAt'])
@Index('idx_media_phash_band0', ['phashBand0'])
@Index('idx_media_phash_band1', ['phashBand1'])
@Index('idx_media_phash_band2', ['phashBand2'])
@Index('idx_media_phash_band3', ['phashBand3'])
export class MediaEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'uploader_id', ...UUID_COLUMN })
  uploaderId!: string;

  /** Storage key of the full-size photo (server-made, never the client's file name). */
  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ name: 'thumb_key', type: 'varchar', length: 200 })
  thumbKey!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType!: string;

  /** Stored bytes of the full-size photo. */
  @Column({ type: 'int' })
  bytes!: number;

  @Column({ type: 'int' })
  width!: number;

  @Column({ type: 'int' })
  height!: number;

  /**
   * 64-bit perceptual hash (hex) and its four 16-bit quarters: two photos within a Hamming
   * distance of 3 share at least one quarter, so candidates come from indexed equality.
   */
  @Column({ type: 'varchar', length: 16 })
  phash!: string;

  @Column({ name: 'phash_band0', type: 'varchar', length: 4 })
  phashBand0!: string;

  @Column({ name: 'phash_band1', type: 'varchar', length: 4 })
  phashBand1!: string;

  @Column({ name: 'phash_band2', type: 'varchar', length: 4 })
  phashBand2!: string;

  @Column({ name: 'phash_band3', type: 'varchar', length: 4 })
  phashBand3!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 24, nullable: true })
  targetType!: StoredTargetType | null;

  @Column({ name: 'target_id', ...UUID_COLUMN, nullable: true })
  targetId!: string | null;

  /** Order among the target's photos. */
  @Column({ type: 'int', default: 0 })
  position!: number;

  @Column({ name: 'attached_at', type: 'datetime', nullable: true })
  attachedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
