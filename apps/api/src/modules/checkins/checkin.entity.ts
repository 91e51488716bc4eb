import { CheckinFlag, CheckinMethod } from '@yizhan/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber, UUID_COLUMN } from '../../database/column-types';
import { StationEntity } from '../stations/station.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One recorded visit. Refused attempts are not rows. `localDate` is the visit's date on the
 * station region's clock, so statistics group by it without time-zone arithmetic in SQL.
 * `pointsAwarded` stays null until the ledger award settles (a sweep retries the stragglers).
 */
@Entity({ name: 'checkin' })
@Index('uq_checkin_idempotency_key', ['idempotencyKey'], { unique: true })
// A rotating code counts once per worker: the same step at the same station cannot come twice.
@Index('uq_checkin_live_step', ['userId', 'stationId', 'liveStep'], { unique: true })
@Index('idx_checkin_user_created', ['userId', 'createdAt', 'id'])
@Index('idx_checkin_station_date', ['stationId', 'localDate'])
@Index('idx_checkin_region_date', ['regionId', 'localDate'])
@Index('idx_checkin_unsettled', ['pointsAwarded', 'createdAt'])
export class CheckinEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'user_id', ...UUID_COLUMN })
  userId!: string;

  @ManyToOne(() => UserEntity, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_checkin_user' })
  user?: UserEntity;

  @Column({ name: 'station_id', ...UUID_COLUMN })
  stationId!: string;

  @ManyToOne(() => StationEntity, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'station_id', foreignKeyConstraintName: 'fk_checkin_station' })
  station?: StationEntity;

  /** The station's region when the visit happened (statistics scope). */
  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'local_date', type: 'varchar', length: 10 })
  localDate!: string;

  @Column({ type: 'varchar', length: 8 })
  method!: CheckinMethod;

  /** The rotating code's time step, for live check-ins (null for poster ones). */
  @Column({ name: 'live_step', type: 'bigint', nullable: true, transformer: decimalToNumber })
  liveStep!: number | null;

  /** Where the phone said it was (null once the worker erased their data). */
  @Column({
    type: 'decimal',
    precision: 9,
    scale: 6,
    nullable: true,
    transformer: decimalToNumber,
  })
  lat!: number | null;

  @Column({
    type: 'decimal',
    precision: 9,
    scale: 6,
    nullable: true,
    transformer: decimalToNumber,
  })
  lng!: number | null;

  @Column({ name: 'accuracy_m', type: 'int', nullable: true })
  accuracyM!: number | null;

  @Column({ name: 'distance_m', type: 'int', nullable: true })
  distanceM!: number | null;

  /** Why the visit earned nothing (impossible travel), or null. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  flag!: CheckinFlag | null;

  @Column({ name: 'points_awarded', type: 'int', nullable: true })
  pointsAwarded!: number | null;

  @Column({ name: 'points_capped', type: 'boolean', default: false })
  pointsCapped!: boolean;

  /** `checkin:<user id>:<client key>` when the client sent one. */
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey!: string | null;
}
