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

/**
 * The user's position in GCJ-02.
 * - weapp: WeChat converts for us (`type: 'gcj02'`, declared in app.config `requiredPrivateInfos`).
 * - H5: Taro calls `navigator.geolocation.getCurrentPosition`, which only gives WGS-84, so we
 *   convert. A denied permission, no fix or a timeout throws LocationUnavailableError.
 */
export async function locate(timeoutMs = LOCATE_TIMEOUT_MS): Promise<GeoPoint> {
  const isH5 = process.env.TARO_ENV === 'h5';
  try {
    const result = await withTimeout(
      Taro.getLocation({ type: isH5 ? 'wgs84' : 'gcj02' }),
      timeoutMs,
    );
    const point = { lat: result.latitude, lng: result.longitude };
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lng)) {
      throw new LocationUnavailableError('no fix');
    }
    return isH5 ? wgs84ToGcj02(point) : point;
  } catch (error) {
    if (error instanceof LocationUnavailableError) throw error;
    throw new LocationUnavailableError(reasonOf(error));
  }
}

export interface MapTarget extends GeoPoint {
  name: string;
  address: string;
}

/**
 * Opens navigation to a station. weapp has a native map (`openLocation`, GCJ-02); Taro's H5
 * build has none, so H5 opens Amap's public marker page, which takes GCJ-02 ("gaode") too.
 */
export async function openMap(target: MapTarget): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url =
      `https://uri.amap.com/marker?position=${target.lng},${target.lat}` +
      `&name=${encodeURIComponent(target.name)}&coordinate=gaode&callnative=1`;
    window.open(url, '_blank', 'noopener');
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
