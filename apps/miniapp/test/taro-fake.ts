/**
 * The subset of `@tarojs/taro` the client's logic calls, as a typed, inspectable fake
 * (mapped in jest.config.js). Each test sets the handlers it needs and calls `taroFake.reset()`.
 * Page lifecycle hooks run as effects, as the toolchain notes advise for jsdom.
 */
import { useEffect, useRef } from 'react';

export interface FakeResponse {
  statusCode: number;
  data: unknown;
  header?: Record<string, string>;
}

export type RequestHandler = (option: Taro.request.Option) => Promise<FakeResponse>;
export type LocationHandler = (
  option: Taro.getLocation.Option,
) => Promise<Pick<Taro.getLocation.SuccessCallbackResult, 'latitude' | 'longitude'>>;
export type LoginHandler = () => Promise<{ code: string; errMsg: string }>;
export type ModalHandler = (option: Taro.showModal.Option) => Promise<{ confirm: boolean }>;
export type ScanHandler = () => Promise<{ result: string; errMsg: string }>;

/** One navigation call, as `{ kind: 'navigateTo', url }`. */
export interface FakeNavigation {
  kind: 'navigateTo' | 'navigateBack' | 'switchTab' | 'redirectTo';
  url?: string;
}

class TaroFake {
  readonly storage = new Map<string, unknown>();
  readonly requests: Taro.request.Option[] = [];
  readonly toasts: string[] = [];
  readonly modals: Taro.showModal.Option[] = [];
  readonly navigations: FakeNavigation[] = [];
  readonly clipboard: string[] = [];
  readonly locations: Taro.getLocation.Option[] = [];
  /** How many pages the fake page stack holds (`getCurrentPages().length`). */
  pageStackDepth = 1;
  /** `useRouter().params` of the page under test. */
  routerParams: Record<string, string> = {};
  readonly didShowListeners = new Set<() => void>();
  readonly didHideListeners = new Set<() => void>();
  requestHandler: RequestHandler = () => Promise.resolve({ statusCode: 200, data: null });
  locationHandler: LocationHandler = () => Promise.reject({ errMsg: 'getLocation:fail auth deny' });
  loginHandler: LoginHandler = () => Promise.resolve({ code: 'wx-code-1', errMsg: 'login:ok' });
  modalHandler: ModalHandler = () => Promise.resolve({ confirm: true });
  scanHandler: ScanHandler = () => Promise.reject({ errMsg: 'scanCode:fail cancel' });

  reset(): void {
    this.storage.clear();
    this.requests.length = 0;
    this.toasts.length = 0;
    this.modals.length = 0;
    this.navigations.length = 0;
    this.clipboard.length = 0;
    this.locations.length = 0;
    this.pageStackDepth = 1;
    this.routerParams = {};
    this.requestHandler = () => Promise.resolve({ statusCode: 200, data: null });
    this.locationHandler = () => Promise.reject({ errMsg: 'getLocation:fail auth deny' });
    this.loginHandler = () => Promise.resolve({ code: 'wx-code-1', errMsg: 'login:ok' });
    this.modalHandler = () => Promise.resolve({ confirm: true });
    this.scanHandler = () => Promise.reject({ errMsg: 'scanCode:fail cancel' });
  }

  /** The page shows again (back from another page, tab switch): runs every `useDidShow`. */
  show(): void {
    for (const listener of [...this.didShowListeners]) listener();
  }

  /** The page goes to the background (another page on top, app hidden): runs every `useDidHide`. */
  hide(): void {
    for (const listener of [...this.didHideListeners]) listener();
  }
}

export const taroFake = new TaroFake();

const ok = (name: string): TaroGeneral.CallbackResult => ({ errMsg: `${name}:ok` });

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
  showModal(option: Taro.showModal.Option): Promise<{ confirm: boolean; cancel: boolean }>;
  login(): Promise<{ code: string; errMsg: string }>;
  navigateTo(option: { url: string }): Promise<TaroGeneral.CallbackResult>;
  navigateBack(option?: { delta?: number }): Promise<TaroGeneral.CallbackResult>;
  switchTab(option: { url: string }): Promise<TaroGeneral.CallbackResult>;
  redirectTo(option: { url: string }): Promise<TaroGeneral.CallbackResult>;
  getCurrentPages(): unknown[];
  setClipboardData(option: { data: string }): Promise<TaroGeneral.CallbackResult>;
  stopPullDownRefresh(): void;
  setNavigationBarTitle(option: { title: string }): Promise<TaroGeneral.CallbackResult>;
  scanCode(option?: Taro.scanCode.Option): Promise<{ result: string; errMsg: string }>;
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
    taroFake.locations.push(option);
    return taroFake.locationHandler(option);
  },
  showToast(option) {
    taroFake.toasts.push(option.title);
    return Promise.resolve(ok('showToast'));
  },
  async showModal(option) {
    taroFake.modals.push(option);
    const { confirm } = await taroFake.modalHandler(option);
    return { confirm, cancel: !confirm };
  },
  login() {
    return taroFake.loginHandler();
  },
  navigateTo({ url }) {
    taroFake.navigations.push({ kind: 'navigateTo', url });
    return Promise.resolve(ok('navigateTo'));
  },
  navigateBack() {
    taroFake.navigations.push({ kind: 'navigateBack' });
    return Promise.resolve(ok('navigateBack'));
  },
  switchTab({ url }) {
    taroFake.navigations.push({ kind: 'switchTab', url });
    return Promise.resolve(ok('switchTab'));
  },
  redirectTo({ url }) {
    taroFake.navigations.push({ kind: 'redirectTo', url });
    return Promise.resolve(ok('redirectTo'));
  },
  getCurrentPages() {
    return Array.from({ length: taroFake.pageStackDepth }, (_, index) => ({
      route: `page-${index}`,
    }));
  },
  setClipboardData({ data }) {
    taroFake.clipboard.push(data);
    return Promise.resolve(ok('setClipboardData'));
  },
  stopPullDownRefresh() {
    // Nothing to stop under jsdom.
  },
  setNavigationBarTitle() {
    return Promise.resolve(ok('setNavigationBarTitle'));
  },
  scanCode() {
    return taroFake.scanHandler();
  },
};

export default Taro;

/** Runs on mount and on every `taroFake.show()`, like a page's onShow. */
export function useDidShow(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const run = () => latest.current();
    taroFake.didShowListeners.add(run);
    run();
    return () => {
      taroFake.didShowListeners.delete(run);
    };
  }, []);
}

/** Runs on every `taroFake.hide()`, like a page's onHide. */
export function useDidHide(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const run = () => latest.current();
    taroFake.didHideListeners.add(run);
    return () => {
      taroFake.didHideListeners.delete(run);
    };
  }, []);
}

/** Runs once on mount, like onLoad / onLaunch. */
export function useLoad(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => latest.current(), []);
}

export const useLaunch = useLoad;

export function usePullDownRefresh(callback: () => void): void {
  // Pull-down needs a gesture; tests call the page's reload paths directly.
  void callback;
}

export function useReachBottom(callback: () => void): void {
  void callback;
}

export function useRouter(): { params: Record<string, string> } {
  return { params: taroFake.routerParams };
}
