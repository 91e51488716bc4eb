import Taro from '@tarojs/taro';
import { t } from '../i18n';
import { downloadBlob } from './file-download';
import { exportMe } from './me';

export type ExportDelivery = 'downloaded' | 'copied';

/** UTF-8 size without Blob or TextEncoder, which the weapp runtime lacks. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}

function fileName(now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return `yizhan-my-data-${day}.json`;
}

/** H5: the browser saves a JSON file (the user's own copy, nothing leaves the device). */
function download(json: string, now: Date): void {
  downloadBlob(new Blob([json], { type: 'application/json' }), fileName(now));
}

/**
 * `GET /me/export`, handed to the user the way the platform allows: a file download on H5; on
 * weapp (no file system the user can reach) the JSON goes to the clipboard and a dialog says
 * how much was copied and where to paste it.
 */
export async function exportMyData(now = new Date()): Promise<ExportDelivery> {
  const data = await exportMe();
  const json = JSON.stringify(data, null, 2);
  if (process.env.TARO_ENV === 'h5') {
    download(json, now);
    return 'downloaded';
  }
  await Taro.setClipboardData({ data: json });
  const size = Math.max(1, Math.round(utf8Length(json) / 1024));
  await Taro.showModal({
    title: t('me.export.copiedTitle'),
    content: t('me.export.copiedContent', { size }),
    showCancel: false,
  });
  return 'copied';
}
