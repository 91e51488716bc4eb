import { randomUUID } from 'node:crypto';
import { Amenity, OpeningHours, RegionLevel, StationStatus } from '@yizhan/contracts';
import { DataSource } from 'typeorm';
import { DEFAULT_TIME_ZONE, RegionEntity } from '../../src/modules/regions/region.entity';
import { toAmenityMask } from '../../src/modules/stations/amenity-mask';
import { StationEntity } from '../../src/modules/stations/station.entity';

let sequence = 0;
const next = () => (sequence += 1);

export function dailyHours(open: string, close: string): OpeningHours {
  return { weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open, close })), exceptions: [] };
}

export interface RegionInput {
  name?: string;
  code?: string;
  level?: RegionLevel;
  parent?: RegionEntity | null;
  timeZone?: string;
}

export async function createRegion(
  dataSource: DataSource,
  input: RegionInput = {},
): Promise<RegionEntity> {
  const id = randomUUID();
  const parent = input.parent ?? null;
  const region = Object.assign(new RegionEntity(), {
    id,
    code: input.code ?? `T${next()}-${id.slice(0, 8)}`,
    name: input.name ?? `测试区域 ${sequence}`,
    level: input.level ?? (parent ? 'street' : 'city'),
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
  });
  await dataSource.getRepository(RegionEntity).insert(region);
  return region;
}

export interface StationInput {
  region: RegionEntity;
  lat: number;
  lng: number;
  name?: string;
  address?: string;
  status?: StationStatus;
  amenities?: Amenity[];
  openingHours?: OpeningHours;
  geofenceRadiusM?: number;
}

export async function createStation(
  dataSource: DataSource,
  input: StationInput,
): Promise<StationEntity> {
  const station = Object.assign(new StationEntity(), {
    id: randomUUID(),
    regionId: input.region.id,
    name: input.name ?? `测试驿站 ${next()}`,
    brand: '测试',
    address: input.address ?? '测试地址',
    lat: input.lat,
    lng: input.lng,
    status: input.status ?? 'open',
    amenityMask: toAmenityMask(input.amenities ?? ['seating', 'water']),
    openingHours: input.openingHours ?? dailyHours('00:00', '00:00'),
    phone: null,
    managerName: null,
    services: [],
    hotlines: [],
    description: null,
    geofenceRadiusM: input.geofenceRadiusM ?? 150,
    codeVersion: 1,
  });
  await dataSource.getRepository(StationEntity).insert(station);
  return station;
}

/** A point `metres` north of `origin` (1° of latitude ≈ 111,195 m on the mean sphere). */
export function northOf(origin: { lat: number; lng: number }, metres: number) {
  return { lat: origin.lat + metres / 111_195, lng: origin.lng };
}
