import {
  DEFAULT_GEOFENCE_RADIUS_M,
  OpeningHours,
  StationHotline,
  StationStatus,
} from '@yizhan/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { decimalToNumber, UUID_COLUMN } from '../../database/column-types';
import { RegionEntity } from '../regions/region.entity';

/** A service station. Coordinates are GCJ-02 decimal degrees. */
@Entity({ name: 'station' })
// Bounding-box prefilter of nearby searches: a range on lat, then lng within the index.
@Index('idx_station_lat_lng', ['lat', 'lng'])
// Keyset pagination by name.
@Index('idx_station_name_id', ['name', 'id'])
@Index('idx_station_region', ['regionId'])
// "Changed since": the nearby index of every process reads recent writes (see NearbyStations).
@Index('idx_station_updated_at', ['updatedAt', 'id'])
export class StationEntity {
  @PrimaryColumn(UUID_COLUMN)
  id!: string;

  @Column({ name: 'region_id', ...UUID_COLUMN })
  regionId!: string;

  @ManyToOne(() => RegionEntity, { nullable: false, onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'fk_station_region' })
  region?: RegionEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 50 })
  brand!: string;

  @Column({ type: 'varchar', length: 255 })
  address!: string;

  // 6 decimals ≈ 0.1 m, far below GPS accuracy.
  @Column({ type: 'decimal', precision: 9, scale: 6, transformer: decimalToNumber })
  lat!: number;

  @Column({ type: 'decimal', precision: 9, scale: 6, transformer: decimalToNumber })
  lng!: number;

  @Column({ type: 'varchar', length: 24 })
  status!: StationStatus;

  /** Amenities as bits (see amenity-mask.ts) so SQL can ask "has all of these". */
  @Column({ name: 'amenity_mask', type: 'int', default: 0 })
  amenityMask!: number;

  @Column({ name: 'opening_hours', type: 'json' })
  openingHours!: OpeningHours;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phone!: string | null;

  @Column({ name: 'manager_name', type: 'varchar', length: 50, nullable: true })
  managerName!: string | null;

  @Column({ type: 'json' })
  services!: string[];

  @Column({ type: 'json' })
  hotlines!: StationHotline[];

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Metres around the coordinates inside which a poster check-in counts (plus GPS accuracy). */
  @Column({ name: 'geofence_radius_m', type: 'int', default: DEFAULT_GEOFENCE_RADIUS_M })
  geofenceRadiusM!: number;

  /**
   * Generation of the station's code secret (derived from the server key, the id and this). A
   * rotation raises it, so every printed poster of the old generation stops working.
   */
  @Column({ name: 'code_version', type: 'int', default: 1 })
  codeVersion!: number;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
