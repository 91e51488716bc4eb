import { Test } from '@nestjs/testing';
import { ListStationsQueryDto, OpeningHours, StationSummary } from '@yizhan/contracts';
import { getLoggerToken, PinoLogger } from 'nestjs-pino';
import { Clock } from '../../common/clock';
import { MediaAttachments } from '../media/media-attachments';
import { RegionEntity } from '../regions/region.entity';
import { RegionsService } from '../regions/regions.service';
import { StationEntity } from './station.entity';
import { NearbyStations } from './nearby-stations';
import { NameKey, StationFilters, StationsRepository } from './stations.repository';
import { StationsService } from './stations.service';

const NOW = new Date('2026-11-23T10:00:00+08:00');
const OPEN_ALL_DAY: OpeningHours = {
  weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '00:00' })),
  exceptions: [],
};
const VERSION = '2026-11-23 02:00:00';
const CLOSED_ALWAYS: OpeningHours = { weekly: [], exceptions: [] };

const region = Object.assign(new RegionEntity(), {
  id: 'r',
  path: '/r/',
  timeZone: 'Asia/Shanghai',
});

function buildStation(index: number, openingHours: OpeningHours): StationEntity {
  return Object.assign(new StationEntity(), {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    regionId: region.id,
    region,
    name: `Station ${String(index).padStart(4, '0')}`,
    brand: 'b',
    address: 'a',
    lat: 28 + index / 10_000,
    lng: 113,
    status: 'open',
    amenityMask: 0,
    openingHours,
    phone: null,
    managerName: null,
    services: [],
    hotlines: [],
    description: null,
  });
}

/** Name-ordered keyset reads over an array, counting the queries made. */
class InMemoryStations implements Pick<
  StationsRepository,
  | 'findAfterName'
  | 'findInBox'
  | 'findById'
  | 'findRankingFields'
  | 'findHorizon'
  | 'findVersionsSince'
  | 'findRankingFieldsByIds'
  | 'findSummaryTexts'
> {
  queries = 0;

  constructor(private readonly rows: StationEntity[]) {}

  async findAfterName(after: NameKey | null, _filters: StationFilters, take: number) {
    this.queries += 1;
    const sorted = [...this.rows].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
    const start = after
      ? sorted.findIndex(
          (row) => row.name > after.name || (row.name === after.name && row.id > after.id),
        )
      : 0;
    return start < 0 ? [] : sorted.slice(start, start + take);
  }

  async findInBox() {
    this.queries += 1;
    return this.rows;
  }

  async findHorizon() {
    return VERSION;
  }

  async findVersionsSince() {
    return { horizon: VERSION, changed: [] };
  }

  /** Every row at the first load (one version for all). */
  async findRankingFields(afterId: string | null) {
    if (afterId !== null) return [];
    return this.rows.map((row) => ({
      ...row,
      regionPath: region.path,
      timeZone: region.timeZone,
      version: VERSION,
    }));
  }

  async findRankingFieldsByIds() {
    return [];
  }

  async findSummaryTexts(ids: string[]) {
    return this.rows
      .filter((row) => ids.includes(row.id))
      .map(({ id, name, brand, address }) => ({ id, name, brand, address, version: VERSION }));
  }

  async findById(id: string) {
    return this.rows.find((row) => row.id === id) ?? null;
  }
}

async function serviceOver(rows: StationEntity[]) {
  const store = new InMemoryStations(rows);
  const regions: Pick<RegionsService, 'findScope'> = { findScope: async () => null };
  const clock: Clock = { now: () => NOW };
  const media: Pick<MediaAttachments, 'viewsOf'> = {
    viewsOf: async (_type, ids) => new Map(ids.map((id) => [id, []])),
  };
  const moduleRef = await Test.createTestingModule({
    providers: [
      StationsService,
      NearbyStations,
      { provide: StationsRepository, useValue: store },
      { provide: RegionsService, useValue: regions },
      { provide: MediaAttachments, useValue: media },
      { provide: Clock, useValue: clock },
      ...[StationsService.name, NearbyStations.name].map((name) => ({
        provide: getLoggerToken(name),
        useValue: new PinoLogger({ pinoHttp: { level: 'silent' } }),
      })),
    ],
  }).compile();
  return { service: moduleRef.get(StationsService), store };
}

function query(fields: Partial<ListStationsQueryDto>): ListStationsQueryDto {
  return Object.assign(new ListStationsQueryDto(), fields);
}

async function walk(service: StationsService, fields: Partial<ListStationsQueryDto>) {
  const seen: StationSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await service.list(query({ ...fields, cursor }));
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe(StationsService.name, () => {
  it('fills a page across several batches when openNow filters most rows out', async () => {
    // 250 stations, only every 50th open: an exact page needs 3 batches of 100 rows.
    const rows = Array.from({ length: 250 }, (_, index) =>
      buildStation(index, index % 50 === 0 ? OPEN_ALL_DAY : CLOSED_ALWAYS),
    );
    const { service, store } = await serviceOver(rows);

    const page = await service.list(query({ openNow: true, limit: 4 }));

    expect(page.items.map((item) => item.name)).toEqual([
      'Station 0000',
      'Station 0050',
      'Station 0100',
      'Station 0150',
    ]);
    expect(page.nextCursor).not.toBeNull();
    expect(store.queries).toBe(3);
  });

  it('ends with a short last page and no cursor when the rows run out', async () => {
    const rows = Array.from({ length: 250 }, (_, index) =>
      buildStation(index, index % 50 === 0 ? OPEN_ALL_DAY : CLOSED_ALWAYS),
    );
    const { service } = await serviceOver(rows);

    const all = await walk(service, { openNow: true, limit: 2 });

    expect(all.map((item) => item.name)).toEqual(
      ['0000', '0050', '0100', '0150', '0200'].map((suffix) => `Station ${suffix}`),
    );
  });

  it('walks distance pages exactly, ties broken by id', async () => {
    const rows = [3, 1, 2, 0].map((index) => buildStation(index, OPEN_ALL_DAY));
    const twin = Object.assign(buildStation(9, OPEN_ALL_DAY), { lat: rows[2].lat });
    const { service } = await serviceOver([...rows, twin]);

    const walked = await walk(service, { lat: 28, lng: 113, limit: 2 });
    const distances = walked.map((item) => item.distanceM ?? -1);

    expect(new Set(walked.map((item) => item.id)).size).toBe(5);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('answers an id that is not a UUID with NOT_FOUND without querying', async () => {
    const { service } = await serviceOver([]);

    await expect(service.get('../etc/passwd')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
  });
});
