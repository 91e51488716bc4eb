import { Routes, type MediaView } from '@yizhan/contracts';
import { resolveApiUrl, upload, type UploadProgress } from './request';

/**
 * `POST /media` (multipart field `file`): one photo, before it is attached to a report. The API
 * re-encodes it without EXIF and answers with signed, expiring URLs. Refusals: 403
 * CONSENT_REQUIRED (photos), 413 PAYLOAD_TOO_LARGE, 415 UNSUPPORTED_MEDIA_TYPE.
 */
export function uploadPhoto(
  filePath: string,
  onProgress?: (progress: UploadProgress) => void,
): Promise<MediaView> {
  return upload<MediaView>(Routes.media, { filePath, name: 'file', onProgress });
}

/** A photo's signed URL, which the API hands out root-relative, as an `<Image src>`. */
export function photoSrc(url: string): string {
  return resolveApiUrl(url);
}
