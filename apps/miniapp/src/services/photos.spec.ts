import { taroFake } from '../../test/taro-fake';
import { compressPhoto, PhotoPickError, pickPhotos } from './photos';

describe(pickPhotos.name, () => {
  const platform = process.env.TARO_ENV;

  beforeEach(() => {
    taroFake.reset();
    process.env.TARO_ENV = 'weapp';
  });

  afterEach(() => {
    process.env.TARO_ENV = platform;
  });

  it('asks for compressed images only, at most as many as still fit, and compresses each', async () => {
    taroFake.chooseMediaHandler = () =>
      Promise.resolve({
        tempFiles: [
          { tempFilePath: 'wxfile://tmp/a.jpg', size: 3_000_000, width: 4000, height: 3000 },
          { tempFilePath: 'wxfile://tmp/b.jpg', size: 200_000, width: 1080, height: 1920 },
        ],
      });

    await expect(pickPhotos(4)).resolves.toEqual([
      { path: 'wxfile://tmp/a.jpg.compressed' },
      { path: 'wxfile://tmp/b.jpg.compressed' },
    ]);

    expect(taroFake.chosen[0]).toMatchObject({
      count: 4,
      mediaType: ['image'],
      sizeType: ['compressed'],
    });
    // The long side comes down to about 1920 px; one side is enough for WeChat.
    expect(taroFake.compressed[0]).toEqual({
      src: 'wxfile://tmp/a.jpg',
      quality: 80,
      compressedWidth: 1920,
    });
    expect(taroFake.compressed[1]).toEqual({ src: 'wxfile://tmp/b.jpg', quality: 80 });
  });

  it('resolves with nothing when the worker closes the picker, and asks nothing when full', async () => {
    await expect(pickPhotos(6)).resolves.toEqual([]);
    await expect(pickPhotos(0)).resolves.toEqual([]);
    expect(taroFake.chosen).toHaveLength(1);
  });

  it('throws PhotoPickError when the platform refuses (no camera or album permission)', async () => {
    taroFake.chooseMediaHandler = () => Promise.reject({ errMsg: 'chooseMedia:fail auth deny' });

    await expect(pickPhotos(6)).rejects.toBeInstanceOf(PhotoPickError);
  });

  it('keeps the original when WeChat cannot compress it', async () => {
    taroFake.compressHandler = () => Promise.reject({ errMsg: 'compressImage:fail' });

    await expect(
      compressPhoto({ tempFilePath: 'wxfile://tmp/a.jpg', size: 1, width: 10, height: 10 }),
    ).resolves.toBe('wxfile://tmp/a.jpg');
  });

  it('H5 without a document keeps the picked file as it is', async () => {
    process.env.TARO_ENV = 'h5';

    await expect(compressPhoto({ tempFilePath: 'blob:x', size: 1 })).resolves.toBe('blob:x');
    expect(taroFake.compressed).toHaveLength(0);
  });
});
