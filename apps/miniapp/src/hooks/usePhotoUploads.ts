import Taro from '@tarojs/taro';
import { ConsentKind, MAX_REPORT_PHOTOS } from '@yizhan/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import { ClientErrorCode, toApiError } from '../services/api-error';
import { consentState, decideConsent, withConsentRetry } from '../services/consent';
import { uploadPhoto } from '../services/media';
import { PhotoPickError, pickPhotos } from '../services/photos';

/**
 * - uploading: on its way (with a percentage);
 * - done: the API has it (`mediaId`);
 * - waiting: no network; the report's queue uploads it later;
 * - failed: refused (too large, not an image …) or the server failed: retry or remove it.
 */
export type PhotoStatus = 'uploading' | 'done' | 'waiting' | 'failed';

export interface PhotoItem {
  key: string;
  /** The file on this device (or a photo's signed URL, for one uploaded elsewhere). */
  localPath: string;
  status: PhotoStatus;
  /** 0–100 while uploading. */
  percent: number;
  mediaId: string | null;
  errorCode: string | null;
}

export interface PhotoUploads {
  items: PhotoItem[];
  max: number;
  /** The photos consent sheet is up (asked before the picker first opens). */
  askingConsent: boolean;
  add: () => void;
  answerConsent: (granted: boolean) => void;
  retry: (key: string) => void;
  remove: (key: string) => void;
  preview: (key: string) => void;
  /** Replaces every photo (a queued draft loaded for editing, a reset after submitting). */
  replaceAll: (items: PhotoItem[]) => void;
  uploading: boolean;
  failed: boolean;
}

let sequence = 0;
const newKey = () => {
  sequence += 1;
  return `photo-${Date.now().toString(36)}-${sequence}`;
};

/** A photo the form already has: uploaded (done), or to upload later (waiting / failed). */
export function photoItem(
  localPath: string,
  mediaId: string | null,
  errorCode: string | null = null,
): PhotoItem {
  return {
    key: newKey(),
    localPath,
    status: mediaId !== null ? 'done' : errorCode !== null ? 'failed' : 'waiting',
    percent: mediaId !== null ? 100 : 0,
    mediaId,
    errorCode,
  };
}

/** A lost photo (H5 page reloaded) cannot be retried, only removed. */
export function canRetry(item: PhotoItem): boolean {
  return item.status === 'failed' && item.errorCode !== ClientErrorCode.PhotoLost;
}

/**
 * Up to `max` photos of a report (or of a handler's resolution): each is compressed and uploaded
 * as soon as it is picked, with its own progress; a failed one can be retried or removed. The
 * first pick asks for the photos consent.
 */
export function usePhotoUploads(max: number = MAX_REPORT_PHOTOS): PhotoUploads {
  const [items, setItems] = useState<PhotoItem[]>([]);
  const [askingConsent, setAskingConsent] = useState(false);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const update = useCallback((key: string, change: Partial<PhotoItem>) => {
    if (!mounted.current) return;
    setItems((current) => {
      const next = current.map((item) => (item.key === key ? { ...item, ...change } : item));
      itemsRef.current = next;
      return next;
    });
  }, []);

  const upload = useCallback(
    async (key: string, localPath: string) => {
      update(key, { status: 'uploading', percent: 0, errorCode: null, mediaId: null });
      try {
        const media = await withConsentRetry(ConsentKind.Photos, () =>
          uploadPhoto(localPath, ({ percent }) => {
            // The last percent arrives before the answer; 100 means "answered".
            update(key, { percent: Math.min(percent, 99) });
          }),
        );
        update(key, { status: 'done', percent: 100, mediaId: media.id });
      } catch (caught) {
        const error = toApiError(caught);
        // No answer at all: the report can still go, its queue uploads this photo later.
        const offline = error.status === 0;
        update(key, {
          status: offline ? 'waiting' : 'failed',
          percent: 0,
          errorCode: error.code,
        });
      }
    },
    [update],
  );

  const pick = useCallback(async () => {
    const room = max - itemsRef.current.length;
    if (room <= 0) return;
    let picked: Awaited<ReturnType<typeof pickPhotos>>;
    try {
      picked = await pickPhotos(room);
    } catch (caught) {
      if (caught instanceof PhotoPickError) {
        void Taro.showToast({ title: t('report.photos.pickFailed'), icon: 'none' });
      }
      return;
    }
    if (!mounted.current || picked.length === 0) return;
    const added = picked
      .slice(0, Math.max(0, max - itemsRef.current.length))
      .map((photo) => photoItem(photo.path, null));
    setItems((current) => {
      const next = [...current, ...added];
      itemsRef.current = next;
      return next;
    });
    for (const item of added) void upload(item.key, item.localPath);
  }, [max, upload]);

  const add = useCallback(() => {
    if (consentState(ConsentKind.Photos) !== 'granted') {
      setAskingConsent(true);
      return;
    }
    void pick();
  }, [pick]);

  const answerConsent = useCallback(
    (granted: boolean) => {
      setAskingConsent(false);
      // The device follows the answer at once; the server record may lag (the upload then
      // records it itself, see withConsentRetry).
      decideConsent(ConsentKind.Photos, granted).catch(() => undefined);
      if (granted) void pick();
      else void Taro.showToast({ title: t('report.photos.consentRefused'), icon: 'none' });
    },
    [pick],
  );

  const retry = useCallback(
    (key: string) => {
      const item = itemsRef.current.find((candidate) => candidate.key === key);
      if (item && (item.status === 'waiting' || canRetry(item))) void upload(key, item.localPath);
    },
    [upload],
  );

  const remove = useCallback((key: string) => {
    setItems((current) => {
      const next = current.filter((item) => item.key !== key);
      itemsRef.current = next;
      return next;
    });
  }, []);

  const preview = useCallback((key: string) => {
    const urls = itemsRef.current.map((item) => item.localPath);
    const current = itemsRef.current.find((item) => item.key === key)?.localPath;
    void Taro.previewImage({ urls, current }).catch(() => undefined);
  }, []);

  const replaceAll = useCallback((next: PhotoItem[]) => {
    itemsRef.current = next;
    setItems(next);
  }, []);

  return {
    items,
    max,
    askingConsent,
    add,
    answerConsent,
    retry,
    remove,
    preview,
    replaceAll,
    uploading: items.some((item) => item.status === 'uploading'),
    failed: items.some((item) => item.status === 'failed'),
  };
}
