import { formatCount, formatHours, formatMonth, formatShare } from './format';

describe('zh-CN statistics formats', () => {
  it('writes counts with thousands separators', () => {
    expect(formatCount(8100)).toBe('8,100');
    expect(formatCount(1200)).toBe('1,200');
    expect(formatCount(0)).toBe('0');
  });

  it('writes shares as percentages with at most one decimal, and a dash for none', () => {
    expect(formatShare(0.125)).toBe('12.5%');
    expect(formatShare(0.3)).toBe('30%');
    expect(formatShare(null)).toBe('—');
  });

  it('writes hours in Chinese', () => {
    expect(formatHours(4.5)).toBe('4.5 小时');
    expect(formatHours(26.04)).toBe('26 小时');
    expect(formatHours(null)).toBe('—');
  });

  it('writes months as readers do', () => {
    expect(formatMonth('2026-07')).toBe('2026年7月');
  });
});
