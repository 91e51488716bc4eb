import { setLocale } from '../i18n';
import { formatDistance, formatRideMinutes, rideMinutesOf } from './format';

beforeAll(() => setLocale('zh-CN', false));

describe(formatDistance.name, () => {
  it.each([
    [0, '0 米'],
    [42.4, '42 米'],
    [347, '350 米'],
    [994, '990 米'],
    [996, '1.0 公里'],
    [1234, '1.2 公里'],
    [9_960, '10.0 公里'],
    [12_400, '12 公里'],
  ])('formats %d m as %s', (metres, expected) => {
    expect(formatDistance(metres)).toBe(expected);
  });

  it('returns nothing for a value that is not a distance', () => {
    expect(formatDistance(Number.NaN)).toBe('');
    expect(formatDistance(-5)).toBe('');
  });
});

describe(formatRideMinutes.name, () => {
  it.each([
    [0.4, '骑行 1 分钟内'],
    [1, '骑行约 1 分钟'],
    [3.2, '骑行约 4 分钟'],
    [12, '骑行约 12 分钟'],
  ])('formats %d min as %s', (minutes, expected) => {
    expect(formatRideMinutes(minutes)).toBe(expected);
  });
});

describe(rideMinutesOf.name, () => {
  it('prefers the API value and otherwise estimates from the distance', () => {
    expect(rideMinutesOf({ rideMinutes: 3, distanceM: 5000 })).toBe(3);
    expect(rideMinutesOf({ distanceM: 1000 })).toBe(4);
    expect(rideMinutesOf({})).toBeNull();
  });
});
