import Taro from '@tarojs/taro';
import {
  ConsentKind,
  ErrorCode,
  MAX_REPORT_DESCRIPTION,
  type PossibleDuplicate,
  type ReportCategoryView,
  type ReportView,
} from '@yizhan/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, t } from '../i18n';
import { ClientErrorCode, toApiError, type ApiError } from '../services/api-error';
import { consentState, decideConsent } from '../services/consent';
import { newUuid } from '../services/idempotency';
import { locatePrecisely, UNKNOWN_ACCURACY_M } from '../services/location';
import { getMe } from '../services/me';
import { askForReportUpdates } from '../services/notifications';
import {
  deviceOffline,
  PAGE_LOAD_ID,
  reportOwner,
  reportQueue,
  type QueuedPhoto,
  type ReportDraft,
} from '../services/report-queue';
import { listPossibleDuplicates, listReportCategories } from '../services/reports';
import { session } from '../services/session';
import { photoItem, usePhotoUploads, type PhotoItem, type PhotoUploads } from './usePhotoUploads';

/** Where the report is: the phone's fix, or a point picked on WeChat's map. */
export interface ReportPlace {
  lat: number;
  lng: number;
  /** Metres, as the phone reports it; null when unknown or picked on the map. */
  accuracy: number | null;
  source: 'gps' | 'map';
}

/**
 * - needs-consent: not asked yet (the page shows the location consent sheet);
 * - refused: the worker said no (the page offers 授权位置).
 */
export type LocationPhase =
  'idle' | 'needs-consent' | 'refused' | 'locating' | 'located' | 'failed';

export interface FieldErrors {
  category?: string;
  description?: string;
  location?: string;
  photos?: string;
}

/** editing → (checking duplicates → duplicates prompt) → sending → outcome. */
export type SubmitPhase = 'editing' | 'checking' | 'duplicates' | 'sending';

export type ReportOutcome =
  | { kind: 'sent'; report: ReportView }
  /** Kept on the phone: no network (`NETWORK_ERROR`) or the server could not take it now. */
  | { kind: 'queued'; code: string };

export interface CategoriesState {
  phase: 'loading' | 'ready' | 'error';
  items: ReportCategoryView[];
  error: ApiError | null;
}

export interface ReportFormState {
  clientRequestId: string;
  category: ReportCategoryView | null;
  description: string;
  place: ReportPlace | null;
  locationPhase: LocationPhase;
  address: string;
  /** The form holds a queued draft the worker is fixing (same clientRequestId). */
  editingDraft: boolean;
  errors: FieldErrors;
  phase: SubmitPhase;
  duplicates: PossibleDuplicate[];
  outcome: ReportOutcome | null;
  categories: CategoriesState;
}

export interface ReportFormActions {
  /** Each time the tab shows: locate if needed, load the categories, open a draft to edit. */
  start: (draftToEdit?: string | null) => void;
  relocate: () => void;
  answerLocationConsent: (granted: boolean) => void;
  chooseOnMap: () => Promise<void>;
  selectCategory: (category: ReportCategoryView) => void;
  setDescription: (text: string) => void;
  setAddress: (text: string) => void;
  submit: () => Promise<void>;
  /** The duplicates prompt: 仍要上报 / 不上报了. */
  confirmDuplicates: () => Promise<void>;
  cancelDuplicates: () => void;
  /** A fresh, empty form (after 继续上报). */
  reset: () => void;
  reloadCategories: () => void;
  /** weapp: the subscribe-message template, asked for on the submitting tap. */
  setSubscriptionTemplate: (templateId: string | null) => void;
}

const initialCategories: CategoriesState = { phase: 'loading', items: [], error: null };

function emptyForm(place: ReportPlace | null, locationPhase: LocationPhase): ReportFormState {
  return {
    clientRequestId: newUuid(),
    category: null,
    description: '',
    place,
    locationPhase,
    address: '',
    editingDraft: false,
    errors: {},
    phase: 'editing',
    duplicates: [],
    outcome: null,
    categories: initialCategories,
  };
}

/** The categories change only when the place moves ~100 m, not with every fix. */
const placeKey = (place: ReportPlace | null) =>
  place ? `${place.lat.toFixed(3)},${place.lng.toFixed(3)}` : 'anywhere';

const duplicatesKey = (category: string | undefined, place: ReportPlace | null) =>
  category && place ? `${category}@${place.lat.toFixed(5)},${place.lng.toFixed(5)}` : null;

/** The description as sent: trimmed, between 1 and MAX_REPORT_DESCRIPTION characters. */
export function descriptionError(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length === 0) return t('report.descriptionRequired');
  if (trimmed.length > MAX_REPORT_DESCRIPTION) {
    return t('report.descriptionTooLong', { n: MAX_REPORT_DESCRIPTION });
  }
  return undefined;
}

function photosOf(items: PhotoItem[]): QueuedPhoto[] {
  return items.map((item) => ({
    localPath: item.localPath,
    mediaId: item.status === 'done' ? item.mediaId : null,
    ...(item.localPath.startsWith('blob:') ? { pageLoad: PAGE_LOAD_ID } : {}),
  }));
}

/**
 * The 报事 form: category, photos, description, place and address, the possible-duplicates
 * prompt, and the submission through the offline queue (services/report-queue.ts): the report is
 * stored on the phone first, then sent; without a network it waits there and goes later.
 */
export function useReportForm(): [ReportFormState, ReportFormActions, PhotoUploads] {
  const [state, setState] = useState<ReportFormState>(() => emptyForm(null, 'idle'));
  const stateRef = useRef(state);
  stateRef.current = state;
  const photos = usePhotoUploads();
  const photosRef = useRef(photos);
  photosRef.current = photos;
  const locateTicket = useRef(0);
  const categoriesTicket = useRef(0);
  const loadedFor = useRef<string | null>(null);
  const duplicatesCache = useRef<{ key: string; items: PossibleDuplicate[] } | null>(null);
  const templateId = useRef<string | null>(null);

  const update = useCallback((patch: (previous: ReportFormState) => ReportFormState) => {
    setState((previous) => {
      const next = patch(previous);
      stateRef.current = next;
      return next;
    });
  }, []);

  const loadCategories = useCallback(
    async (place: ReportPlace | null, force = false) => {
      const key = placeKey(place);
      if (!force && loadedFor.current === key && stateRef.current.categories.phase === 'ready') {
        return;
      }
      const ticket = ++categoriesTicket.current;
      loadedFor.current = key;
      update((previous) => ({
        ...previous,
        categories:
          previous.categories.phase === 'ready'
            ? previous.categories
            : { phase: 'loading', items: [], error: null },
      }));
      try {
        const items = await listReportCategories(
          place ? { lat: place.lat, lng: place.lng } : undefined,
        );
        if (ticket !== categoriesTicket.current) return;
        const active = items.filter((category) => category.active !== false);
        const chosen = stateRef.current.category;
        const stillThere = chosen
          ? (active.find((category) => category.code === chosen.code) ?? null)
          : null;
        if (chosen && !stillThere && !stateRef.current.editingDraft) {
          void Taro.showToast({
            title: t('report.categoryGone', { name: chosen.name }),
            icon: 'none',
          });
        }
        update((previous) => ({
          ...previous,
          category: previous.editingDraft ? previous.category : stillThere,
          categories: { phase: 'ready', items: active, error: null },
        }));
      } catch (caught) {
        if (ticket !== categoriesTicket.current) return;
        loadedFor.current = null;
        const error = toApiError(caught);
        update((previous) =>
          previous.categories.phase === 'ready'
            ? previous
            : { ...previous, categories: { phase: 'error', items: [], error } },
        );
      }
    },
    [update],
  );

  const locateNow = useCallback(async () => {
    const ticket = ++locateTicket.current;
    update((previous) => ({
      ...previous,
      locationPhase: 'locating',
      errors: { ...previous.errors, location: undefined },
    }));
    try {
      const fix = await locatePrecisely();
      if (ticket !== locateTicket.current) return;
      const place: ReportPlace = {
        lat: fix.lat,
        lng: fix.lng,
        accuracy: fix.accuracy >= UNKNOWN_ACCURACY_M ? null : fix.accuracy,
        source: 'gps',
      };
      update((previous) => ({ ...previous, place, locationPhase: 'located' }));
      void loadCategories(place);
    } catch {
      if (ticket !== locateTicket.current) return;
      update((previous) => ({
        ...previous,
        // A fix the worker already had stays usable.
        locationPhase: previous.place ? 'located' : 'failed',
      }));
      if (stateRef.current.place) {
        void Taro.showToast({ title: t('report.locationFailed'), icon: 'none' });
      } else {
        void loadCategories(null);
      }
    }
  }, [loadCategories, update]);

  const relocate = useCallback(() => {
    const consent = consentState(ConsentKind.Location);
    if (consent !== 'granted') {
      update((previous) => ({ ...previous, locationPhase: 'needs-consent' }));
      return;
    }
    void locateNow();
  }, [locateNow, update]);

  const loadDraft = useCallback(
    (id: string) => {
      const draft = reportQueue.find(id);
      if (!draft) return;
      const place: ReportPlace = {
        lat: draft.lat,
        lng: draft.lng,
        accuracy: draft.accuracy,
        source: 'gps',
      };
      const stub: ReportCategoryView = {
        id: draft.category,
        code: draft.category,
        name: draft.categoryName,
        icon: draft.categoryIcon,
        slaHours: 0,
        regionId: '',
        defaultDepartment: null,
        active: true,
        sortOrder: 0,
      };
      update((previous) => ({
        ...emptyForm(place, 'located'),
        clientRequestId: draft.clientRequestId,
        category:
          previous.categories.items.find((category) => category.code === draft.category) ?? stub,
        description: draft.description,
        address: draft.address ?? '',
        editingDraft: true,
        categories: previous.categories,
      }));
      photosRef.current.replaceAll(
        draft.photos.map((photo) =>
          photoItem(photo.localPath, photo.mediaId, photo.errorCode ?? null),
        ),
      );
      void loadCategories(place);
    },
    [loadCategories, update],
  );

  const start = useCallback(
    (draftToEdit?: string | null) => {
      if (session.get() === null) return;
      if (draftToEdit) {
        loadDraft(draftToEdit);
        return;
      }
      const current = stateRef.current;
      if (current.outcome) return;
      if (current.place === null && current.locationPhase !== 'locating') {
        const consent = consentState(ConsentKind.Location);
        if (consent === 'granted') void locateNow();
        else {
          update((previous) => ({
            ...previous,
            locationPhase: consent === 'refused' ? 'refused' : 'needs-consent',
          }));
          void loadCategories(null);
        }
        return;
      }
      void loadCategories(current.place);
    },
    [loadCategories, loadDraft, locateNow, update],
  );

  const answerLocationConsent = useCallback(
    (granted: boolean) => {
      decideConsent(ConsentKind.Location, granted).catch(() => undefined);
      if (granted) {
        void locateNow();
      } else {
        update((previous) => ({
          ...previous,
          locationPhase: previous.place ? 'located' : 'refused',
        }));
      }
    },
    [locateNow, update],
  );

  const chooseOnMap = useCallback(async () => {
    const current = stateRef.current.place;
    try {
      const picked = await Taro.chooseLocation(
        current ? { latitude: current.lat, longitude: current.lng } : {},
      );
      if (!Number.isFinite(picked.latitude) || !Number.isFinite(picked.longitude)) return;
      const place: ReportPlace = {
        lat: picked.latitude,
        lng: picked.longitude,
        accuracy: null,
        source: 'map',
      };
      const address = [picked.address, picked.name].filter(Boolean).join(' ').slice(0, 200);
      locateTicket.current += 1;
      update((previous) => ({
        ...previous,
        place,
        locationPhase: 'located',
        address: address || previous.address,
        errors: { ...previous.errors, location: undefined },
      }));
      void loadCategories(place);
    } catch {
      // Closed the map: nothing changes.
    }
  }, [loadCategories, update]);

  const selectCategory = useCallback(
    (category: ReportCategoryView) => {
      update((previous) => ({
        ...previous,
        category,
        errors: { ...previous.errors, category: undefined },
      }));
    },
    [update],
  );

  const setDescription = useCallback(
    (description: string) => {
      update((previous) => ({
        ...previous,
        description,
        errors: { ...previous.errors, description: undefined },
      }));
    },
    [update],
  );

  const setAddress = useCallback(
    (address: string) => update((previous) => ({ ...previous, address })),
    [update],
  );

  // Asked ahead, as soon as the category and the place are known, so the submitting tap can show
  // the prompt at once (and, on weapp, still ask for WeChat messages inside the tap).
  const categoryCode = state.category?.code;
  const { place } = state;
  useEffect(() => {
    const key = duplicatesKey(categoryCode, place);
    if (!key || !categoryCode || !place || duplicatesCache.current?.key === key) return;
    listPossibleDuplicates({
      category: categoryCode,
      lat: place.lat,
      lng: place.lng,
      accuracy: place.accuracy,
    })
      .then((items) => {
        duplicatesCache.current = { key, items };
      })
      .catch(() => undefined);
  }, [categoryCode, place]);

  const validate = useCallback((): FieldErrors => {
    const current = stateRef.current;
    const errors: FieldErrors = {};
    if (!current.category) errors.category = t('report.categoryRequired');
    const description = descriptionError(current.description);
    if (description) errors.description = description;
    if (!current.place) errors.location = t('report.locationRequired');
    if (photosRef.current.failed) errors.photos = t('report.photosFailedFirst');
    return errors;
  }, []);

  const send = useCallback(async () => {
    const current = stateRef.current;
    const category = current.category;
    const where = current.place;
    if (!category || !where) return;
    update((previous) => ({ ...previous, phase: 'sending' }));
    // Known offline too (remembered with the session), so a report is kept without a network.
    let userId = reportOwner();
    if (!userId) {
      try {
        userId = (await getMe()).id;
      } catch (caught) {
        update((previous) => ({ ...previous, phase: 'editing' }));
        void Taro.showToast({ title: errorMessage(toApiError(caught).code), icon: 'none' });
        return;
      }
    }
    const address = current.address.trim().slice(0, 200);
    const draft: ReportDraft = {
      clientRequestId: current.clientRequestId,
      userId,
      category: category.code,
      categoryName: category.name,
      categoryIcon: category.icon,
      description: current.description.trim(),
      lat: where.lat,
      lng: where.lng,
      accuracy: where.accuracy,
      address: address === '' ? null : address,
      photos: photosOf(photosRef.current.items),
      createdAt: reportQueue.find(current.clientRequestId)?.createdAt ?? new Date().toISOString(),
      state: 'pending',
      errorCode: null,
      attempts: 0,
      lastAttemptAt: null,
    };
    // On the phone before anything is sent: a crash or a lost answer never loses the report.
    await reportQueue.put(draft);
    const outcome = (await deviceOffline())
      ? ({ kind: 'deferred', code: ClientErrorCode.NetworkError } as const)
      : await reportQueue.send(draft.clientRequestId, { interactive: true });

    if (outcome.kind === 'sent' || outcome.kind === 'deferred' || outcome.kind === 'busy') {
      // Filed, or safe in the queue: the form starts afresh behind the outcome.
      const result: ReportOutcome =
        outcome.kind === 'sent'
          ? { kind: 'sent', report: outcome.report }
          : {
              kind: 'queued',
              code: outcome.kind === 'deferred' ? outcome.code : ClientErrorCode.NetworkError,
            };
      duplicatesCache.current = null;
      photosRef.current.replaceAll([]);
      update((previous) => ({
        ...emptyForm(previous.place, previous.place ? 'located' : previous.locationPhase),
        categories: previous.categories,
        outcome: result,
      }));
      return;
    }
    if (outcome.kind === 'missing') {
      update((previous) => ({ ...previous, phase: 'editing' }));
      return;
    }
    // Refused: the form still holds everything, with the same clientRequestId.
    const code = outcome.code;
    update((previous) => ({
      ...previous,
      phase: 'editing',
      editingDraft: false,
      ...(code === ErrorCode.REPORT_CATEGORY_UNAVAILABLE
        ? { category: null, errors: { category: errorMessage(code) } }
        : {}),
      ...(code === ErrorCode.REPORT_OUTSIDE_SERVICE_AREA
        ? { errors: { location: errorMessage(code) } }
        : {}),
    }));
    if (code === ErrorCode.MEDIA_NOT_ATTACHABLE) {
      // Upload them again on the next try.
      photosRef.current.replaceAll(
        photosRef.current.items.map((item) => ({
          ...item,
          status: 'waiting',
          mediaId: null,
          percent: 0,
        })),
      );
    }
    if (code === ErrorCode.REPORT_CATEGORY_UNAVAILABLE) void loadCategories(where, true);
    if (code === ErrorCode.CONSENT_REQUIRED && consentState(ConsentKind.Location) !== 'granted') {
      update((previous) => ({ ...previous, locationPhase: 'needs-consent' }));
    }
    void Taro.showToast({ title: errorMessage(code), icon: 'none' });
  }, [loadCategories, update]);

  const submit = useCallback(async () => {
    const current = stateRef.current;
    if (current.phase !== 'editing' || photosRef.current.uploading) return;
    const errors = validate();
    if (Object.keys(errors).length > 0) {
      update((previous) => ({ ...previous, errors }));
      return;
    }
    const key = duplicatesKey(current.category?.code, current.place);
    let duplicates =
      key && duplicatesCache.current?.key === key ? duplicatesCache.current.items : null;
    if (duplicates === null) {
      // Still inside the tap: WeChat shows its subscribe prompt only from one.
      update((previous) => ({ ...previous, errors: {}, phase: 'checking' }));
      try {
        duplicates = await listPossibleDuplicates({
          category: current.category?.code ?? '',
          lat: current.place?.lat ?? 0,
          lng: current.place?.lng ?? 0,
          accuracy: current.place?.accuracy,
        });
        if (key) duplicatesCache.current = { key, items: duplicates };
      } catch {
        // Offline or refused: the report still goes (or waits in the queue).
        duplicates = [];
      }
    }
    if (duplicates.length > 0) {
      update((previous) => ({ ...previous, errors: {}, phase: 'duplicates', duplicates }));
      return;
    }
    askForReportUpdates(templateId.current);
    update((previous) => ({ ...previous, errors: {} }));
    await send();
  }, [send, update, validate]);

  const confirmDuplicates = useCallback(async () => {
    askForReportUpdates(templateId.current);
    update((previous) => ({ ...previous, duplicates: [] }));
    await send();
  }, [send, update]);

  const cancelDuplicates = useCallback(() => {
    update((previous) => ({ ...previous, phase: 'editing', duplicates: [] }));
  }, [update]);

  const reset = useCallback(() => {
    const current = stateRef.current;
    duplicatesCache.current = null;
    photosRef.current.replaceAll([]);
    update(() => ({
      ...emptyForm(current.place, current.place ? 'located' : current.locationPhase),
      categories: current.categories,
    }));
  }, [update]);

  const reloadCategories = useCallback(() => {
    void loadCategories(stateRef.current.place, true);
  }, [loadCategories]);

  const setSubscriptionTemplate = useCallback((id: string | null) => {
    templateId.current = id;
  }, []);

  return [
    state,
    {
      start,
      relocate,
      answerLocationConsent,
      chooseOnMap,
      selectCategory,
      setDescription,
      setAddress,
      submit,
      confirmDuplicates,
      cancelDuplicates,
      reset,
      reloadCategories,
      setSubscriptionTemplate,
    },
    photos,
  ];
}
