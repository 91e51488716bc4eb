import { setLocale } from '../i18n';
import { reward } from '../../test/rewards-factories';
import { limitLabel, rewardAvailability, rewardPlace, stockLabel } from './reward';

beforeAll(() => setLocale('zh-CN', false));

describe(rewardAvailability.name, () => {
  it('says 已兑完 first, whatever the balance', () => {
    expect(rewardAvailability(reward('a', { stock: 0, available: false }), 0)).toEqual({
      kind: 'sold-out',
      label: '已兑完',
    });
  });

  it('says 暂不可兑 outside the window', () => {
    expect(rewardAvailability(reward('a', { available: false }), 1000).kind).toBe('unavailable');
  });

  it('says how many points are missing', () => {
    expect(rewardAvailability(reward('a', { pointsCost: 50 }), 20)).toEqual({
      kind: 'short',
      label: '还差 30 积分',
      shortBy: 30,
    });
  });

  it('is redeemable with enough points, or while the balance is unknown', () => {
    expect(rewardAvailability(reward('a', { pointsCost: 50 }), 50).kind).toBe('redeemable');
    expect(rewardAvailability(reward('a', { pointsCost: 50 }), null).kind).toBe('redeemable');
  });
});

describe(stockLabel.name, () => {
  it.each([
    [null, '不限量'],
    [0, '已兑完'],
    [3, '剩 3 件'],
  ])('labels stock %p as %s', (stock, label) => {
    expect(stockLabel(stock)).toBe(label);
  });
});

describe(limitLabel.name, () => {
  it('names the period of a per-person limit', () => {
    expect(limitLabel({ perUserLimit: 1, limitPeriod: 'week' })).toBe('每人每周限兑 1 次');
    expect(limitLabel({ perUserLimit: 2, limitPeriod: 'total' })).toBe('每人限兑 2 次');
    expect(limitLabel({ perUserLimit: 2, limitPeriod: null })).toBe('每人限兑 2 次');
    expect(limitLabel({ perUserLimit: null, limitPeriod: null })).toBe('不限次数');
  });
});

describe(rewardPlace.name, () => {
  it('is the merchant, else the station', () => {
    const station = { id: 's', name: '驿站', address: 'a', lat: 1, lng: 2, phone: null };
    expect(rewardPlace(reward('a'))?.name).toBe('淮川便利店');
    expect(rewardPlace(reward('a', { merchant: null, station }))?.name).toBe('驿站');
  });
});
