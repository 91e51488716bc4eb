import { limitPeriodKey } from './limit-periods';

describe(limitPeriodKey.name, () => {
  // 2026-11-30 17:30 UTC is already 1 December in Beijing.
  const lateNovemberUtc = new Date('2026-11-30T17:30:00Z');

  it('counts days, weeks and months on the region clock', () => {
    expect(limitPeriodKey('day', lateNovemberUtc, 'Asia/Shanghai')).toBe('d:2026-12-01');
    expect(limitPeriodKey('week', lateNovemberUtc, 'Asia/Shanghai')).toBe('w:2026-W49');
    expect(limitPeriodKey('month', lateNovemberUtc, 'Asia/Shanghai')).toBe('m:2026-12');
    expect(limitPeriodKey('month', lateNovemberUtc, 'UTC')).toBe('m:2026-11');
  });

  it('has one period for a lifetime limit', () => {
    expect(limitPeriodKey('total', lateNovemberUtc, 'Asia/Shanghai')).toBe('total');
  });
});
