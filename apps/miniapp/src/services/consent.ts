import Taro from '@tarojs/taro';
import { CONSENT_KINDS, ErrorCode, type ConsentKind, type MeResponse } from '@yizhan/contracts';
import { ApiError } from './api-error';
import { grantConsent, withdrawConsent } from './me';
import { session } from './session';

/**
 * Version of the privacy texts the consent sheet and the 隐私授权 section show. Bump it when
 * those texts change: every user is then asked again (PIPL wants consent to what was said).
 */
export const PRIVACY_VERSION = '2026-11';

/** What the user chose on this device, for one kind and one version of the text. */
export interface ConsentDecision {
  kind: ConsentKind;
  version: string;
  granted: boolean;
  decidedAt: string;
}

/** The state a page shows: asked and answered for the current version, or not yet asked. */
export type ConsentState = 'granted' | 'refused' | 'undecided';

const storageKey = (kind: ConsentKind) => `yizhan.consent.${kind}`;

function isDecision(value: unknown, kind: ConsentKind): value is ConsentDecision {
  if (typeof value !== 'object' || value === null) return false;
  const { kind: storedKind, version, granted } = value as Partial<ConsentDecision>;
  return storedKind === kind && typeof version === 'string' && typeof granted === 'boolean';
}

/**
 * The device's decisions are the user's intent (they gate what this phone does, signed in or
 * not); the server's consent records follow them (`reconcileConsents`). Cached in memory and
 * observable, so the stations tab hears a change made on the 我的 tab.
 */
const decisions = new Map<ConsentKind, ConsentDecision | null>();
const listeners = new Set<() => void>();

export function subscribeConsents(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The decision stored on this device for the current version, or null if none. */
export function localDecision(kind: ConsentKind): ConsentDecision | null {
  if (!decisions.has(kind)) {
    let stored: unknown = null;
    try {
      stored = Taro.getStorageSync(storageKey(kind));
    } catch {
      stored = null;
    }
    decisions.set(kind, isDecision(stored, kind) ? stored : null);
  }
  const decision = decisions.get(kind) ?? null;
  return decision?.version === PRIVACY_VERSION ? decision : null;
}

function saveLocal(kind: ConsentKind, granted: boolean): void {
  const decision: ConsentDecision = {
    kind,
    version: PRIVACY_VERSION,
    granted,
    decidedAt: new Date().toISOString(),
  };
  Taro.setStorageSync(storageKey(kind), decision);
  decisions.set(kind, decision);
  for (const listener of [...listeners]) listener();
}

/** Forgets the memory copies (tests). */
export function reloadConsents(): void {
  decisions.clear();
}

/**
 * Forgets this device's decisions when someone signs out or erases their account: on a shared
 * phone the next person must give their own consent, not inherit (and have recorded on their
 * account) the previous one's.
 */
export function forgetConsentDecisions(): void {
  for (const kind of CONSENT_KINDS) {
    try {
      Taro.removeStorageSync(storageKey(kind));
    } catch {
      // Storage unavailable: the memory copy below is what the app reads anyway.
    }
    decisions.set(kind, null);
  }
  for (const listener of [...listeners]) listener();
}

/** True when the server holds this user's agreement to the current version. */
export function grantedOnServer(user: MeResponse | null, kind: ConsentKind): boolean {
  return (
    user?.consents.some(
      (consent) => consent.kind === kind && consent.version === PRIVACY_VERSION,
    ) ?? false
  );
}

/**
 * The device's decision; without one, a signed-in user's agreement on the server counts (they
 * agreed on another phone), and otherwise the user has not been asked yet.
 */
export function consentState(
  kind: ConsentKind,
  user: MeResponse | null = session.getUser(),
): ConsentState {
  const local = localDecision(kind);
  if (local) return local.granted ? 'granted' : 'refused';
  return grantedOnServer(user, kind) ? 'granted' : 'undecided';
}

async function withdrawOnServer(kind: ConsentKind): Promise<void> {
  try {
    await withdrawConsent(kind);
  } catch (error) {
    // Nothing to withdraw is the state we want.
    if (!(error instanceof ApiError && error.code === ErrorCode.NOT_FOUND)) throw error;
  }
}

/**
 * Records a decision on this device at once and, when signed in, on the server: an agreement is
 * `POST /me/consents`, a refusal withdraws whatever the server holds. The device follows the
 * user even when the server call fails (that error is thrown for the caller to show, and the
 * next `reconcileConsents` retries).
 */
export async function decideConsent(kind: ConsentKind, granted: boolean): Promise<void> {
  saveLocal(kind, granted);
  if (session.get() === null) return;
  if (granted) {
    await grantConsent(kind, PRIVACY_VERSION);
    return;
  }
  const user = session.getUser();
  // With the profile not loaded yet we cannot know: withdraw anyway.
  if (user && !user.consents.some((consent) => consent.kind === kind)) return;
  await withdrawOnServer(kind);
}

const reconciling = new Map<ConsentKind, Promise<void>>();

/**
 * Makes the server's records match this device's decisions (after a login, after `GET /me`): an
 * agreement given while signed out gets recorded, a refusal withdraws a record. Without a local
 * decision, an agreement the server holds for this version becomes the device's too.
 */
export async function reconcileConsents(
  user: MeResponse,
  kinds: readonly ConsentKind[],
): Promise<void> {
  for (const kind of kinds) {
    // A login and the 我的 tab's GET /me right after it both reconcile: one call per kind.
    const running = reconciling.get(kind);
    if (running) {
      await running;
      continue;
    }
    const done = reconcileOne(user, kind).finally(() => reconciling.delete(kind));
    reconciling.set(kind, done);
    await done;
  }
}

async function reconcileOne(user: MeResponse, kind: ConsentKind): Promise<void> {
  const local = localDecision(kind);
  if (local === null) {
    if (grantedOnServer(user, kind)) saveLocal(kind, true);
  } else if (local.granted && !grantedOnServer(user, kind)) {
    await grantConsent(kind, PRIVACY_VERSION);
  } else if (!local.granted && user.consents.some((consent) => consent.kind === kind)) {
    await withdrawOnServer(kind);
  }
}

/** The consent a CONSENT_REQUIRED refusal names (`details.kind`), else the one the call needs. */
function consentKindOf(error: ApiError, fallback: ConsentKind): ConsentKind {
  const kind = (error.details as { kind?: unknown } | null | undefined)?.kind;
  return (CONSENT_KINDS as readonly unknown[]).includes(kind) ? (kind as ConsentKind) : fallback;
}

/**
 * Runs a call, and once more after recording on the server a consent this device holds but the
 * server lacks (agreed while signed out, or a sync that failed), as the check-in does. A refusal
 * for a consent the user has not given here is thrown for the caller to ask.
 */
export async function withConsentRetry<T>(kind: ConsentKind, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (caught) {
    if (!(caught instanceof ApiError) || caught.code !== ErrorCode.CONSENT_REQUIRED) throw caught;
    const needed = consentKindOf(caught, kind);
    if (consentState(needed) !== 'granted') throw caught;
    await grantConsent(needed, PRIVACY_VERSION).catch(() => {
      throw caught;
    });
    return call();
  }
}
