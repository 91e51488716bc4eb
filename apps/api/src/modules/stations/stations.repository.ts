import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { TxManager } from '../../database/transactions';
import { BoundingBox } from './geo';
import { StationEntity } from './station.entity';

/** SQL-side filters of a station search. */
export interface StationFilters {
  /** Bits that must all be set in `amenity_mask` (0 = any). */
  amenityMask: number;
  /** Materialised path of a region whose subtree the station must lie in. */
  regionPath: string | null;
  /** Substring of the name or address. */
  text: string | null;
  /** Only stations whose status is `open` (the opening hours are checked in code). */
  statusOpenOnly: boolean;
}

export interface NameKey {
  name: string;
  id: string;
}

// `!` as LIKE escape character behaves the same on MySQL and SQLite (a backslash does not).
const escapeLike = (text: string) => text.replace(/[!%_]/g, (char) => `!${char}`);

/** Queries of the station aggregate; rows come with their region (time zone, path). */
@Injectable()
export class StationsRepository {
  constructor(
    @InjectRepository(StationEntity) private readonly stations: Repository<StationEntity>,
  ) {}

  async findById(id: string): Promise<StationEntity | null> {
    // `find`, not `findOne`: with a join, findOne's LIMIT 1 makes TypeORM run a DISTINCT-ids
    // query first, a second round trip for a primary-key lookup (every check-in makes it).
    const [station] = await this.stations.find({ where: { id }, relations: { region: true } });
    return station ?? null;
  }

  async insert(station: StationEntity, manager: TxManager): Promise<void> {
    await manager.insert(StationEntity, station);
  }

  async update(id: string, changes: Partial<StationEntity>, manager: TxManager): Promise<void> {
    await manager.update(StationEntity, { id }, changes);
  }

  /**
   * Raises the station's code generation by one in a single UPDATE, so parallel rotations each
   * count (none reads a stale value and writes it back), and answers the generation this
   * transaction wrote: its row lock holds until commit, so no other rotation can interleave.
   * Null when the station does not exist.
   */
  async nextCodeVersion(id: string, manager: TxManager): Promise<number | null> {
    const result = await manager
      .createQueryBuilder()
      .update(StationEntity)
      .set({ codeVersion: () => 'code_version + 1' })
      .where('id = :id', { id })
      .execute();
    if ((result.affected ?? 0) === 0) return null;
    const station = await manager.findOne(StationEntity, {
      where: { id },
      select: { id: true, codeVersion: true },
    });
    return station?.codeVersion ?? null;
  }

  /** Stations inside the box, unordered, at most `maxRows`. */
  findInBox(box: BoundingBox, filters: StationFilters, maxRows: number): Promise<StationEntity[]> {
    return this.filtered(filters)
      .andWhere('station.lat BETWEEN :minLat AND :maxLat', box)
      .andWhere('station.lng BETWEEN :minLng AND :maxLng', box)
      .limit(maxRows)
      .getMany();
  }

  /** The next `take` stations in (name, id) order after `after`. */
  findAfterName(
    after: NameKey | null,
    filters: StationFilters,
    take: number,
  ): Promise<StationEntity[]> {
    const query = this.filtered(filters);
    if (after) {
      query.andWhere(
        '(station.name > :afterName OR (station.name = :afterName AND station.id > :afterId))',
        { afterName: after.name, afterId: after.id },
      );
    }
    return query
      .orderBy('station.name', 'ASC')
      .addOrderBy('station.id', 'ASC')
      .limit(take)
      .getMany();
  }

  private filtered(filters: StationFilters): SelectQueryBuilder<StationEntity> {
    const query = this.stations
      .createQueryBuilder('station')
      .innerJoinAndSelect('station.region', 'region');
    if (filters.amenityMask !== 0) {
      query.andWhere('(station.amenityMask & :mask) = :mask', { mask: filters.amenityMask });
    }
    if (filters.regionPath !== null) {
      query.andWhere("region.path LIKE :pathPrefix ESCAPE '!'", {
        pathPrefix: `${escapeLike(filters.regionPath)}%`,
      });
    }
    if (filters.text !== null) {
      query.andWhere(
        "(station.name LIKE :text ESCAPE '!' OR station.address LIKE :text ESCAPE '!')",
        {
          text: `%${escapeLike(filters.text)}%`,
        },
      );
    }
    if (filters.statusOpenOnly) query.andWhere('station.status = :open', { open: 'open' });
    return query;
  }
}
