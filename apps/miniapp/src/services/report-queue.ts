import Taro from '@tarojs/taro';
import { ConsentKind, ErrorCode, type CategoryIcon, type ReportView } from '@yizhan/contracts';
import { type ApiError, ClientErrorCode, toApiError } from './api-error';
import { withConsentRetry } from './consent';
import { newUuid } from './idempotency';
import { uploadPhoto } from './media';
import { getMe } from './me';
import { createReport } from './reports';
import { session } from './session';

/**
 * The offline queue of reports (报事): a report is stored on the phone before it is sent, and
 * stays there until the API has it. A rider in a basement car park or on a weak 3G cell taps
 * 提交 once; the report goes when the network comes back (the network changes, the app comes to
 * the foreground, 我的报事 opens), with the clientRequestId it was composed with, so the API
 * files it once however many tries it takes (a replay answers 200 with the same report).
 *
 * Steps of one try: upload each photo not uploaded yet (its media id is stored at once, so a
 * crash after an upload never uploads it again), then `POST /reports`. Only a definite answer
 * removes a draft: the report (201, or 200 for a replay). No answer, a 5xx, a 429 or a dead
 * session keep it pending for the next try; a refusal (4xx) keeps it with the error, for the
 * worker to edit or delete.
 */

export interface QueuedPhoto {
  /** Where the photo is on this device: WeChat's path, or on H5 a `blob:` URL. */
  localPath: string;
  /** Set once uploaded: a photo is never uploaded twice. */
  mediaId: string | null;
  /** H5: the page load that made the `blob:` URL, which dies with it. */
  pageLoad?: string;
  /** The code of the upload's refusal (413, 415), so the worker sees which photo to replace. */
  errorCode?: string | null;
}

export type DraftState = 'pending' | 'failed';

export interface ReportDraft {
  clientRequestId: string;
  /** Whose report it is: on a shared phone only its author's session sends it. */
  userId: string;
  category: string;
  categoryName: string;
  categoryIcon: CategoryIcon;
  description: string;
  lat: number;
  lng: number;
  accuracy: number | null;
  address: string | null;
  photos: QueuedPhoto[];
  createdAt: string;
  state: DraftState;
  /** The code of the last refusal (`failed`), or of the last deferral (`pending`). */
  errorCode: string | null;
  attempts: number;
  lastAttemptAt: string | null;
}

/** What one try came to. */
export type SendOutcome =
  | { kind: 'sent'; report: ReportView }
  /** Not sent for now (no network, no answer, a server error, signed out): tried again later. */
  | { kind: 'deferred'; code: string }
  /** Refused: kept with the error (or, for the form's own try, handed back to the form). */
  | { kind: 'failed'; code: string }
  /** Another try of the same draft is under way. */
  | { kind: 'busy' }
  | { kind: 'missing' };

export interface SendOptions {
  /**
   * The form's own try, with the worker looking: a refusal removes the draft and is shown on the
   * form, which still holds everything (and the same clientRequestId) to fix and send again.
   */
  interactive?: boolean;
}

export interface QueueSnapshot {
  drafts: readonly ReportDraft[];
  /** clientRequestIds being sent right now. */
  sending: readonly string[];
}

const STORAGE_KEY = 'yizhan.reportQueue';
/** The id of the account whose tokens are stored, so drafts have an owner offline after a restart. */
const OWNER_KEY = 'yizhan.reportQueue.owner';
const STORAGE_VERSION = 1;
/** Files the queue copied into WeChat's user-data folder carry this prefix. */
const COPY_PREFIX = 'report-queue-';

/** This page load: a `blob:` URL of another one is dead (H5 only). */
export const PAGE_LOAD_ID = newUuid();

function isDraft(value: unknown): value is ReportDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<ReportDraft>;
  return (
    typeof draft.clientRequestId === 'string' &&
    typeof draft.userId === 'string' &&
    typeof draft.category === 'string' &&
    typeof draft.description === 'string' &&
    typeof draft.lat === 'number' &&
    typeof draft.lng === 'number' &&
    Array.isArray(draft.photos) &&
    (draft.state === 'pending' || draft.state === 'failed')
  );
}

/** A try that may reach the API later: nothing about the draft itself is wrong. */
function worthRetrying(error: ApiError): boolean {
  return (
    error.status === 0 ||
    error.status >= 500 ||
    error.status === 401 ||
    error.code === ErrorCode.RATE_LIMITED
  );
}

class PhotoLostError extends Error {
  constructor(readonly index: number) {
    super(`queued photo ${index} is gone`);
    this.name = 'PhotoLostError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** A photo whose upload the API refused (413, 415): the draft fails naming it. */
class PhotoRefusedError extends Error {
  constructor(
    readonly index: number,
    readonly refusal: ApiError,
  ) {
    super(`queued photo ${index} refused: ${refusal.code}`);
    this.name = 'PhotoRefusedError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

function userDataPath(): string | null {
  if (process.env.TARO_ENV === 'h5') return null;
  try {
    const path = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH;
    return typeof path === 'string' && path !== '' ? path : null;
  } catch {
    return null;
  }
}

/**
 * weapp: a picked photo's temp path lasts only while the app runs, so a photo that still has to
 * be uploaded is copied to the mini-program's own files (kept until the draft is sent or deleted).
 * A failed copy keeps the temp path: it still works until WeChat closes the app.
 */
function keepOnDevice(photo: QueuedPhoto, draftId: string, index: number): Promise<QueuedPhoto> {
  const root = userDataPath();
  if (photo.mediaId !== null || root === null || photo.localPath.startsWith(root)) {
    return Promise.resolve(photo);
  }
  const destPath = `${root}/${COPY_PREFIX}${draftId}-${index}.jpg`;
  return new Promise((resolve) => {
    try {
      Taro.getFileSystemManager().copyFile({
        srcPath: photo.localPath,
        destPath,
        success: () => resolve({ ...photo, localPath: destPath }),
        fail: () => resolve(photo),
      });
    } catch {
      resolve(photo);
    }
  });
}

function forgetCopies(draft: ReportDraft): void {
  const root = userDataPath();
  if (root === null) return;
  for (const photo of draft.photos) {
    if (!photo.localPath.startsWith(`${root}/${COPY_PREFIX}`)) continue;
    try {
      Taro.getFileSystemManager().unlink({ filePath: photo.localPath, fail: () => undefined });
    } catch {
      // Already gone.
    }
  }
}

/** Whether the phone says it has no network at all (it may also be wrong: a try tells). */
export async function deviceOffline(): Promise<boolean> {
  try {
    const { networkType } = await Taro.getNetworkType();
    return networkType === 'none';
  } catch {
    return false;
  }
}

export class ReportQueue {
  private drafts: ReportDraft[] | undefined;
  private readonly sending = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private snapshot: QueueSnapshot | undefined;
  private flushing: Promise<void> | null = null;

  // ---- storage ------------------------------------------------------------------------------

  private all(): ReportDraft[] {
    if (this.drafts === undefined) {
      let stored: unknown = null;
      try {
        stored = Taro.getStorageSync(STORAGE_KEY);
      } catch {
        stored = null;
      }
      const list =
        typeof stored === 'object' &&
        stored !== null &&
        (stored as { version?: unknown }).version === STORAGE_VERSION
          ? (stored as { drafts?: unknown }).drafts
          : null;
      this.drafts = Array.isArray(list) ? list.filter(isDraft) : [];
    }
    return this.drafts;
  }

  private save(drafts: ReportDraft[]): void {
    this.drafts = drafts;
    // Stored before anything is sent: a crash, a kill or a reload must not lose a report.
    Taro.setStorageSync(STORAGE_KEY, { version: STORAGE_VERSION, drafts });
    this.changed();
  }

  private patch(id: string, change: (draft: ReportDraft) => ReportDraft): ReportDraft | null {
    let updated: ReportDraft | null = null;
    this.save(
      this.all().map((draft) => {
        if (draft.clientRequestId !== id) return draft;
        updated = change(draft);
        return updated;
      }),
    );
    return updated;
  }

  /** Forgets the memory copy, so the next read comes from storage (tests: an app restart). */
  reload(): void {
    this.drafts = undefined;
    this.sending.clear();
    this.flushing = null;
    this.changed();
  }

  // ---- reading ------------------------------------------------------------------------------

  find(id: string): ReportDraft | null {
    return this.all().find((draft) => draft.clientRequestId === id) ?? null;
  }

  /** One user's drafts, oldest first (the order they are sent in). */
  draftsOf(userId: string | null | undefined): ReportDraft[] {
    if (!userId) return [];
    return this.all()
      .filter((draft) => draft.userId === userId)
      .sort((left, right) => left.createdAt.localeCompare(right.createdAt));
  }

  isSending(id: string): boolean {
    return this.sending.has(id);
  }

  getSnapshot = (): QueueSnapshot => {
    this.snapshot ??= { drafts: [...this.all()], sending: [...this.sending] };
    return this.snapshot;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private changed(): void {
    this.snapshot = undefined;
    for (const listener of [...this.listeners]) listener();
  }

  // ---- writing ------------------------------------------------------------------------------

  /**
   * Stores a draft (a new one, or the edited form of one already queued: same clientRequestId)
   * as pending. Photos still to upload are kept on the device first.
   */
  async put(draft: ReportDraft): Promise<ReportDraft> {
    const photos = await Promise.all(
      draft.photos.map((photo, index) => keepOnDevice(photo, draft.clientRequestId, index)),
    );
    const stored: ReportDraft = { ...draft, photos, state: 'pending', errorCode: null };
    const others = this.all().filter((item) => item.clientRequestId !== draft.clientRequestId);
    this.save([...others, stored]);
    return stored;
  }

  /** Deletes a draft (the worker gave it up, or it was sent) and its copied photos. */
  remove(id: string): void {
    const draft = this.find(id);
    if (!draft) return;
    this.save(this.all().filter((item) => item.clientRequestId !== id));
    forgetCopies(draft);
  }

  /** Forgets every draft (sign-out, account deletion: the next person must not send them). */
  clear(userId?: string): void {
    const leaving = this.all().filter((draft) => userId === undefined || draft.userId === userId);
    this.save(this.all().filter((draft) => !leaving.includes(draft)));
    for (const draft of leaving) forgetCopies(draft);
  }

  // ---- sending ------------------------------------------------------------------------------

  /** One try of one draft; see the module comment for what each answer does to it. */
  async send(id: string, options: SendOptions = {}): Promise<SendOutcome> {
    if (this.sending.has(id)) return { kind: 'busy' };
    if (!this.find(id)) return { kind: 'missing' };
    this.sending.add(id);
    this.changed();
    try {
      return await this.attempt(id, options, true);
    } finally {
      this.sending.delete(id);
      this.changed();
    }
  }

  private async attempt(
    id: string,
    options: SendOptions,
    mayReupload: boolean,
  ): Promise<SendOutcome> {
    const started = this.patch(id, (draft) => ({
      ...draft,
      attempts: draft.attempts + 1,
      lastAttemptAt: new Date().toISOString(),
    }));
    if (!started) return { kind: 'missing' };
    try {
      const mediaIds = await this.uploadPhotos(id);
      const draft = this.find(id);
      if (!draft) return { kind: 'missing' };
      const report = await withConsentRetry(ConsentKind.Location, () =>
        createReport({
          clientRequestId: draft.clientRequestId,
          category: draft.category,
          description: draft.description,
          lat: draft.lat,
          lng: draft.lng,
          ...(draft.address ? { address: draft.address } : {}),
          mediaIds,
        }),
      );
      this.remove(id);
      return { kind: 'sent', report };
    } catch (caught) {
      if (caught instanceof PhotoLostError) {
        return this.refused(id, ClientErrorCode.PhotoLost, options, caught.index);
      }
      if (caught instanceof PhotoRefusedError) {
        return this.refused(id, caught.refusal.code, options, caught.index);
      }
      const error = toApiError(caught);
      if (worthRetrying(error)) {
        this.patch(id, (draft) => ({ ...draft, state: 'pending', errorCode: error.code }));
        return { kind: 'deferred', code: error.code };
      }
      // Uploaded too long ago (unattached photos expire), or taken by another report: upload the
      // photos once more from the device, if they are all still there.
      if (error.code === ErrorCode.MEDIA_NOT_ATTACHABLE && mayReupload && this.canReupload(id)) {
        this.patch(id, (draft) => ({
          ...draft,
          photos: draft.photos.map((photo) => ({ ...photo, mediaId: null })),
        }));
        return this.attempt(id, options, false);
      }
      return this.refused(id, error.code, options);
    }
  }

  private refused(
    id: string,
    code: string,
    options: SendOptions,
    photoIndex?: number,
  ): SendOutcome {
    if (options.interactive) {
      this.remove(id);
    } else {
      this.patch(id, (draft) => ({
        ...draft,
        state: 'failed',
        errorCode: code,
        photos: draft.photos.map((photo, index) =>
          index === photoIndex ? { ...photo, errorCode: code } : photo,
        ),
      }));
    }
    return { kind: 'failed', code };
  }

  private canReupload(id: string): boolean {
    const draft = this.find(id);
    return draft !== null && draft.photos.every((_, index) => !this.lost(draft, index));
  }

  private lost(draft: ReportDraft, index: number): boolean {
    const photo = draft.photos[index];
    if (!photo) return true;
    return photo.localPath.startsWith('blob:') && photo.pageLoad !== PAGE_LOAD_ID;
  }

  /** Uploads what is not uploaded yet, storing each media id as soon as it is known. */
  private async uploadPhotos(id: string): Promise<string[]> {
    const draft = this.find(id);
    if (!draft) return [];
    for (let index = 0; index < draft.photos.length; index += 1) {
      const photo = draft.photos[index];
      if (!photo || photo.mediaId !== null) continue;
      if (this.lost(draft, index)) throw new PhotoLostError(index);
      let mediaId: string;
      try {
        const media = await withConsentRetry(ConsentKind.Photos, () =>
          uploadPhoto(photo.localPath),
        );
        mediaId = media.id;
      } catch (caught) {
        const error = toApiError(caught);
        if (worthRetrying(error)) throw error;
        throw new PhotoRefusedError(index, error);
      }
      this.patch(id, (current) => ({
        ...current,
        photos: current.photos.map((item, at) =>
          at === index ? { ...item, mediaId, errorCode: null } : item,
        ),
      }));
    }
    return (this.find(id)?.photos ?? []).flatMap((photo) =>
      photo.mediaId === null ? [] : [photo.mediaId],
    );
  }

  /**
   * Sends the signed-in user's pending drafts, oldest first, one at a time. Stops at the first
   * deferral (the network is not there yet); a refused draft stays failed and the next goes on.
   * Concurrent calls share one run.
   */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushOnce(): Promise<void> {
    if (session.get() === null) return;
    let userId = reportOwner();
    if (this.all().length === 0) return;
    if (await deviceOffline()) return;
    if (!userId) {
      try {
        userId = (await getMe()).id;
      } catch {
        return;
      }
    }
    for (const draft of this.draftsOf(userId)) {
      if (draft.state !== 'pending') continue;
      const outcome = await this.send(draft.clientRequestId);
      if (outcome.kind === 'deferred') return;
    }
  }
}

export const reportQueue = new ReportQueue();

/**
 * Whose drafts this phone's session may make and send: the signed-in user, known from `GET /me`
 * or, after a restart without network, from the id remembered with the session (only the id: the
 * profile itself is never kept on the device). Null signed out.
 */
export function reportOwner(): string | null {
  if (session.get() === null) return null;
  const user = session.getUser();
  if (user) return user.id;
  try {
    const stored: unknown = Taro.getStorageSync(OWNER_KEY);
    return typeof stored === 'string' && stored !== '' ? stored : null;
  } catch {
    return null;
  }
}

// The remembered owner follows the session: set with the user, gone with the tokens.
session.subscribe(() => {
  try {
    if (session.get() === null) {
      Taro.removeStorageSync(OWNER_KEY);
      return;
    }
    const user = session.getUser();
    if (user && Taro.getStorageSync(OWNER_KEY) !== user.id) Taro.setStorageSync(OWNER_KEY, user.id);
  } catch {
    // Storage unavailable: GET /me still names the owner when online.
  }
});

/** The draft 我的报事 asked the 报事 tab to open for editing (a tab page takes no query). */
let draftToEdit: string | null = null;

export function requestDraftEdit(clientRequestId: string): void {
  draftToEdit = clientRequestId;
}

/** The draft to edit, once: the tab clears it as it loads it into the form. */
export function takeDraftEdit(): string | null {
  const id = draftToEdit;
  draftToEdit = null;
  return id;
}

let installed = false;

/**
 * Called once at app start: sends what is queued now, whenever the network comes back, and each
 * time the app returns to the foreground.
 */
export function installReportQueue(): void {
  if (installed) return;
  installed = true;
  const flush = () => {
    void reportQueue.flush().catch(() => undefined);
  };
  try {
    Taro.onNetworkStatusChange((result) => {
      if (result.isConnected) flush();
    });
  } catch {
    // No network events on this platform: app show and 我的报事 still send.
  }
  try {
    Taro.onAppShow(flush);
  } catch {
    // As above.
  }
  flush();
}

/** Forgets the installation (tests). */
export function uninstallReportQueue(): void {
  installed = false;
}
