import { CheckinEntity } from '../checkins/checkin.entity';
import { UserEntity } from '../users/user.entity';
import { toStationVisit } from './visit.mapper';

const user = (fields: Partial<UserEntity>): UserEntity =>
  Object.assign(new UserEntity(), {
    id: 'u-1',
    nickname: '小王',
    phoneCipher: 'v1:secret',
    erasedAt: null,
    ...fields,
  });

const checkin = (fields: Partial<CheckinEntity>): CheckinEntity =>
  Object.assign(new CheckinEntity(), {
    id: 'c-1',
    userId: 'u-1',
    stationId: 's-1',
    regionId: 'r-1',
    createdAt: new Date('2026-11-24T02:00:00Z'),
    localDate: '2026-11-24',
    method: 'poster',
    lat: 28.16,
    lng: 113.64,
    accuracyM: 12,
    distanceM: 40,
    flag: null,
    user: user({}),
    ...fields,
  });

describe(toStationVisit.name, () => {
  it('shows the nickname, method and time, and nothing of where or who else', () => {
    expect(toStationVisit(checkin({}))).toEqual({
      id: 'c-1',
      createdAt: '2026-11-24T02:00:00.000Z',
      nickname: '小王',
      method: 'poster',
      flags: [],
    });
  });

  it('lists the flag of a visit that earned nothing', () => {
    expect(toStationVisit(checkin({ flag: 'impossible_travel' })).flags).toEqual([
      'impossible_travel',
    ]);
  });

  it('shows no nickname for a worker who erased their data', () => {
    const erased = user({ nickname: '旧昵称', erasedAt: new Date('2026-11-25T00:00:00Z') });

    expect(toStationVisit(checkin({ user: erased })).nickname).toBeNull();
    expect(toStationVisit(checkin({ user: user({ nickname: null }) })).nickname).toBeNull();
  });
});
