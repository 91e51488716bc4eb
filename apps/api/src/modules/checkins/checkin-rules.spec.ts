import { MAX_CHECKIN_ACCURACY_M } from '@yizhan/contracts';
import { northOf } from '../../../test/support/factories';
import {
  checkGeofence,
  CHECKIN_COOLDOWN_MS,
  cooldownEnd,
  isImpossibleTravel,
} from './checkin-rules';

const station = { lat: 28.15, lng: 113.64, geofenceRadiusM: 150 };

describe('checkGeofence', () => {
  it('admits a fix inside the radius plus its accuracy', () => {
    const fix = { ...northOf(station, 190), accuracy: 50 };
    expect(checkGeofence(station, fix)).toEqual({ ok: true, distanceM: 190 });
  });

  it('refuses a fix beyond the radius plus its accuracy, saying both', () => {
    const fix = { ...northOf(station, 230), accuracy: 50 };
    expect(checkGeofence(station, fix)).toEqual({
      ok: false,
      reason: 'too_far',
      distanceM: 230,
      allowedM: 200,
    });
  });

  it('refuses a fix less accurate than the cap even when it lands on the station', () => {
    const fix = { ...station, accuracy: MAX_CHECKIN_ACCURACY_M + 1 };
    expect(checkGeofence(station, fix)).toMatchObject({ ok: false, reason: 'inaccurate' });
  });

  it('accepts exactly the cap', () => {
    const fix = {
      ...northOf(station, 150 + MAX_CHECKIN_ACCURACY_M),
      accuracy: MAX_CHECKIN_ACCURACY_M,
    };
    expect(checkGeofence(station, fix).ok).toBe(true);
  });
});

describe('cooldownEnd', () => {
  const now = new Date('2026-11-24T08:00:00Z');
  it('is null without a previous visit or after the cooldown', () => {
    expect(cooldownEnd(null, now)).toBeNull();
    expect(cooldownEnd(new Date(now.getTime() - CHECKIN_COOLDOWN_MS), now)).toBeNull();
  });
  it('is the end of the cooldown inside it', () => {
    const last = new Date(now.getTime() - 60_000);
    expect(cooldownEnd(last, now)).toEqual(new Date(last.getTime() + CHECKIN_COOLDOWN_MS));
  });
});

describe('isImpossibleTravel', () => {
  const at = new Date('2026-11-24T08:00:00Z');
  const here = { lat: 28.15, lng: 113.64 };
  it('never flags a first check-in or nearby stations, even at once', () => {
    expect(isImpossibleTravel(null, { at, position: here })).toBe(false);
    expect(isImpossibleTravel({ at, position: here }, { at, position: northOf(here, 900) })).toBe(
      false,
    );
  });
  it('flags 50 km in ten minutes and admits 50 km in an hour', () => {
    const far = northOf(here, 50_000);
    const tenMinutes = new Date(at.getTime() + 10 * 60_000);
    const anHour = new Date(at.getTime() + 60 * 60_000);
    expect(isImpossibleTravel({ at, position: here }, { at: tenMinutes, position: far })).toBe(
      true,
    );
    expect(isImpossibleTravel({ at, position: here }, { at: anHour, position: far })).toBe(false);
  });
});
