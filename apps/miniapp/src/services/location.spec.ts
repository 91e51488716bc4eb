import { taroFake } from '../../test/taro-fake';
import { LocationUnavailableError, locatePrecisely, UNKNOWN_ACCURACY_M } from './location';

describe(locatePrecisely.name, () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    process.env.TARO_ENV = 'weapp';
  });

  afterAll(() => {
    process.env.TARO_ENV = platform;
  });

  it('asks WeChat for a high-accuracy GCJ-02 fix and returns the accuracy it reports', async () => {
    taroFake.locationHandler = () =>
      Promise.resolve({ latitude: 28.16, longitude: 113.64, accuracy: 18.5 });

    await expect(locatePrecisely()).resolves.toEqual({ lat: 28.16, lng: 113.64, accuracy: 18.5 });

    expect(taroFake.locations[0]).toMatchObject({
      type: 'gcj02',
      isHighAccuracy: true,
      highAccuracyExpireTime: expect.any(Number),
    });
  });

  it('converts the browser position to GCJ-02 on H5 and keeps its accuracy', async () => {
    process.env.TARO_ENV = 'h5';
    taroFake.locationHandler = () =>
      Promise.resolve({ latitude: 28.1585, longitude: 113.6368, accuracy: 30 });

    const fix = await locatePrecisely();

    expect(taroFake.locations[0]).toMatchObject({ type: 'wgs84', isHighAccuracy: true });
    expect(fix.accuracy).toBe(30);
    // GCJ-02 lies a few hundred metres off WGS-84 in China.
    expect(Math.abs(fix.lat - 28.1585)).toBeGreaterThan(0.001);
    expect(Math.abs(fix.lat - 28.1585)).toBeLessThan(0.01);
  });

  it('reports the worst accuracy the contract takes when the phone gave none', async () => {
    taroFake.locationHandler = () => Promise.resolve({ latitude: 28.16, longitude: 113.64 });

    await expect(locatePrecisely()).resolves.toMatchObject({ accuracy: UNKNOWN_ACCURACY_M });
  });

  it('throws LocationUnavailableError when the user or the system refuses', async () => {
    taroFake.locationHandler = () => Promise.reject({ errMsg: 'getLocation:fail auth deny' });

    await expect(locatePrecisely()).rejects.toBeInstanceOf(LocationUnavailableError);
  });
});
