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
/** What a phone reports: a position, and (weapp, browsers) its accuracy in metres. */
export type FakeFix = Pick<Taro.getLocation.SuccessCallbackResult, 'latitude' | 'longitude'> &
  Partial<Pick<Taro.getLocation.SuccessCallbackResult, 'accuracy'>>;
export type LocationHandler = (option: Taro.getLocation.Option) => Promise<FakeFix>;
export type DownloadHandler = (
  option: Taro.downloadFile.Option,
) => Promise<{ statusCode: number; tempFilePath: string }>;
export type LoginHandler = () => Promise<{ code: string; errMsg: string }>;
export type ModalHandler = (option: Taro.showModal.Option) => Promise<{ confirm: boolean }>;
export type ScanHandler = () => Promise<{ result: string; errMsg: string }>;
/** What an upload answers; `progress` reports percentages as the bytes go out. */
export type UploadHandler = (
  option: Taro.uploadFile.Option,
  progress: (percent: number) => void,
) => Promise<{ statusCode: number; data: string }>;
export type ChooseMediaHandler = (
  option: Taro.chooseMedia.Option,
) => Promise<{ tempFiles: FakeMediaFile[] }>;
/** One picked photo, as WeChat describes it. */
export interface FakeMediaFile {
  tempFilePath: string;
  size: number;
  width?: number;
  height?: number;
  fileType?: string;
}
export type ChooseLocationHandler = () => Promise<{
  name: string;
  address: string;
  latitude: number;
  longitude: number;
}>;
export type NetworkType = 'wifi' | '4g' | '5g' | '3g' | '2g' | 'unknown' | 'none';

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
  readonly scans: Array<Taro.scanCode.Option | undefined> = [];
  readonly downloads: Taro.downloadFile.Option[] = [];
  /** Files saved to the album, images previewed, numbers dialled, places opened. */
  readonly savedImages: string[] = [];
  readonly previews: string[][] = [];
  readonly phoneCalls: string[] = [];
  readonly openedLocations: Taro.openLocation.Option[] = [];
  /** Each `setKeepScreenOn` call's value, in order. */
  readonly keepScreenOn: boolean[] = [];
  readonly uploads: Taro.uploadFile.Option[] = [];
  readonly compressed: Taro.compressImage.Option[] = [];
  readonly chosen: Taro.chooseMedia.Option[] = [];
  readonly subscribeRequests: string[][] = [];
  /** Files copied with `getFileSystemManager().copyFile` (to → from) and removed with `unlink`. */
  readonly savedFiles = new Map<string, string>();
  readonly unlinkedFiles: string[] = [];
  readonly networkListeners = new Set<
    (result: { isConnected: boolean; networkType: string }) => void
  >();
  readonly appShowListeners = new Set<() => void>();
  networkType: NetworkType = 'wifi';
  /** What `getFileSystemManager().readFileSync` returns per path (an error body). */
  readonly files = new Map<
    string,
    string
  >(); /** How many pages the fake page stack holds (`getCurrentPages().length`). */
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
  downloadHandler: DownloadHandler = () => Promise.reject({ errMsg: 'downloadFile:fail' });
  saveImageHandler: (filePath: string) => Promise<void> = () => Promise.resolve();
  uploadHandler: UploadHandler = () => Promise.reject({ errMsg: 'uploadFile:fail' });
  chooseMediaHandler: ChooseMediaHandler = () =>
    Promise.reject({ errMsg: 'chooseMedia:fail cancel' });
  compressHandler: (option: Taro.compressImage.Option) => Promise<{ tempFilePath: string }> = (
    option,
  ) => Promise.resolve({ tempFilePath: `${option.src}.compressed` });
  chooseLocationHandler: ChooseLocationHandler = () =>
    Promise.reject({ errMsg: 'chooseLocation:fail cancel' });
  subscribeHandler: (templateIds: string[]) => Promise<Record<string, string>> = (ids) =>
    Promise.resolve(Object.fromEntries(ids.map((id) => [id, 'accept'])));

  reset(): void {
    this.storage.clear();
    this.requests.length = 0;
    this.toasts.length = 0;
    this.modals.length = 0;
    this.navigations.length = 0;
    this.clipboard.length = 0;
    this.locations.length = 0;
    this.scans.length = 0;
    this.downloads.length = 0;
    this.savedImages.length = 0;
    this.previews.length = 0;
    this.phoneCalls.length = 0;
    this.openedLocations.length = 0;
    this.keepScreenOn.length = 0;
    this.files.clear();
    this.pageStackDepth = 1;
    this.routerParams = {};
    this.requestHandler = () => Promise.resolve({ statusCode: 200, data: null });
    this.locationHandler = () => Promise.reject({ errMsg: 'getLocation:fail auth deny' });
    this.loginHandler = () => Promise.resolve({ code: 'wx-code-1', errMsg: 'login:ok' });
    this.modalHandler = () => Promise.resolve({ confirm: true });
    this.scanHandler = () => Promise.reject({ errMsg: 'scanCode:fail cancel' });
    this.downloadHandler = () => Promise.reject({ errMsg: 'downloadFile:fail' });
    this.saveImageHandler = () => Promise.resolve();
    this.uploads.length = 0;
    this.compressed.length = 0;
    this.chosen.length = 0;
    this.subscribeRequests.length = 0;
    this.savedFiles.clear();
    this.unlinkedFiles.length = 0;
    this.networkListeners.clear();
    this.appShowListeners.clear();
    this.networkType = 'wifi';
    this.uploadHandler = () => Promise.reject({ errMsg: 'uploadFile:fail' });
    this.chooseMediaHandler = () => Promise.reject({ errMsg: 'chooseMedia:fail cancel' });
    this.compressHandler = (option) =>
      Promise.resolve({ tempFilePath: `${option.src}.compressed` });
    this.chooseLocationHandler = () => Promise.reject({ errMsg: 'chooseLocation:fail cancel' });
    this.subscribeHandler = (ids) =>
      Promise.resolve(Object.fromEntries(ids.map((id) => [id, 'accept'])));
  }

  /** The phone's connection changes (`onNetworkStatusChange` listeners hear it). */
  setNetwork(type: NetworkType): void {
    this.networkType = type;
    for (const listener of [...this.networkListeners]) {
      listener({ isConnected: type !== 'none', networkType: type });
    }
  }

  /** The app comes back to the foreground (`onAppShow` listeners hear it). */
  appShow(): void {
    for (const listener of [...this.appShowListeners]) listener();
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
  getLocation(option: Taro.getLocation.Option): Promise<FakeFix>;
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
  downloadFile(
    option: Taro.downloadFile.Option,
  ): Promise<{ statusCode: number; tempFilePath: string }>;
  getFileSystemManager(): {
    readFileSync(path: string, encoding?: string): string;
    copyFile(option: {
      srcPath: string;
      destPath: string;
      success?: () => void;
      fail?: (error: { errMsg: string }) => void;
    }): void;
    unlink(option: { filePath: string; success?: () => void; fail?: () => void }): void;
  };
  env: { USER_DATA_PATH: string };
  uploadFile(option: Taro.uploadFile.Option): FakeUploadTask;
  chooseMedia(option: Taro.chooseMedia.Option): Promise<{ tempFiles: FakeMediaFile[] }>;
  compressImage(option: Taro.compressImage.Option): Promise<{ tempFilePath: string }>;
  getNetworkType(): Promise<{ networkType: NetworkType }>;
  onNetworkStatusChange(
    listener: (result: { isConnected: boolean; networkType: string }) => void,
  ): void;
  offNetworkStatusChange(
    listener?: (result: { isConnected: boolean; networkType: string }) => void,
  ): void;
  onAppShow(listener: () => void): void;
  offAppShow(listener?: () => void): void;
  chooseLocation(option?: Taro.chooseLocation.Option): ReturnType<ChooseLocationHandler>;
  requestSubscribeMessage(option: { tmplIds: string[] }): Promise<Record<string, string>>;
  saveImageToPhotosAlbum(option: { filePath: string }): Promise<TaroGeneral.CallbackResult>;
  previewImage(option: { urls: string[]; current?: string }): Promise<TaroGeneral.CallbackResult>;
  setKeepScreenOn(option: { keepScreenOn: boolean }): Promise<TaroGeneral.CallbackResult>;
  makePhoneCall(option: { phoneNumber: string }): Promise<TaroGeneral.CallbackResult>;
  openLocation(option: Taro.openLocation.Option): Promise<TaroGeneral.CallbackResult>;
}

/** `Taro.uploadFile`'s answer: a promise that also reports progress, as the real task does. */
export type FakeUploadTask = Promise<{ statusCode: number; data: string }> & {
  progress(
    callback: (event: {
      progress: number;
      totalBytesSent: number;
      totalBytesExpectedToSend: number;
    }) => void,
  ): FakeUploadTask;
  abort(): void;
};

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
  scanCode(option) {
    taroFake.scans.push(option);
    return taroFake.scanHandler();
  },
  downloadFile(option) {
    taroFake.downloads.push(option);
    return taroFake.downloadHandler(option);
  },
  getFileSystemManager() {
    return {
      readFileSync(path) {
        const text = taroFake.files.get(path);
        if (text === undefined) throw new Error(`no file ${path}`);
        return text;
      },
      copyFile({ srcPath, destPath, success }) {
        taroFake.savedFiles.set(destPath, srcPath);
        success?.();
      },
      unlink({ filePath, success }) {
        taroFake.unlinkedFiles.push(filePath);
        taroFake.savedFiles.delete(filePath);
        success?.();
      },
    };
  },
  env: { USER_DATA_PATH: 'wxfile://usr' },
  uploadFile(option) {
    taroFake.uploads.push(option);
    const listeners: Array<
      (event: {
        progress: number;
        totalBytesSent: number;
        totalBytesExpectedToSend: number;
      }) => void
    > = [];
    // Progress is reported after the caller attached its listener, as a real upload's is.
    const answer = Promise.resolve().then(() =>
      taroFake.uploadHandler(option, (percent) => {
        for (const listener of listeners) {
          listener({
            progress: percent,
            totalBytesSent: percent * 10,
            totalBytesExpectedToSend: 1000,
          });
        }
      }),
    );
    const task = answer as FakeUploadTask;
    task.progress = (callback) => {
      listeners.push(callback);
      return task;
    };
    task.abort = () => undefined;
    return task;
  },
  chooseMedia(option) {
    taroFake.chosen.push(option);
    return taroFake.chooseMediaHandler(option);
  },
  compressImage(option) {
    taroFake.compressed.push(option);
    return taroFake.compressHandler(option);
  },
  getNetworkType() {
    return Promise.resolve({ networkType: taroFake.networkType });
  },
  onNetworkStatusChange(listener) {
    taroFake.networkListeners.add(listener);
  },
  offNetworkStatusChange(listener) {
    if (listener) taroFake.networkListeners.delete(listener);
    else taroFake.networkListeners.clear();
  },
  onAppShow(listener) {
    taroFake.appShowListeners.add(listener);
  },
  offAppShow(listener) {
    if (listener) taroFake.appShowListeners.delete(listener);
    else taroFake.appShowListeners.clear();
  },
  chooseLocation() {
    return taroFake.chooseLocationHandler();
  },
  requestSubscribeMessage({ tmplIds }) {
    taroFake.subscribeRequests.push(tmplIds);
    return taroFake.subscribeHandler(tmplIds);
  },
  async saveImageToPhotosAlbum({ filePath }) {
    await taroFake.saveImageHandler(filePath);
    taroFake.savedImages.push(filePath);
    return ok('saveImageToPhotosAlbum');
  },
  previewImage({ urls }) {
    taroFake.previews.push(urls);
    return Promise.resolve(ok('previewImage'));
  },
  setKeepScreenOn({ keepScreenOn }) {
    taroFake.keepScreenOn.push(keepScreenOn);
    return Promise.resolve(ok('setKeepScreenOn'));
  },
  makePhoneCall({ phoneNumber }) {
    taroFake.phoneCalls.push(phoneNumber);
    return Promise.resolve(ok('makePhoneCall'));
  },
  openLocation(option) {
    taroFake.openedLocations.push(option);
    return Promise.resolve(ok('openLocation'));
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
