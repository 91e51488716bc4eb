import { CreateStationDto, OpeningHours, UpdateStationDto } from '@yizhan/contracts';
import { ValidationFailedError } from '../../common/errors/domain.error';
import {
  assertValidStationInput,
  changedFields,
  hotlineViolations,
  newStationFields,
  normalizeStationInput,
  openingHoursViolations,
  toStationColumns,
} from './station-input';

const hours = (exceptions: OpeningHours['exceptions'], weekly: OpeningHours['weekly'] = []) => ({
  weekly,
  exceptions,
});

describe(normalizeStationInput.name, () => {
  it('trims texts, blanks optional texts to null and keeps only what was sent', () => {
    const dto: UpdateStationDto = {
      name: '  驿站 ',
      address: '\t某路 1 号\n',
      managerName: '   ',
      description: ' 说明 ',
      phone: ' 0731-1 ',
      services: [' 积分兑换 ', '  ', '法律服务'],
      hotlines: [{ name: ' 报警 ', phone: ' 110 ' }],
    };

    expect(normalizeStationInput(dto)).toEqual({
      name: '驿站',
      address: '某路 1 号',
      managerName: null,
      description: '说明',
      phone: '0731-1',
      services: ['积分兑换', '法律服务'],
      hotlines: [{ name: '报警', phone: '110' }],
    });
  });

  it('keeps null as "clear this field" and leaves absent fields absent', () => {
    expect(normalizeStationInput({ phone: null, managerName: null, status: 'closed' })).toEqual({
      phone: null,
      managerName: null,
      status: 'closed',
    });
  });

  it('orders amenities as the contract does, once each, and rounds coordinates to storage', () => {
    expect(
      normalizeStationInput({
        amenities: ['wifi', 'water', 'wifi', 'seating'],
        lat: 28.1234567,
        lng: 113.0000004,
      }),
    ).toEqual({ amenities: ['seating', 'water', 'wifi'], lat: 28.123457, lng: 113 });
  });

  it('copies hours into plain objects, weekly by day and exceptions by date', () => {
    const normalized = normalizeStationInput({
      openingHours: hours(
        [
          { date: '2026-12-01', closed: false, intervals: [{ open: '09:00', close: '12:00' }] },
          { date: '2026-10-01', closed: true, note: '  ' },
        ],
        [
          { day: 3, open: '08:00', close: '12:00' },
          { day: 1, open: '14:00', close: '18:00' },
          { day: 1, open: '08:00', close: '12:00' },
        ],
      ),
    });

    expect(normalized.openingHours).toEqual({
      weekly: [
        { day: 1, open: '08:00', close: '12:00' },
        { day: 1, open: '14:00', close: '18:00' },
        { day: 3, open: '08:00', close: '12:00' },
      ],
      exceptions: [
        { date: '2026-10-01', closed: true },
        { date: '2026-12-01', closed: false, intervals: [{ open: '09:00', close: '12:00' }] },
      ],
    });
  });
});

describe(newStationFields.name, () => {
  it('fills what was not sent with the defaults of a new station', () => {
    const dto: CreateStationDto = {
      regionId: '00000000-0000-4000-8000-000000000000',
      name: ' 新站 ',
      brand: '阳小驿',
      address: '某路',
      lat: 30.5,
      lng: 114.2,
    };

    expect(newStationFields(dto)).toEqual({
      name: '新站',
      brand: '阳小驿',
      address: '某路',
      lat: 30.5,
      lng: 114.2,
      status: 'open',
      amenities: [],
      openingHours: { weekly: [], exceptions: [] },
      phone: null,
      managerName: null,
      services: [],
      hotlines: [],
      description: null,
      geofenceRadiusM: 150,
    });
  });
});

describe(openingHoursViolations.name, () => {
  it('accepts a whole day written as open = close, and an overnight interval', () => {
    expect(
      openingHoursViolations(
        hours(
          [{ date: '2026-10-01', closed: false, intervals: [{ open: '00:00', close: '00:00' }] }],
          [
            { day: 1, open: '00:00', close: '00:00' },
            { day: 2, open: '18:00', close: '06:00' },
            { day: 3, open: '08:00', close: '24:00' },
          ],
        ),
      ),
    ).toEqual([]);
  });

  it('names every exception date given more than once, after the first', () => {
    const violations = openingHoursViolations(
      hours([
        { date: '2026-10-01', closed: true },
        { date: '2026-10-02', closed: true },
        { date: '2026-10-01', closed: true },
        { date: '2026-10-01', closed: true },
      ]),
    );

    expect(violations.map(({ field, constraint }) => [field, constraint])).toEqual([
      ['openingHours.exceptions.2.date', 'unique'],
      ['openingHours.exceptions.3.date', 'unique'],
    ]);
  });

  it('refuses dates the calendar does not have', () => {
    const violations = openingHoursViolations(
      hours([
        { date: '2026-02-29', closed: true },
        { date: '2028-02-29', closed: true },
        { date: '2026-04-31', closed: true },
      ]),
    );

    expect(violations.map(({ field, constraint }) => [field, constraint])).toEqual([
      ['openingHours.exceptions.0.date', 'isCalendarDate'],
      ['openingHours.exceptions.2.date', 'isCalendarDate'],
    ]);
  });

  it('refuses a closed day with intervals and an open day without', () => {
    const violations = openingHoursViolations(
      hours([
        { date: '2026-10-01', closed: true, intervals: [{ open: '09:00', close: '12:00' }] },
        { date: '2026-10-02', closed: false },
        { date: '2026-10-03', closed: false, intervals: [] },
        { date: '2026-10-04', closed: true, intervals: [] },
      ]),
    );

    expect(violations.map(({ field, constraint }) => [field, constraint])).toEqual([
      ['openingHours.exceptions.0.intervals', 'emptyWhenClosed'],
      ['openingHours.exceptions.1.intervals', 'requiredWhenOpen'],
      ['openingHours.exceptions.2.intervals', 'requiredWhenOpen'],
    ]);
  });
});

describe(hotlineViolations.name, () => {
  it('names a repeated hotline, ignoring case and surrounding spaces', () => {
    const violations = hotlineViolations([
      { name: '报警', phone: '110' },
      { name: 'Legal aid', phone: '12348' },
      { name: ' 报警 ', phone: '110' },
      { name: 'LEGAL AID', phone: '12348' },
    ]);

    expect(violations.map(({ field, constraint }) => [field, constraint])).toEqual([
      ['hotlines.2.name', 'unique'],
      ['hotlines.3.name', 'unique'],
    ]);
  });

  it('refuses a number made of spaces and punctuation only', () => {
    expect(hotlineViolations([{ name: '报警', phone: ' - ' }])).toEqual([
      expect.objectContaining({ field: 'hotlines.0.phone', constraint: 'hasDigits' }),
    ]);
  });
});

describe(assertValidStationInput.name, () => {
  it('throws one VALIDATION_FAILED listing every broken rule, in the field-violation shape', () => {
    let thrown: unknown;
    try {
      assertValidStationInput({
        openingHours: hours([
          { date: '2026-10-01', closed: true },
          { date: '2026-10-01', closed: true },
        ]),
        hotlines: [
          { name: '急救', phone: '120' },
          { name: '急救', phone: '120' },
        ],
      });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(ValidationFailedError);
    expect((thrown as ValidationFailedError).status).toBe(400);
    expect((thrown as ValidationFailedError).violations).toEqual([
      { field: 'openingHours.exceptions.1.date', constraints: ['unique'] },
      { field: 'hotlines.1.name', constraints: ['unique'] },
    ]);
  });

  it('passes input without hours or hotlines', () => {
    expect(() => assertValidStationInput({ name: '站' })).not.toThrow();
  });
});

describe(changedFields.name, () => {
  it('keeps the fields whose content differs, comparing arrays and objects by value', () => {
    const current = newStationFields({
      regionId: '00000000-0000-4000-8000-000000000000',
      name: '站',
      brand: '牌',
      address: '址',
      lat: 1,
      lng: 2,
    });

    expect(
      changedFields(current, {
        name: '站',
        amenities: [],
        openingHours: { weekly: [], exceptions: [] },
        status: 'closed',
        hotlines: [{ name: '报警', phone: '110' }],
      }),
    ).toEqual({ status: 'closed', hotlines: [{ name: '报警', phone: '110' }] });
  });
});

describe(toStationColumns.name, () => {
  it('stores amenities as their bitmask and passes other fields through', () => {
    expect(toStationColumns({ name: '站', amenities: ['seating', 'water'] })).toEqual({
      name: '站',
      amenityMask: 0b11,
    });
    expect(toStationColumns({ status: 'open' })).toEqual({ status: 'open' });
  });
});
