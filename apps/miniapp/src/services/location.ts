import Taro from '@tarojs/taro';
import { wgs84ToGcj02, type GeoPoint } from '../utils/geo';

const LOCATE_TIMEOUT_MS = 10_000;

/** Why no position came back; the stations tab falls back to the list by name either way. */
export class LocationUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`location unavailable: ${reason}`);
    this.name = 'LocationUnavailableError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new LocationUnavailableError('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function reasonOf(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { errMsg, message } = error as { errMsg?: unknown; message?: unknown };
    if (typeof errMsg === 'string') return errMsg;
    if (typeof message === 'string') return message;
  }
  return 'unknown';
}

/** A position with the accuracy the phone reports, in metres (what a check-in must send). */
export interface LocationFix extends GeoPoint {
  accuracy: number;
}

/** The fix as the platform gives it; `accuracy` is NaN when the phone said nothing. */
async function readFix(options: Taro.getLocation.Option, timeoutMs: number): Promise<LocationFix> {
  const isH5 = process.env.TARO_ENV === 'h5';
  try {
    const result = await withTimeout(Taro.getLocation(options), timeoutMs);
    const point = { lat: result.latitude, lng: result.longitude };
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) {
      throw new LocationUnavailableError('no fix');
    }
    const accuracy = Number(result.accuracy ?? result.horizontalAccuracy);
    return { ...(isH5 ? wgs84ToGcj02(point) : point), accuracy };
  } catch (error) {
    if (error instanceof LocationUnavailableError) throw error;
    throw new LocationUnavailableError(reasonOf(error));
  }
}

/** WGS-84 is all a browser gives (converted below); WeChat converts to GCJ-02 itself. */
const coordinateType = (): 'wgs84' | 'gcj02' => (process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02');

/**
 * The user's position in GCJ-02.
 * - weapp: WeChat converts for us (`type: 'gcj02'`, declared in app.config `requiredPrivateInfos`).
 * - H5: Taro calls `navigator.geolocation.getCurrentPosition`, which only gives WGS-84, so we
 *   convert. A denied permission, no fix or a timeout throws LocationUnavailableError.
 */
export async function locate(timeoutMs = LOCATE_TIMEOUT_MS): Promise<GeoPoint> {
  const { lat, lng } = await readFix({ type: coordinateType() }, timeoutMs);
  return { lat, lng };
}

/**
 * The phone's word on accuracy when it gave none: the largest the check-in contract accepts, so
 * the server treats the fix as unproven rather than the client pretending it is precise.
 */
export const UNKNOWN_ACCURACY_M = 100_000;

/** How long the satellite fix may take before WeChat answers with the best it has. */
const HIGH_ACCURACY_WAIT_MS = 5_000;
const PRECISE_TIMEOUT_MS = 15_000;

/**
 * The position for a check-in: high accuracy (GPS rather than only Wi-Fi and cell towers), with
 * the accuracy the phone reports. weapp waits up to `highAccuracyExpireTime` for a satellite fix;
 * on H5 Taro passes it to the browser as the geolocation timeout, so it gets more time there.
 */
export async function locatePrecisely(timeoutMs = PRECISE_TIMEOUT_MS): Promise<LocationFix> {
  const isH5 = process.env.TARO_ENV === 'h5';
  const fix = await readFix(
    {
      type: coordinateType(),
      isHighAccuracy: true,
      highAccuracyExpireTime: isH5 ? timeoutMs - 1_000 : HIGH_ACCURACY_WAIT_MS,
    },
    timeoutMs,
  );
  const accuracy =
    Number.isFinite(fix.accuracy) && fix.accuracy >= 0
      ? Math.min(fix.accuracy, UNKNOWN_ACCURACY_M)
      : UNKNOWN_ACCURACY_M;
  return { lat: fix.lat, lng: fix.lng, accuracy };
}

export interface MapTarget extends GeoPoint {
  name: string;
  address: string;
}

/** Amap's public marker page for a GCJ-02 ("gaode") point: Taro's H5 build has no map. */
export function amapMarkerUrl(target: MapTarget): string {
  return (
    `https://uri.amap.com/marker?position=${target.lng},${target.lat}` +
    `&name=${encodeURIComponent(target.name)}&coordinate=gaode&callnative=1`
  );
}

/**
 * Opens navigation to a station. weapp has a native map (`openLocation`, GCJ-02); Taro's H5
 * build has none, so H5 opens Amap's public marker page, which takes GCJ-02 ("gaode") too.
 */
export async function openMap(target: MapTarget): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(amapMarkerUrl(target), '_blank', 'noopener');
    return;
  }
  await Taro.openLocation({
    latitude: target.lat,
    longitude: target.lng,
    name: target.name,
    address: target.address,
    scale: 16,
  });
}

export async function callPhone(phoneNumber: string): Promise<void> {
  await Taro.makePhoneCall({ phoneNumber });
}
