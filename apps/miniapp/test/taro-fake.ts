/**
 * The subset of `@tarojs/taro` the client's logic calls, as a typed, inspectable fake
 * (mapped in jest.config.js). Each test sets the handlers it needs and calls `taroFake.reset()`.
 */

export interface FakeResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

export type RequestHandler = (option: Taro.request.Option) => Promise<FakeResponse>;
export type LocationHandler = (
  option: Taro.getLocation.Option,
) => Promise<Pick<Taro.getLocation.SuccessCallbackResult, 'latitude' | 'longitude'>>;

class TaroFake {
  readonly storage = new Map<string, unknown>();
  readonly requests: Taro.request.Option[] = [];
  readonly toasts: string[] = [];
  requestHandler: RequestHandler = () => Promise.resolve({ statusCode: 200, data: null });
  locationHandler: LocationHandler = () => Promise.reject({ errMsg: 'getLocation:fail auth deny' });

  reset(): void {
    this.storage.clear();
    this.requests.length = 0;
    this.toasts.length = 0;
    this.requestHandler = () => Promise.resolve({ statusCode: 200, data: null });
    this.locationHandler = () => Promise.reject({ errMsg: 'getLocation:fail auth deny' });
  }
}

export const taroFake = new TaroFake();

/** The functions the app imports from `@tarojs/taro`, with the shapes our code relies on. */
export interface TaroApiFake {
  request(option: Taro.request.Option): Promise<FakeResponse>;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, data: unknown): void;
  removeStorageSync(key: string): void;
  getLocation(
    option: Taro.getLocation.Option,
  ): Promise<Pick<Taro.getLocation.SuccessCallbackResult, 'latitude' | 'longitude'>>;
  showToast(option: Taro.showToast.Option): Promise<TaroGeneral.CallbackResult>;
}

const Taro: TaroApiFake = {
  request(option) {
    taroFake.requests.push(option);
    return taroFake.requestHandler(option);
  },
  getStorageSync(key) {
    // Like WeChat: a missing key reads as ''.
    return taroFake.storage.has(key) ? taroFake.storage.get(key) : '';
  },
  setStorageSync(key, data) {
    taroFake.storage.set(key, data);
  },
  removeStorageSync(key) {
    taroFake.storage.delete(key);
  },
  getLocation(option) {
    return taroFake.locationHandler(option);
  },
  showToast(option) {
    taroFake.toasts.push(option.title);
    return Promise.resolve({ errMsg: 'showToast:ok' });
  },
};

export default Taro;
