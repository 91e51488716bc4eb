import dayjs from 'dayjs';
import { formatShanghai, fromShanghaiPickerValue, toShanghaiPickerValue } from './shanghai-time';

describe('validity times in Asia/Shanghai', () => {
  it('shows an instant at Shanghai wall-clock time and reads it back', () => {
    const picked = toShanghaiPickerValue('2026-11-30T16:00:00.000Z');
    expect(picked?.format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 00:00');
    expect(fromShanghaiPickerValue(picked)).toBe('2026-11-30T16:00:00.000Z');
  });

  it('reads a picked wall-clock time as Shanghai time', () => {
    expect(fromShanghaiPickerValue(dayjs('2026-12-01T08:30:00'))).toBe('2026-12-01T00:30:00.000Z');
    expect(fromShanghaiPickerValue(null)).toBeNull();
    expect(formatShanghai('2026-12-01T00:30:00.000Z')).toBe('2026-12-01 08:30');
  });
});
