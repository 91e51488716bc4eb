/** @jest-environment jsdom */
import { ok, serveRoutes } from '../../test/factories';
import { taroFake } from '../../test/taro-fake';
import { deliverStationPoster, posterFileName } from './station-poster';

describe(deliverStationPoster.name, () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    process.env.TARO_ENV = 'weapp';
    taroFake.downloadHandler = () =>
      Promise.resolve({ statusCode: 200, tempFilePath: 'wxfile://tmp/poster.png' });
  });

  afterAll(() => {
    process.env.TARO_ENV = platform;
  });

  it('weapp: downloads the PNG and saves it to the album', async () => {
    await expect(deliverStationPoster('s-1', '才常广场驿站')).resolves.toBe('saved');

    expect(taroFake.downloads[0]?.url).toContain('/stations/s-1/poster');
    expect(taroFake.savedImages).toEqual(['wxfile://tmp/poster.png']);
  });

  it('weapp: opens the image viewer when the album is not allowed', async () => {
    taroFake.saveImageHandler = () =>
      Promise.reject({ errMsg: 'saveImageToPhotosAlbum:fail auth deny' });

    await expect(deliverStationPoster('s-1', '才常广场驿站')).resolves.toBe('previewed');

    expect(taroFake.previews).toEqual([['wxfile://tmp/poster.png']]);
  });

  it('H5: fetches the bytes with the token and hands the browser a PNG file', async () => {
    process.env.TARO_ENV = 'h5';
    serveRoutes({ 'GET /stations/s-1/poster': () => ok(new Uint8Array([137, 80, 78, 71]).buffer) });
    const created: Blob[] = [];
    const clicked: string[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:poster';
    };
    URL.revokeObjectURL = () => undefined;
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this.download);
    });

    await expect(deliverStationPoster('s-1', '才常广场驿站')).resolves.toBe('downloaded');

    expect(created[0]?.type).toBe('image/png');
    expect(clicked).toEqual(['才常广场驿站-签到海报.png']);
    expect(taroFake.requests[0]?.responseType).toBe('arraybuffer');
  });
});

describe(posterFileName.name, () => {
  it('keeps Chinese names and replaces what file systems refuse', () => {
    expect(posterFileName('才常广场 驿站/1')).toBe('才常广场-驿站-1-签到海报.png');
    expect(posterFileName('  ')).toBe('station-签到海报.png');
  });
});
