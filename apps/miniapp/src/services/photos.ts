import Taro from '@tarojs/taro';
import { CLIENT_UPLOAD_LONG_SIDE_PX } from '@yizhan/contracts';

/** A photo picked on this device, compressed and ready to upload. */
export interface PickedPhoto {
  /** WeChat's temp path, or on H5 a `blob:` URL of this page load. */
  path: string;
}

interface ChosenFile {
  tempFilePath: string;
  size: number;
  width?: number;
  height?: number;
}

/** JPEG quality of the client's re-encoding: the API re-encodes again, so detail past this is lost anyway. */
const QUALITY = 80;
/** A browser photo under this size and long side goes as it is. */
const H5_KEEP_BELOW_BYTES = 1024 * 1024;

function isCancel(error: unknown): boolean {
  const message =
    typeof error === 'object' && error !== null
      ? String((error as { errMsg?: unknown }).errMsg ?? '')
      : '';
  return /cancel|abort/i.test(message);
}

/** Whether picking failed because the user closed the picker (not worth a word). */
export class PhotoPickError extends Error {
  constructor(readonly reason: string) {
    super(`photo pick failed: ${reason}`);
    this.name = 'PhotoPickError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** weapp: WeChat re-encodes, scaled down to the long side the contract suggests. */
async function compressOnWeapp(file: ChosenFile): Promise<string> {
  const { width = 0, height = 0 } = file;
  const long = Math.max(width, height);
  const scaled: Partial<Taro.compressImage.Option> = {};
  if (long > CLIENT_UPLOAD_LONG_SIDE_PX) {
    const scale = CLIENT_UPLOAD_LONG_SIDE_PX / long;
    // One side is enough: WeChat keeps the ratio.
    if (width >= height) scaled.compressedWidth = Math.round(width * scale);
    else scaled.compressedHeight = Math.round(height * scale);
  }
  try {
    const { tempFilePath } = await Taro.compressImage({
      src: file.tempFilePath,
      quality: QUALITY,
      ...scaled,
    });
    return tempFilePath || file.tempFilePath;
  } catch {
    // An old base library or an odd file: the original still uploads (the API bounds its size).
    return file.tempFilePath;
  }
}

/** A local image decodes in well under a second; past this the original is sent as it is. */
const DECODE_TIMEOUT_MS = 5_000;

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const timer = setTimeout(
      () => reject(new Error('image did not load in time')),
      DECODE_TIMEOUT_MS,
    );
    image.onload = () => {
      clearTimeout(timer);
      resolve(image);
    };
    image.onerror = () => {
      clearTimeout(timer);
      reject(new Error('image did not load'));
    };
    image.src = src;
  });
}

/**
 * H5: Taro's `compressImage` is not implemented and its chooser ignores `sizeType`, so a phone
 * photo (4–12 MB) is drawn smaller on a canvas and re-encoded as JPEG here.
 */
async function compressInBrowser(file: ChosenFile): Promise<string> {
  if (typeof document === 'undefined') return file.tempFilePath;
  try {
    const image = await loadImage(file.tempFilePath);
    const long = Math.max(image.naturalWidth, image.naturalHeight);
    const scale = long > CLIENT_UPLOAD_LONG_SIDE_PX ? CLIENT_UPLOAD_LONG_SIDE_PX / long : 1;
    if (scale === 1 && file.size < H5_KEEP_BELOW_BYTES) return file.tempFilePath;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
    const context = canvas.getContext('2d');
    if (!context) return file.tempFilePath;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', QUALITY / 100),
    );
    if (!blob || blob.size >= file.size) return file.tempFilePath;
    return URL.createObjectURL(blob);
  } catch {
    return file.tempFilePath;
  }
}

export function compressPhoto(file: ChosenFile): Promise<string> {
  return process.env.TARO_ENV === 'h5' ? compressInBrowser(file) : compressOnWeapp(file);
}

/**
 * Up to `max` photos from the camera or the album, compressed. Resolves with none when the user
 * closes the picker; throws PhotoPickError when the platform refused (no permission).
 */
export async function pickPhotos(max: number): Promise<PickedPhoto[]> {
  if (max <= 0) return [];
  let files: ChosenFile[];
  try {
    const result = await Taro.chooseMedia({
      count: max,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
    });
    files = result.tempFiles;
  } catch (error) {
    if (isCancel(error)) return [];
    const message =
      typeof error === 'object' && error !== null
        ? String((error as { errMsg?: unknown }).errMsg ?? 'unknown')
        : 'unknown';
    throw new PhotoPickError(message);
  }
  const photos: PickedPhoto[] = [];
  for (const file of files.slice(0, max)) {
    photos.push({ path: await compressPhoto(file) });
  }
  return photos;
}
