import { randomBytes, randomUUID } from 'node:crypto';
import {
  hasValidMac,
  isLiveStepCurrent,
  liveStepAt,
  liveStepEnd,
  parseStationCode,
  signStationCode,
  stationKey,
} from './station-code';

describe('station codes', () => {
  const master = randomBytes(32);
  const stationId = randomUUID();
  const key = stationKey(master, stationId, 1);

  it('round-trips a poster code and a live code', () => {
    for (const [method, counter] of [
      ['poster', 1],
      ['live', 59_000_000],
    ] as const) {
      const text = signStationCode(key, method, stationId, counter);
      expect(text.length).toBeLessThan(70);
      const parsed = parseStationCode(text);
      expect(parsed).toMatchObject({ method, stationId, counter });
      expect(parsed && hasValidMac(key, parsed)).toBe(true);
    }
  });

  it('rejects a tampered counter, station, MAC or key', () => {
    const text = signStationCode(key, 'poster', stationId, 1);
    const parts = text.split('.');
    const tampered = [
      [parts[0], parts[1], parts[2], '2', parts[4]],
      [parts[0], 'L', parts[2], parts[3], parts[4]],
      [
        parts[0],
        parts[1],
        parts[2],
        parts[3],
        `${parts[4]![0] === 'A' ? 'B' : 'A'}${parts[4]!.slice(1)}`,
      ],
      [
        parts[0],
        parts[1],
        parts[2],
        parts[3],
        `${parts[4]!.slice(0, -1)}${parts[4]!.endsWith('A') ? 'B' : 'A'}`,
      ],
    ].map((candidate) => candidate.join('.'));
    for (const candidate of tampered) {
      const parsed = parseStationCode(candidate);
      expect(parsed === null || !hasValidMac(key, parsed)).toBe(true);
    }
    const parsed = parseStationCode(text)!;
    expect(hasValidMac(stationKey(master, stationId, 2), parsed)).toBe(false);
    expect(hasValidMac(stationKey(randomBytes(32), stationId, 1), parsed)).toBe(false);
    const other = randomUUID();
    expect(hasValidMac(stationKey(master, other, 1), { ...parsed, stationId: other })).toBe(false);
  });

  it.each([
    '',
    'hello',
    'YZ1.P.x.1.abc',
    'YZ2.P.AAAAAAAAAAAAAAAAAAAAAA.1.abc',
    'YZ1.Q.AAAAAAAAAAAAAAAAAAAAAA.1.abc',
    'YZ1.P.AAAAAAAAAAAAAAAAAAAAAA.-1.abc',
    'YZ1.P.AAAAAAAAAAAAAAAAAAAAAA.1.a b',
    'https://example.com/?s=1',
  ])('does not parse %j', (text) => {
    expect(parseStationCode(text)).toBeNull();
  });

  it('accepts a live step during its own step and the next, not later or earlier', () => {
    const now = new Date('2026-11-24T08:00:10Z');
    const step = liveStepAt(now);
    expect(liveStepEnd(step).getTime()).toBe((step + 1) * 30_000);
    expect(isLiveStepCurrent(step, now)).toBe(true);
    expect(isLiveStepCurrent(step - 1, now)).toBe(true);
    expect(isLiveStepCurrent(step - 2, now)).toBe(false);
    expect(isLiveStepCurrent(step + 1, now)).toBe(false);
  });
});
