import { CheckinFlag, CheckinMethod, LIVE_CODE_STEP_SECONDS } from '@yizhan/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CheckinEntity } from '../../src/modules/checkins/checkin.entity';
import { RegionEntity } from '../../src/modules/regions/region.entity';
import { toLocalMoment } from '../../src/modules/stations/opening-hours';
import { StationEntity } from '../../src/modules/stations/station.entity';

export interface VisitInput {
  user: { id: string };
  station: StationEntity;
  /** When the visit happened (an ISO string with offset, or an instant). */
  at: string | Date;
  /** Default: null, a visit that earned points. */
  flag?: CheckinFlag | null;
  /** Default: poster. */
  method?: CheckinMethod;
}

/**
 * A recorded visit straight in the database, as a check-in stores it: the station's region at
 * the time, and the local date on that region's clock. For suites that read visits without
 * going through `POST /checkins`.
 */
export async function recordVisit(
  dataSource: DataSource,
  input: VisitInput,
): Promise<CheckinEntity> {
  const region = await dataSource
    .getRepository(RegionEntity)
    .findOneByOrFail({ id: input.station.regionId });
  const createdAt = new Date(input.at);
  const method = input.method ?? 'poster';
  const flag = input.flag ?? null;
  const visit = Object.assign(new CheckinEntity(), {
    id: randomUUID(),
    userId: input.user.id,
    stationId: input.station.id,
    regionId: input.station.regionId,
    createdAt,
    localDate: toLocalMoment(createdAt, region.timeZone).date,
    method,
    liveStep:
      method === 'live' ? Math.floor(createdAt.getTime() / (LIVE_CODE_STEP_SECONDS * 1000)) : null,
    lat: input.station.lat,
    lng: input.station.lng,
    accuracyM: 15,
    distanceM: 20,
    flag,
    pointsAwarded: flag ? 0 : 10,
    pointsCapped: false,
    idempotencyKey: null,
  });
  await dataSource.getRepository(CheckinEntity).insert(visit);
  return visit;
}
