import type { StationDetail } from '@yizhan/contracts';
import dayjs from 'dayjs';
import {
  formatWeekly,
  parseIntervals,
  stationToForm,
  toCreateStation,
  toOpeningHours,
  toUpdateStation,
  toWeeklyRows,
} from './station-form';

const STATION: StationDetail = {
  id: 's-1',
  name: '才常广场驿站',
  brand: '奔跑者红色驿站',
  address: '浏阳市淮川街道才常广场',
  lat: 28.15917,
  lng: 113.63852,
  regionId: 'r-1',
  status: 'open',
  amenities: ['seating', 'water'],
  openNow: true,
  phone: '0731-83611001',
  managerName: '鲁礼华',
  openingHours: {
    weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '08:00', close: '22:00' })),
    exceptions: [{ date: '2026-10-01', closed: true }],
  },
  timeZone: 'Asia/Shanghai',
  services: ['饮水'],
  hotlines: [{ name: '政务热线', phone: '12345' }],
  description: null,
  geofenceRadiusM: 150,
  photos: [],
};

describe('station form', () => {
  it('groups weekly hours into rows and back', () => {
    const weekly = [
      { day: 1, open: '08:00', close: '18:00' },
      { day: 2, open: '08:00', close: '18:00' },
      { day: 6, open: '09:00', close: '24:00' },
    ];
    const rows = toWeeklyRows(weekly);
    expect(rows).toEqual([
      { days: [1, 2], open: '08:00', close: '18:00' },
      { days: [6], open: '09:00', close: '24:00' },
    ]);
    expect(toOpeningHours(rows, []).weekly).toEqual(weekly);
  });

  it('reads exception intervals as people type them', () => {
    expect(parseIntervals('09:00-12:00, 14:00-18:00')).toEqual([
      { open: '09:00', close: '12:00' },
      { open: '14:00', close: '18:00' },
    ]);
    expect(parseIntervals('09:00-12:00，14:00~24:00')).toHaveLength(2);
    expect(parseIntervals('9-12')).toBeNull();
    expect(parseIntervals('25:00-26:00')).toBeNull();
    const hours = toOpeningHours(
      [],
      [{ date: dayjs('2026-10-02'), closed: false, intervals: '10:00-16:00', note: ' 国庆 ' }],
    );
    expect(hours.exceptions).toEqual([
      {
        date: '2026-10-02',
        closed: false,
        intervals: [{ open: '10:00', close: '16:00' }],
        note: '国庆',
      },
    ]);
  });

  it('writes hours in Chinese', () => {
    expect(formatWeekly(STATION.openingHours.weekly)).toEqual(['每天 08:00–22:00']);
    expect(
      formatWeekly([
        ...[1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '18:00' })),
        { day: 7, open: '10:00', close: '16:00' },
      ]),
    ).toEqual(['周一至周五 08:00–18:00', '周日 10:00–16:00']);
  });

  it('sends only what changed, and null to clear', () => {
    const form = stationToForm(STATION);
    expect(toUpdateStation(form, STATION)).toEqual({});
    const changed = toUpdateStation(
      {
        ...form,
        location: { lat: 28.16, lng: STATION.lng },
        managerName: '  ',
        amenities: ['seating', 'water', 'toilet'],
      },
      STATION,
    );
    expect(changed).toEqual({
      lat: 28.16,
      managerName: null,
      amenities: ['seating', 'water', 'toilet'],
    });
  });

  it('leaves empty optional texts out of a new station', () => {
    const dto = toCreateStation({
      ...stationToForm(STATION),
      phone: '',
      managerName: '',
      description: '',
    });
    expect(dto).not.toHaveProperty('phone');
    expect(dto).not.toHaveProperty('managerName');
    expect(dto).not.toHaveProperty('description');
    expect(dto).toMatchObject({
      regionId: 'r-1',
      lat: 28.15917,
      lng: 113.63852,
      geofenceRadiusM: 150,
    });
  });
});
