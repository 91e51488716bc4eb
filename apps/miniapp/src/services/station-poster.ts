import Taro from '@tarojs/taro';
import { Routes } from '@yizhan/contracts';
import { downloadBlob } from './file-download';
import { downloadToTempFile, requestBytes } from './request';

/**
 * How the poster reached the manager: a browser download (H5), the phone's album (weapp), or,
 * when the album is not allowed, WeChat's image viewer, where a long press saves or prints it.
 */
export type PosterDelivery = 'downloaded' | 'saved' | 'previewed';

/** A file name a phone's gallery and a print shop can both read. */
export function posterFileName(stationName: string): string {
  const safe = stationName.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '');
  return `${safe || 'station'}-签到海报.png`;
}

/**
 * `GET /stations/:id/poster` (a PNG behind the token) handed over the way the platform allows.
 * H5 fetches the bytes and saves them as a file, as the settlement CSV is; weapp lets WeChat
 * download it with the Authorization header and saves it to the album.
 */
export async function deliverStationPoster(
  stationId: string,
  stationName: string,
): Promise<PosterDelivery> {
  if (process.env.TARO_ENV === 'h5') {
    const bytes = await requestBytes(Routes.stationPoster(stationId), { timeoutMs: 30_000 });
    downloadBlob(new Blob([bytes], { type: 'image/png' }), posterFileName(stationName));
    return 'downloaded';
  }
  const filePath = await downloadToTempFile(Routes.stationPoster(stationId), { timeoutMs: 30_000 });
  try {
    await Taro.saveImageToPhotosAlbum({ filePath });
    return 'saved';
  } catch {
    // Album access refused (or its sheet dismissed): the viewer still lets them keep it.
    await Taro.previewImage({ urls: [filePath], current: filePath });
    return 'previewed';
  }
}
